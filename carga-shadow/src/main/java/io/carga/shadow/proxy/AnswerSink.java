package io.carga.shadow.proxy;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Where an upstream's answer goes as it is read: the primary's to the client ({@link ClientConnection}), a
 * mirror's into an {@link Answer} ({@link CollectedAnswer}). Called on the upstream connection's event loop, in
 * this order: {@link #head} once, {@link #content} until {@code last}, or {@link #failed} at any point instead.
 */
interface AnswerSink {
    void head(HttpResponse head);

    /** {@code content} is released after the call: a sink that passes it on retains it. */
    void content(HttpContent content, boolean last);

    /** The end of one read from the upstream: what was written since may be flushed. */
    void flush();

    /** The answer will not come (or not whole). {@code answered} tells whether {@link #head} was called. */
    void failed(Throwable cause, boolean answered);
}
