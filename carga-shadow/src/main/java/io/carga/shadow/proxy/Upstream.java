package io.carga.shadow.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelPool;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One server the proxy sends to (primary, candidate or secondary): HTTP/1.1 over keep-alive connections, no
 * redirects followed, so the client gets the primary's answer as the primary gave it.
 * <ul>
 * <li>{@link #connect} opens a connection of one client's own, on that client's event loop: the primary path.</li>
 * <li>{@link #fetch} sends on a pooled connection and waits for the whole answer: mirrors and replays.</li>
 * </ul>
 */
public final class Upstream implements AutoCloseable {
    /** Marks mirrored requests, so a candidate can tell shadow traffic from its own. */
    public static final String SHADOW_HEADER = "X-Carga-Shadow";
    private final URI base;
    private final String basePath;
    private final String authority;
    private final Duration timeout;
    private final Bootstrap bootstrap;
    private final ChannelPool pool;

    /**
     * @param timeout how long an answer may take to begin (a fetch: to end) before it is abandoned
     * @param loops   the event loops its connections run on
     */
    public Upstream(URI base, Duration timeout, Loops loops) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.basePath = this.base.getRawPath() == null ? "" : this.base.getRawPath();
        boolean tls = "https".equalsIgnoreCase(this.base.getScheme());
        int port = this.base.getPort() > 0 ? this.base.getPort() : tls ? 443 : 80;
        String host = this.base.getHost();
        this.authority = this.base.getPort() > 0 ? host + ":" + port : host;
        this.timeout = timeout;
        SslContext ssl = tls ? clientTls() : null;
        this.bootstrap = new Bootstrap().channel(NioSocketChannel.class).remoteAddress(host, port)
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000);
        this.pool = new SimpleChannelPool(bootstrap.clone().group(loops.group()), new AbstractChannelPoolHandler() {
            @Override
            public void channelCreated(Channel ch) {
                pipeline(ch, ssl, host, port);
            }
        });
        this.bootstrap.handler(new io.netty.channel.ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                pipeline(ch, ssl, host, port);
            }
        });
    }

    private static void pipeline(Channel ch, SslContext ssl, String host, int port) {
        if (ssl != null) {
            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), host, port));
        }
        ch.pipeline().addLast(new HttpClientCodec(decoding(), HttpClientCodec.DEFAULT_FAIL_ON_MISSING_RESPONSE, HttpClientCodec.DEFAULT_PARSE_HTTP_AFTER_CONNECT_REQUEST), new UpstreamHandler());
    }

    /** How the proxy reads messages, either side: a request line or a header block up to 64 KiB (Netty's defaults, 4 and 8 KiB, are a server's, not a proxy's). */
    static HttpDecoderConfig decoding() {
        return new HttpDecoderConfig().setMaxInitialLineLength(64 << 10).setMaxHeaderSize(64 << 10);
    }

    private static SslContext clientTls() {
        try {
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI base() {
        return base;
    }

    Duration timeout() {
        return timeout;
    }

    /** The request {@code r} as it goes to this server: the same method, target, end-to-end headers and body. */
    FullHttpRequest request(CapturedRequest r, boolean mirrored) {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(r.method()), basePath + r.target(),
                Unpooled.wrappedBuffer(r.body()));
        HttpHeaders h = req.headers();
        r.headers().forEach((name, values) -> {
            if (!HopByHop.is(name)) {
                h.add(name, values);
            }
        });
        h.set(HttpHeaderNames.HOST, authority);
        if (r.body().length > 0 || r.method().equals("POST") || r.method().equals("PUT") || r.method().equals("PATCH")) {
            h.setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        }
        if (mirrored) {
            h.set(SHADOW_HEADER, "1");
        }
        return req;
    }

    /** Opens a connection on {@code loop}; its {@link UpstreamHandler} sends and reads. */
    ChannelFuture connect(EventLoop loop) {
        return bootstrap.clone(loop).connect();
    }

    /** Sends {@code r} and waits for the whole answer (its first {@link Answer#MAX_BODY} bytes kept). */
    public Answer fetch(CapturedRequest r, boolean mirrored) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Channel ch = await(pool.acquire(), t0);
        try {
            CollectedAnswer answer = new CollectedAnswer(System.nanoTime());
            FullHttpRequest req = request(r, mirrored);
            ch.eventLoop().execute(() -> ch.pipeline().get(UpstreamHandler.class).send(req, answer, timeout));
            try {
                return await(answer.result, t0);
            } catch (IOException | InterruptedException e) {
                ch.close(); // half an answer may still come: the connection is not reused
                throw e;
            }
        } finally {
            pool.release(ch); // a closed connection is dropped by the pool's health check
        }
    }

    private <T> T await(java.util.concurrent.Future<T> f, long t0) throws IOException, InterruptedException {
        long left = timeout.toNanos() - (System.nanoTime() - t0);
        try {
            return f.get(Math.max(1, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new HttpTimeoutException("no answer from " + base + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
