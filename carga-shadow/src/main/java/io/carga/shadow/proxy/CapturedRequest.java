package io.carga.shadow.proxy;

import java.util.List;
import java.util.Map;

/**
 * A request as the client sent it, kept whole so that it can be sent again to the candidate and the
 * secondary, or read back from a recording.
 *
 * @param target  the path with its query string ({@code /api/v1/business/biz_7?x=1})
 * @param headers end-to-end headers, names without case ({@link Message#headers})
 */
public record CapturedRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {
    public CapturedRequest {
        headers = Message.headers(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The path without its query string. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The query string without its {@code ?}, or "" when there is none. */
    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q + 1);
    }

    public String header(String name) {
        return Message.first(headers, name);
    }
}
