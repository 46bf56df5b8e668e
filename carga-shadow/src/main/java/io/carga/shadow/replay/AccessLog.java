package io.carga.shadow.replay;

import io.carga.shadow.proxy.CapturedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a combined-format access log (Apache's and nginx's {@code combined}):
 * <pre>
 * HOST IDENT USER [TIME] "METHOD TARGET PROTOCOL" STATUS BYTES "REFERER" "USER-AGENT" ["BODY"]
 * </pre>
 * An extra quoted field after the user agent is the request body, as nginx writes {@code $request_body} (with its
 * {@code \xHH} escapes); {@code "-"} means none. Referer and user agent are sent again as headers. Lines that are
 * not requests (blank, {@code #} comments) are skipped; a malformed one is an error naming its line.
 */
public final class AccessLog {
    private static final Pattern LINE = Pattern.compile(
            "^\\S+ \\S+ \\S+ \\[[^]]*] \"(\\S+) (\\S+)(?: [^\"]*)?\" \\d{3} \\S+(?: \"((?:[^\"\\\\]|\\\\.)*)\" \"((?:[^\"\\\\]|\\\\.)*)\")?(?: \"((?:[^\"\\\\]|\\\\.)*)\")?.*$");
    private static final Pattern ESCAPE = Pattern.compile("\\\\x([0-9a-fA-F]{2})|\\\\(.)");

    private AccessLog() {
    }

    public static List<CapturedRequest> read(Path file) throws IOException {
        List<CapturedRequest> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a combined-format log line");
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            header(headers, "Referer", m.group(3));
            header(headers, "User-Agent", m.group(4));
            String body = m.group(5) == null || m.group(5).equals("-") ? "" : unescape(m.group(5));
            out.add(new CapturedRequest(m.group(1), m.group(2), headers, body.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return out;
    }

    private static void header(Map<String, List<String>> headers, String name, String value) {
        if (value != null && !value.equals("-") && !value.isEmpty()) {
            headers.put(name, List.of(unescape(value)));
        }
    }

    /** nginx's escapes: {@code \x22} is a byte, {@code \"} a quote; the result holds one char per byte. */
    static String unescape(String s) {
        Matcher m = ESCAPE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String rep = m.group(1) != null ? String.valueOf((char) Integer.parseInt(m.group(1), 16)) : m.group(2);
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
