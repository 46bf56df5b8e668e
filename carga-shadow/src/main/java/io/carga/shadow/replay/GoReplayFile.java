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

/**
 * Reads a GoReplay recording ({@code gor --output-file requests.gor}): payloads separated by a line holding
 * {@code 🐵🙈🙉}, each starting with a meta line {@code TYPE ID TIMESTAMP_NS LATENCY}, then the raw HTTP message.
 * Type 1 is a request; responses (2, original; 3, replayed) are skipped, since the primary answers again.
 */
public final class GoReplayFile {
    static final String SEPARATOR = "\n\uD83D\uDC35\uD83D\uDE48\uD83D\uDE49\n";

    private GoReplayFile() {
    }

    public static boolean looksLike(byte[] head) {
        String s = new String(head, StandardCharsets.UTF_8);
        return s.matches("(?s)^[123] [0-9a-fA-F]+ \\d+.*") || s.contains(SEPARATOR.strip());
    }

    public static List<CapturedRequest> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        String sep = new String(SEPARATOR.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        List<CapturedRequest> out = new ArrayList<>();
        int n = 0;
        for (String payload : text.split(java.util.regex.Pattern.quote(sep), -1)) {
            n++;
            if (payload.isBlank()) {
                continue;
            }
            int nl = payload.indexOf('\n');
            String meta = nl < 0 ? payload : payload.substring(0, nl);
            if (!meta.startsWith("1 ")) {
                continue;
            }
            out.add(message(payload.substring(nl + 1), file, n));
        }
        return out;
    }

    /** A raw HTTP/1.x request; the body is what follows the blank line (bytes kept as recorded). */
    static CapturedRequest message(String raw, Path file, int n) {
        int end = raw.indexOf("\r\n\r\n");
        int skip = 4;
        if (end < 0) {
            end = raw.indexOf("\n\n");
            skip = 2;
        }
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + skip);
        String[] lines = head.split("\r?\n");
        String[] start = lines[0].split(" ");
        if (start.length < 2) {
            throw new IllegalArgumentException(file + ": payload " + n + " is not an HTTP request: '" + lines[0] + "'");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
            }
        }
        String target = start[1].startsWith("http") ? java.net.URI.create(start[1]).getRawPath() : start[1];
        return new CapturedRequest(start[0], target, headers, body.getBytes(StandardCharsets.ISO_8859_1));
    }
}
