package io.carga.pgbench.run;

import io.carga.pgbench.loop.UnconnectedSocketFactory;
import java.io.IOException;
import java.net.Socket;
import java.nio.channels.SocketChannel;

/**
 * PgJDBC's sockets for carga db (its {@code socketFactory} property): sockets of a {@link SocketChannel},
 * which stay in blocking mode, so that reading a reply is one {@code read} system call. A plain
 * {@link Socket} turns its descriptor non-blocking for good after its first timed operation, and PgJDBC
 * does some while connecting (the connect timeout, the SSL request): from then on every read is a
 * {@code read} that finds nothing yet, a {@code poll}, and a second {@code read}, on a client that waits
 * for a reply after every statement. A channel's socket honours the same timeouts but goes back to
 * blocking mode after each timed operation.
 *
 * <p>PgJDBC creates the factory by its class name: public, with a public no-argument constructor. On
 * virtual threads the JDK makes every socket non-blocking anyway; this changes nothing there.
 */
public final class BlockingSocketFactory extends UnconnectedSocketFactory {

    @Override
    public Socket createSocket() throws IOException {
        return SocketChannel.open().socket();
    }
}
