package io.carga.shadow.proxy;

import io.carga.shadow.results.ShadowResults;
import io.carga.shadow.sample.Sampler;
import io.carga.shadow.template.Templates;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shadow proxy: clients talk to it as to the primary. It is a Netty server whose event loops each carry their
 * clients' connections and those connections' primary connections, so a request goes from client to primary and
 * back without changing threads ({@link ClientConnection}). Sampled requests are offered, with the primary's
 * answer, to the {@link MirrorQueue}, whose workers send them to the candidate and the secondary on other threads
 * and other event loops. Nothing of the candidate is on the client's path, so a slow or dead candidate cannot slow
 * or fail it.
 */
public final class ShadowProxy implements AutoCloseable {
    /** The largest request body the proxy takes (a logo upload fits); a larger one is answered 413. */
    static final int MAX_REQUEST_BODY = 32 << 20;

    /** How the proxy runs. {@code secondary} may be null. */
    public record Settings(InetSocketAddress listen, Upstream primary, Upstream candidate, Upstream secondary, Sampler sampler,
                           Templates templates, int queueCapacity, int mirrorConcurrency) {
    }

    /** What every client connection shares: where requests go, how they are sampled and counted. */
    record Path(Upstream primary, Templates templates, Sampler sampler, ShadowResults results, PrimaryListener listener,
                MirrorQueue mirrors, AtomicInteger inFlight) {
        /** Counts a request in flight, from when it was read whole until {@link #answered}. */
        void received() {
            inFlight.incrementAndGet();
        }

        void answered() {
            inFlight.decrementAndGet();
        }
    }

    private final Channel server;
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Path path;
    private final Mirror mirror;

    private ShadowProxy(Settings s, Loops loops, Mirror mirror, ShadowResults results, PrimaryListener listener) throws IOException {
        this.mirror = mirror;
        this.path = new Path(s.primary(), s.templates(), s.sampler(), results, listener,
                new MirrorQueue(s.queueCapacity(), s.mirrorConcurrency(), mirror), new AtomicInteger());
        ServerBootstrap b = new ServerBootstrap().group(loops.group()).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024).childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        clients.add(ch);
                        ch.pipeline().addLast(new HttpServerCodec(Upstream.decoding()), new HttpObjectAggregator(MAX_REQUEST_BODY), new ClientConnection(path));
                    }
                });
        var bound = b.bind(s.listen()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw bound.cause() instanceof IOException io ? io : new IOException("cannot listen on " + s.listen(), bound.cause());
        }
        this.server = bound.channel();
    }

    /**
     * Binds and starts the proxy on {@code loops}.
     *
     * @throws IOException when the address cannot be bound
     */
    public static ShadowProxy start(Settings s, Loops loops, Mirror mirror, ShadowResults results, PrimaryListener listener) throws IOException {
        return new ShadowProxy(s, loops, mirror, results, listener);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /**
     * Stops listening (in-flight client requests get up to a second), then lets queued mirrors finish for up to
     * {@code grace}; mirrors still queued after that are counted as dropped.
     */
    public void close(Duration grace) {
        server.close().awaitUninterruptibly();
        long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (path.inFlight().get() > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(5); // a request in flight offers its mirror once answered: let it, or it would count as dropped
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        clients.close().awaitUninterruptibly();
        path.mirrors().close(grace);
        for (MirrorQueue.Job j : path.mirrors().leftOver()) {
            path.results().endpoint(j.endpoint()).dropped();
        }
        mirror.close();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
