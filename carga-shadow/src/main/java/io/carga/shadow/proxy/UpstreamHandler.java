package io.carga.shadow.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The end of one connection to an upstream: sends one request at a time and hands the answer, as it is read, to
 * that request's {@link AnswerSink}. An answer that has not begun within the upstream's timeout fails the request
 * and closes the connection. Used on the connection's event loop only.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {
    private ChannelHandlerContext ctx;
    private AnswerSink sink;
    private boolean answered;
    private boolean informational;
    private boolean keepAlive;
    private ScheduledFuture<?> timeout;
    private int sent;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** How many requests this connection has carried: a failure on a reused connection may be the server's idle close. */
    int sent() {
        return sent;
    }

    /** Sends {@code request}; its answer goes to {@code to}. The previous answer must have ended. */
    void send(FullHttpRequest request, AnswerSink to, Duration headTimeout) {
        sink = to;
        answered = false;
        informational = false;
        sent++;
        timeout = ctx.executor().schedule(() -> fail(new HttpTimeoutException("no answer within " + headTimeout.toMillis() + " ms"), true),
                headTimeout.toNanos(), TimeUnit.NANOSECONDS);
        ctx.writeAndFlush(request).addListener(f -> {
            if (!f.isSuccess()) {
                fail(f.cause(), true);
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (sink == null) {
                return; // nothing asked: a server talking out of turn, ignored until the connection closes
            }
            if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
                fail(new IOException("the upstream's answer is not valid HTTP: " + o.decoderResult().cause().getMessage()), true);
                return;
            }
            if (msg instanceof HttpResponse head) {
                int status = head.status().code();
                informational = status >= 100 && status < 200 && status != 101; // an interim answer: the real one follows
                if (!informational) {
                    cancelTimeout();
                    answered = true;
                    keepAlive = HttpUtil.isKeepAlive(head);
                    sink.head(head);
                }
            }
            if (msg instanceof HttpContent c) {
                boolean last = c instanceof LastHttpContent;
                if (informational) {
                    informational = !last;
                    return;
                }
                AnswerSink to = sink;
                if (last) {
                    sink = null;
                    if (!keepAlive) {
                        ctx.close();
                    }
                }
                to.content(c, last);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (sink != null) {
            sink.flush();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(new IOException("the upstream closed the connection" + (answered ? " mid-answer" : " before answering")), false);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause, true);
    }

    private void fail(Throwable cause, boolean close) {
        cancelTimeout();
        AnswerSink to = sink;
        sink = null;
        if (close) {
            ctx.close();
        }
        if (to != null) {
            to.failed(cause, answered);
        }
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }
}
