package io.carga.platform.auth;

/** Who is calling: the user and the business they belong to, from a verified token. */
public record Principal(long userId, long businessId) {}
