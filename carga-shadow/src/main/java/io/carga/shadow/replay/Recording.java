package io.carga.shadow.replay;

import io.carga.shadow.proxy.CapturedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A file of recorded traffic: a GoReplay file or a combined-format access log, told apart by their first bytes. */
public final class Recording {
    private Recording() {
    }

    public static List<CapturedRequest> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--replay: no file " + file);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(256);
        }
        return GoReplayFile.looksLike(head) ? GoReplayFile.read(file) : AccessLog.read(file);
    }
}
