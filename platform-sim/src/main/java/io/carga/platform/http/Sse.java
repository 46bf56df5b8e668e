package io.carga.platform.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A server-sent-events response: each event is written and flushed at once, so timing is visible. */
public final class Sse implements AutoCloseable {
    private final OutputStream out;

    public Sse(ServerResponse res) {
        res.status(200);
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        this.out = res.outputStream();
    }

    public void data(String payload) throws IOException {
        write("data: " + payload + "\n\n");
    }

    /** An SSE comment line: every SSE parser ignores it, so it can carry simulator facts safely. */
    public void comment(String text) throws IOException {
        write(": " + text + "\n\n");
    }

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
