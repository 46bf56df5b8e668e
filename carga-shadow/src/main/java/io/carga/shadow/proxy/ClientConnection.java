package io.carga.shadow.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client's connection to the proxy, with the primary connection that serves it on the same event loop. Its
 * requests are answered one at a time, in order (pipelined ones wait their turn):
 * <ol>
 * <li>the request, read whole by the codec, is captured (a mirrored request is sent again, so its body is kept);</li>
 * <li>it goes to the primary, whose answer goes back to the client as it is read: status and headers, then the
 *     body, flushed at the end of each read, so server-sent events and chunked answers stream through;</li>
 * <li>if sampled, the primary's answer (kept while it streamed) and the request are offered to the
 *     {@link MirrorQueue}. The offer never waits; a full queue drops the mirror and counts it.</li>
 * </ol>
 */
final class ClientConnection extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");
    private final ShadowProxy.Path path;
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Channel primary;
    private Exchange current;

    ClientConnection(ShadowProxy.Path path) {
        this.path = path;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (req.decoderResult().isFailure()) {
            String why = "carga shadow: not a valid HTTP request (" + req.decoderResult().cause().getMessage() + ")\n";
            ctx.writeAndFlush(plain(HttpResponseStatus.BAD_REQUEST, why, false)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        waiting.add(new Exchange(req));
        if (current == null) {
            next();
        } else {
            ctx.channel().config().setAutoRead(false); // pipelined: read on when the queue has drained
        }
    }

    private void next() {
        current = waiting.poll();
        if (current == null) {
            ctx.channel().config().setAutoRead(true);
            return;
        }
        current.forward(true);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (primary != null) {
            primary.close();
        }
        waiting.forEach(e -> path.answered()); // never sent: the client that asked is gone
        waiting.clear();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (primary != null) {
            primary.config().setAutoRead(ctx.channel().isWritable()); // a slow client slows its primary connection, no buffer grows
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // the client went away, or sent what the codec cannot read
    }

    /** One request and its way through the proxy. */
    private final class Exchange implements AnswerSink {
        final long start = System.nanoTime();
        final CapturedRequest request;
        final boolean keepAlive;
        final String endpoint;
        final boolean sampled;
        long sent;
        boolean retry;
        int status;
        Map<String, List<String>> headers;
        KeptBody kept;
        long bytesOut;

        Exchange(FullHttpRequest req) {
            byte[] body = new byte[req.content().readableBytes()];
            req.content().getBytes(req.content().readerIndex(), body);
            this.request = new CapturedRequest(req.method().name(), req.uri(), Message.headers(req.headers(), false), body);
            this.keepAlive = HttpUtil.isKeepAlive(req);
            path.received();
            this.endpoint = path.templates().endpoint(request.method(), request.path());
            var stats = path.results().endpoint(endpoint);
            stats.requested();
            this.sampled = path.sampler().sampled(request);
            if (sampled) {
                stats.sampled();
                kept = new KeptBody();
            }
        }

        /** Sends to the primary, on the kept connection when it is open; {@code mayRetry} once, if a reused one was closed. */
        void forward(boolean mayRetry) {
            sent = System.nanoTime(); // the pairing compares the servers: the candidate's time runs from its send too
            if (primary != null && primary.isActive()) {
                send(primary, mayRetry);
                return;
            }
            path.primary().connect(ctx.channel().eventLoop()).addListener(f -> {
                if (!f.isSuccess()) {
                    failed(f.cause(), false);
                } else if (!ctx.channel().isActive()) {
                    ((ChannelFuture) f).channel().close(); // the client left while the connection opened
                    failed(new ClosedChannelException(), false);
                } else {
                    primary = ((ChannelFuture) f).channel();
                    send(primary, false);
                }
            });
        }

        private void send(Channel to, boolean mayRetry) {
            UpstreamHandler h = to.pipeline().get(UpstreamHandler.class);
            boolean reused = h.sent() > 0;
            retry = mayRetry && reused && IDEMPOTENT.contains(request.method());
            h.send(path.primary().request(request, false), this, path.primary().timeout());
        }

        @Override
        public void head(HttpResponse head) {
            status = head.status().code();
            if (kept != null) {
                headers = Message.headers(head.headers(), true); // for the diff: only a mirrored answer needs the map
            }
            HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, head.status());
            HttpHeaders h = out.headers();
            for (Map.Entry<String, String> e : head.headers()) {
                if (!HopByHop.is(e.getKey())) {
                    h.add(e.getKey(), e.getValue()); // as the primary sent them, in its order
                }
            }
            boolean bodiless = request.method().equals("HEAD") || status == 204 || status == 304 || status < 200;
            String length = head.headers().get(HttpHeaderNames.CONTENT_LENGTH);
            if (length != null && (bodiless ? request.method().equals("HEAD") : true)) {
                h.set(HttpHeaderNames.CONTENT_LENGTH, length);
            } else if (!bodiless) {
                h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
            if (!keepAlive) {
                h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            ctx.write(out, ctx.voidPromise());
        }

        @Override
        public void content(HttpContent content, boolean last) {
            bytesOut += content.content().readableBytes();
            if (kept != null) {
                kept.add(content.content());
            }
            if (!last) {
                ctx.write(content.retain(), ctx.voidPromise());
                return;
            }
            var done = ctx.writeAndFlush(content.retain());
            long end = System.nanoTime();
            path.listener().answered(endpoint, start, end, status, request.body().length, bytesOut, null);
            if (sampled) {
                Answer answer = kept.answer(status, headers, end - sent);
                if (!path.mirrors().offer(new MirrorQueue.Job(endpoint, request, answer))) {
                    path.results().endpoint(endpoint).dropped();
                }
            }
            finish(done);
        }

        @Override
        public void flush() {
            ctx.flush();
        }

        @Override
        public void failed(Throwable cause, boolean answered) {
            String error = errorName(cause);
            if (!answered && retry && ctx.channel().isActive()) {
                retry = false;
                primary = null;
                forward(false); // the primary closed a kept connection as the request went out: once more, on a new one
                return;
            }
            long end = System.nanoTime();
            if (sampled) {
                path.results().endpoint(endpoint).dropped(); // nothing whole to compare the candidate's answer with
            }
            if (answered) {
                path.listener().answered(endpoint, start, end, status, request.body().length, bytesOut, error);
                ctx.close(); // the answer is half sent: the client can only tell from the connection closing
                return;
            }
            FullHttpResponse bad = plain(HttpResponseStatus.BAD_GATEWAY, "carga shadow: the primary did not answer (" + error + ")\n", keepAlive);
            path.listener().answered(endpoint, start, end, 502, request.body().length, bad.content().readableBytes(), error);
            finish(ctx.writeAndFlush(bad));
        }

        private void finish(ChannelFuture written) {
            path.answered();
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
                return;
            }
            next();
        }
    }

    /** What went wrong, named by the JDK's class (Netty's annotate the JDK's: AnnotatedConnectException is a ConnectException). */
    static String errorName(Throwable cause) {
        Class<?> c = cause.getClass();
        while (c.getName().startsWith("io.netty.") && c.getSuperclass() != null) {
            c = c.getSuperclass();
        }
        return c.getSimpleName();
    }

    /** A short text answer of the proxy's own, closing the connection unless {@code keepAlive}. */
    private static FullHttpResponse plain(HttpResponseStatus status, String text, boolean keepAlive) {
        byte[] msg = text.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(msg));
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, msg.length);
        if (!keepAlive) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return r;
    }
}
