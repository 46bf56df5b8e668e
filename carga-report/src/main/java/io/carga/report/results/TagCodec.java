package io.carga.report.results;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * hlog tags may hold neither commas nor white space (the log is comma separated), while request names
 * hold both ("GET /api/v1/users/{id}"): tags are URL-encoded.
 */
final class TagCodec {
    private TagCodec() {
    }

    static String encode(String prefix, String label) {
        return prefix + URLEncoder.encode(label, StandardCharsets.UTF_8);
    }

    static String decode(String tag) {
        return URLDecoder.decode(tag, StandardCharsets.UTF_8);
    }
}
