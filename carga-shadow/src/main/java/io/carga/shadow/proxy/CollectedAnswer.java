package io.carga.shadow.proxy;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** An upstream's answer read whole into an {@link Answer} (its first {@link Answer#MAX_BODY} bytes kept). */
final class CollectedAnswer implements AnswerSink {
    final CompletableFuture<Answer> result = new CompletableFuture<>();
    private final long sentNanos;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status;
    private Map<String, List<String>> headers;
    private boolean truncated;

    CollectedAnswer(long sentNanos) {
        this.sentNanos = sentNanos;
    }

    @Override
    public void head(HttpResponse head) {
        status = head.status().code();
        headers = Upstream.endToEnd(head.headers());
    }

    @Override
    public void content(HttpContent content, boolean last) {
        int n = content.content().readableBytes();
        int room = Answer.MAX_BODY - body.size();
        if (n > room) {
            truncated = true;
        }
        if (room > 0 && n > 0) {
            byte[] bytes = new byte[Math.min(n, room)];
            content.content().getBytes(content.content().readerIndex(), bytes);
            body.writeBytes(bytes);
        }
        if (last) {
            result.complete(new Answer(status, headers, body.toByteArray(), truncated, System.nanoTime() - sentNanos));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void failed(Throwable cause, boolean answered) {
        result.completeExceptionally(cause);
    }
}
