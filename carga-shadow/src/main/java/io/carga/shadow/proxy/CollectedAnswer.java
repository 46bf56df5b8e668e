package io.carga.shadow.proxy;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** An upstream's answer read whole into an {@link Answer} (its first {@link Answer#MAX_BODY} bytes kept). */
final class CollectedAnswer implements AnswerSink {
    final CompletableFuture<Answer> result = new CompletableFuture<>();
    private final long sentNanos;
    private final KeptBody body = new KeptBody();
    private int status;
    private Map<String, List<String>> headers;

    CollectedAnswer(long sentNanos) {
        this.sentNanos = sentNanos;
    }

    @Override
    public void head(HttpResponse head) {
        status = head.status().code();
        headers = Message.headers(head.headers(), true);
    }

    @Override
    public void content(HttpContent content, boolean last) {
        body.add(content.content());
        if (last) {
            result.complete(body.answer(status, headers, System.nanoTime() - sentNanos));
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
