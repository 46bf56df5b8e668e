package io.carga.pgbench.loop;

import java.io.IOException;
import java.net.Socket;

/**
 * PgJDBC's sockets (its {@code socketFactory} property) for clients that run on an {@link EventLoop}:
 * {@link LoopSocket}s. PgJDBC creates the factory by its class name: public, with a public no-argument
 * constructor.
 */
public final class LoopSocketFactory extends UnconnectedSocketFactory {

    @Override
    public Socket createSocket() throws IOException {
        return new LoopSocket();
    }
}
