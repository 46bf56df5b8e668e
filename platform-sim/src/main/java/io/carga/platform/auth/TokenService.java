package io.carga.platform.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed access tokens: compact JWTs (HS256) with {@code sub} (user id), {@code biz} (business id),
 * {@code iat} and {@code exp}. A JWT rather than an opaque id so no database lookup is needed per request,
 * as most real API gateways do.
 */
public final class TokenService {
    private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public TokenService(byte[] secret, Duration ttl, Clock clock) {
        this.secret = secret.clone();
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(Principal p) {
        long now = clock.instant().getEpochSecond();
        String payload = "{\"sub\":\"" + p.userId() + "\",\"biz\":" + p.businessId() + ",\"iat\":" + now
                + ",\"exp\":" + (now + ttl.toSeconds()) + "}";
        String signingInput = HEADER + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + b64(sign(signingInput));
    }

    /** The principal if the token is well formed, correctly signed and not expired. */
    public Optional<Principal> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[0].equals(HEADER)) {
            return Optional.empty();
        }
        try {
            byte[] given = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(given, sign(parts[0] + "." + parts[1]))) {
                return Optional.empty();
            }
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (claims.path("exp").asLong(0) <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new Principal(Long.parseLong(claims.path("sub").asText()), claims.path("biz").asLong()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
