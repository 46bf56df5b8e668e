package io.carga.shadow.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A group of Netty event loops. The shadow run has two: one carries the client connections and their primary
 * connections (a request goes from client to primary and back on one thread, with no hand-off), the other the
 * mirrors' connections, so that reading a candidate's answer never takes a turn on a primary loop.
 */
public final class Loops implements AutoCloseable {
    private final EventLoopGroup group;

    /** @param name the threads' name prefix */
    public Loops(String name, int threads) {
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
    }

    EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
