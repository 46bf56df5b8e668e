package io.carga.pgbench.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import javax.net.SocketFactory;

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
public final class BlockingSocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() throws IOException {
        return SocketChannel.open().socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    private Socket connected(SocketAddress local, SocketAddress to) throws IOException {
        Socket s = createSocket();
        if (local != null) s.bind(local);
        s.connect(to);
        return s;
    }
}
