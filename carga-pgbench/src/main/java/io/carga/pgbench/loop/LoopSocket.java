package io.carga.pgbench.loop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * A TCP socket for a client that runs on an {@link EventLoop}: a non-blocking {@link SocketChannel} behind
 * the blocking {@link Socket} API that PgJDBC speaks. A read that finds nothing, a write that finds the
 * buffer full, a connect in progress, each suspend the client and let its loop run the others
 * ({@link EventLoop#await}). Outside a loop's client (or on a timed read, or where the client cannot be
 * suspended) the socket waits on a selector of its own, as a blocking socket would.
 */
final class LoopSocket extends Socket {
    private final SocketChannel channel;
    private Selector own;
    private int timeoutMillis;
    /** Bytes went out since the last read. */
    private boolean sent;
    private final In in = new In();
    private final Out out = new Out();

    LoopSocket() throws IOException {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        SocketAddress to = endpoint;
        if (to instanceof InetSocketAddress a && a.isUnresolved()) to = new InetSocketAddress(a.getHostString(), a.getPort());
        try {
            if (channel.connect(to)) return;
            while (!channel.finishConnect()) await(SelectionKey.OP_CONNECT, timeout);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void bind(SocketAddress local) throws IOException {
        channel.bind(local);
    }

    private void await(int ops, int timeout) throws IOException {
        EventLoop loop = timeout == 0 ? EventLoop.current() : null;
        if (loop != null && loop.await(channel, ops)) return;
        if (own == null) own = Selector.open();
        SelectionKey k = channel.keyFor(own);
        if (k == null) channel.register(own, ops);
        else k.interestOps(ops);
        if (own.select(timeout) == 0 && timeout > 0) throw new SocketTimeoutException("timed out after " + timeout + " ms");
        own.selectedKeys().clear();
    }

    private final class In extends InputStream {
        private ByteBuffer wrapped;

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            ByteBuffer buf = wrap(b, off, len);
            if (sent) {
                // a reply is never there right after the request: wait first, rather than a read that finds nothing
                sent = false;
                await(SelectionKey.OP_READ, timeoutMillis);
            }
            int n;
            while ((n = channel.read(buf)) == 0) await(SelectionKey.OP_READ, timeoutMillis);
            return n;
        }

        /** PgJDBC reads into the same array every time: one buffer over it, not one per read. */
        private ByteBuffer wrap(byte[] b, int off, int len) {
            ByteBuffer w = wrapped;
            if (w == null || w.array() != b) wrapped = w = ByteBuffer.wrap(b);
            return w.limit(off + len).position(off);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public void close() throws IOException {
            LoopSocket.this.close();
        }
    }

    private final class Out extends OutputStream {
        private ByteBuffer wrapped;

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer w = wrapped;
            if (w == null || w.array() != b) wrapped = w = ByteBuffer.wrap(b);
            w.limit(off + len).position(off);
            while (w.hasRemaining()) {
                if (channel.write(w) == 0) await(SelectionKey.OP_WRITE, 0);
            }
            sent = true;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void close() throws IOException {
            LoopSocket.this.close();
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        if (!channel.isConnected()) throw new SocketException("Socket is not connected");
        return in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        if (!channel.isConnected()) throw new SocketException("Socket is not connected");
        return out;
    }

    @Override
    public void setSoTimeout(int timeout) {
        timeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() {
        return timeoutMillis;
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        option(StandardSocketOptions.TCP_NODELAY, on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return option(StandardSocketOptions.TCP_NODELAY);
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        option(StandardSocketOptions.SO_KEEPALIVE, on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return option(StandardSocketOptions.SO_KEEPALIVE);
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        option(StandardSocketOptions.SO_RCVBUF, size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return option(StandardSocketOptions.SO_RCVBUF);
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        option(StandardSocketOptions.SO_SNDBUF, size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return option(StandardSocketOptions.SO_SNDBUF);
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        option(StandardSocketOptions.SO_LINGER, on ? linger : -1);
    }

    private <T> void option(java.net.SocketOption<T> name, T value) throws SocketException {
        try {
            channel.setOption(name, value);
        } catch (IOException e) {
            throw socketException(e);
        }
    }

    private <T> T option(java.net.SocketOption<T> name) throws SocketException {
        try {
            return channel.getOption(name);
        } catch (IOException e) {
            throw socketException(e);
        }
    }

    private static SocketException socketException(IOException e) {
        return e instanceof SocketException s ? s : new SocketException(e.getMessage());
    }

    @Override
    public boolean isConnected() {
        return channel.isConnected();
    }

    @Override
    public boolean isBound() {
        return localAddress() != null;
    }

    @Override
    public boolean isClosed() {
        return !channel.isOpen();
    }

    @Override
    public void shutdownInput() throws IOException {
        channel.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (own != null) own.close();
        }
    }

    @Override
    public InetAddress getInetAddress() {
        return remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
    }

    @Override
    public int getPort() {
        return remoteAddress() instanceof InetSocketAddress a ? a.getPort() : 0;
    }

    @Override
    public InetAddress getLocalAddress() {
        return localAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
    }

    @Override
    public int getLocalPort() {
        return localAddress() instanceof InetSocketAddress a ? a.getPort() : -1;
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return remoteAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return localAddress();
    }

    private SocketAddress remoteAddress() {
        try {
            return channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    private SocketAddress localAddress() {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "LoopSocket[" + remoteAddress() + "]";
    }
}
