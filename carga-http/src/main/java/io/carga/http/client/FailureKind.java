package io.carga.http.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Why a request got no complete HTTP response. HTTP status classes and checks are judged above the client. */
public enum FailureKind {
    /** Nothing listens on the port, or the host is unreachable. */
    REFUSED,
    /** The peer reset or closed the connection before the response ended. */
    RESET,
    /** TCP connect plus TLS handshake took longer than the connect timeout. */
    CONNECT_TIMEOUT,
    /** The response did not complete within the response timeout. */
    READ_TIMEOUT,
    /** The TLS handshake failed: untrusted certificate, wrong host name, no common protocol. */
    TLS,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** The bytes received are not HTTP/1.1. */
    PROTOCOL,
    /** Any other I/O error. */
    IO;

    /** Classifies an I/O exception; {@code connecting} tells a connect timeout from a read timeout. */
    public static FailureKind of(IOException e, boolean connecting) {
        if (e instanceof HttpFailure f) {
            return f.kind();
        }
        if (e instanceof SocketTimeoutException) {
            return connecting ? CONNECT_TIMEOUT : READ_TIMEOUT;
        }
        if (e instanceof UnknownHostException) {
            return UNKNOWN_HOST;
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            return m.contains("timed out") ? CONNECT_TIMEOUT : REFUSED;
        }
        if (e instanceof SSLException) {
            Throwable c = e.getCause();
            if (c instanceof SocketTimeoutException) {
                return connecting ? CONNECT_TIMEOUT : READ_TIMEOUT;
            }
            if (c instanceof SocketException || c instanceof EOFException || isReset(e.getMessage())) {
                return connecting ? TLS : RESET;
            }
            return TLS;
        }
        if (e instanceof EOFException || (e instanceof SocketException && isReset(e.getMessage()))) {
            return RESET;
        }
        if (e instanceof SocketException) {
            return RESET;
        }
        return IO;
    }

    private static boolean isReset(String m) {
        if (m == null) {
            return false;
        }
        String s = m.toLowerCase(java.util.Locale.ROOT);
        return s.contains("reset") || s.contains("broken pipe") || s.contains("closed") || s.contains("abort");
    }
}
