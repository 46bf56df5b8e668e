package io.carga.http.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The bytes of a request body and their content type. Built once, sent as many times as wanted.
 *
 * <pre>{@code
 * RequestBody.form(Map.of("q", "açaí"));
 * RequestBody.bytes(png, "image/png");
 * Multipart.builder().file("file", "logo.png", "image/png", png).build();
 * }</pre>
 *
 * @param contentType the Content-Type header value, or null to send none
 */
public record RequestBody(byte[] bytes, String contentType) {

    public static final RequestBody EMPTY = new RequestBody(new byte[0], null);

    public RequestBody {
        if (bytes == null) {
            throw new IllegalArgumentException("body bytes are null");
        }
        if (contentType != null) {
            Headers.checkValue("Content-Type", contentType);
        }
    }

    public static RequestBody bytes(byte[] bytes, String contentType) {
        return new RequestBody(bytes, contentType);
    }

    /** UTF-8 text with the given media type; {@code charset=utf-8} is added. */
    public static RequestBody text(String text, String mediaType) {
        return new RequestBody(text.getBytes(StandardCharsets.UTF_8), mediaType + "; charset=utf-8");
    }

    /** JSON text that is already serialized. */
    public static RequestBody json(String json) {
        return new RequestBody(json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** {@code application/x-www-form-urlencoded}, fields in the map's order, UTF-8. */
    public static RequestBody form(Map<String, ?> fields) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8));
        }
        return new RequestBody(sb.toString().getBytes(StandardCharsets.US_ASCII),
                "application/x-www-form-urlencoded");
    }

    public int length() {
        return bytes.length;
    }
}
