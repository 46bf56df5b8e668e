package io.carga.http.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/form-data} body (RFC 7578): text fields and files with a filename and content type.
 *
 * <pre>{@code
 * RequestBody body = Multipart.builder()
 *         .field("kind", "logo")
 *         .file("file", "test_logo.png", "image/png", pngBytes)
 *         .build();
 * }</pre>
 */
public final class Multipart {

    private Multipart() {
    }

    public static Builder builder() {
        return new Builder("carga-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    /** Adds parts in order; {@link #build()} closes the body. */
    public static final class Builder {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private Builder(String boundary) {
            this.boundary = boundary;
        }

        public Builder field(String name, String value) {
            head(name, null, "text/plain; charset=utf-8");
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(CRLF);
            return this;
        }

        public Builder file(String name, String filename, String contentType, byte[] content) {
            head(name, filename, contentType == null ? "application/octet-stream" : contentType);
            out.writeBytes(content);
            out.writeBytes(CRLF);
            return this;
        }

        public RequestBody build() {
            ascii("--" + boundary + "--\r\n");
            return new RequestBody(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
        }

        private void head(String name, String filename, String contentType) {
            Headers.checkValue("Content-Type", contentType);
            ascii("--" + boundary + "\r\n");
            StringBuilder d = new StringBuilder("Content-Disposition: form-data; name=\"").append(quote(name)).append('"');
            if (filename != null) {
                d.append("; filename=\"").append(quote(filename)).append('"');
            }
            out.writeBytes(d.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            ascii("Content-Type: " + contentType + "\r\n\r\n");
        }

        private void ascii(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    // RFC 7578 section 4.2: percent-encode the quote and line breaks inside a quoted parameter.
    private static String quote(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
