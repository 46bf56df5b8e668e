package io.carga.pgbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PgJDBC's timed connect and reads still time out, and the socket is back in blocking mode afterwards. */
@Timeout(10)
class BlockingSocketFactoryTest {

    @Test
    void timedOperationsLeaveTheSocketBlocking() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket s = new BlockingSocketFactory().createSocket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2000);
            try (Socket peer = server.accept()) {
                s.setSoTimeout(50);
                InputStream in = s.getInputStream();
                assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
                assertThat(s.getChannel().isBlocking()).as("one read() per reply from now on").isTrue();

                s.setSoTimeout(0);
                peer.getOutputStream().write(7);
                assertThat(in.read()).isEqualTo(7);
            }
        }
    }
}
