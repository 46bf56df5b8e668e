package io.carga.pgbench.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Clients written as blocking code share one thread: sleeps and socket waits suspend only the client. */
@Timeout(20)
class EventLoopTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @BeforeAll
    static void continuationsAreThere() {
        assertThat(EventLoop.available()).as("the tests' JVM has --add-exports java.base/jdk.internal.vm=ALL-UNNAMED").isTrue();
    }

    /** Runs the bodies on a loop of their own; returns the loop thread's name. */
    private static String runOnLoop(Runnable... bodies) throws InterruptedException {
        EventLoop loop = new EventLoop();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        for (Runnable b : bodies) {
            loop.spawn(() -> {
                try {
                    b.run();
                } catch (Throwable t) {
                    failed.compareAndSet(null, t);
                }
            });
        }
        Thread t = loop.newThread("test-loop", loop::run);
        t.start();
        t.join();
        assertThat(failed.get()).as("a client failed").isNull();
        return t.getName();
    }

    @Test
    void clientsSleepAtTheSameTimeOnOneThread() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        String loop = runOnLoop(
                () -> sleepThenNote(300, "a", events),
                () -> sleepThenNote(100, "b", events),
                () -> sleepThenNote(200, "c", events));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(events).containsExactly("b on " + loop, "c on " + loop, "a on " + loop);
        assertThat(ms).as("the sleeps overlap").isBetween(300L, 550L);
    }

    @Test
    void aClientsStepsFollowEachOtherAndMayWait() throws Exception {
        EventLoop loop = new EventLoop();
        List<String> events = new CopyOnWriteArrayList<>();
        int[] left = {3, 2};
        for (int c = 0; c < 2; c++) {
            String name = c == 0 ? "a" : "b";
            int me = c;
            loop.spawnSteps(() -> {
                EventLoop.parkUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(me == 0 ? 20 : 50));
                events.add(name + left[me]);
                return --left[me] > 0;
            });
        }
        Thread t = loop.newThread("test-loop", loop::run);
        t.start();
        t.join();
        // a's steps end at 20, 40 and 60 ms, b's at 50 and 100: each step waits on the loop, not on the thread
        assertThat(events).containsExactly("a3", "a2", "b2", "a1", "b1");
        assertThat(left).containsExactly(0, 0);
    }

    private static void sleepThenNote(long ms, String name, List<String> events) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        EventLoop.parkUntil(deadline);
        assertThat(System.nanoTime()).as("not woken early").isGreaterThanOrEqualTo(deadline);
        events.add(name + " on " + Thread.currentThread().getName());
    }

    @Test
    void aSlowReplyDoesNotHoldUpTheOtherClients() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, LOOPBACK)) {
            Thread echo = Thread.ofPlatform().daemon().start(() -> echoAfterDelays(server, 2));
            List<String> done = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            runOnLoop(() -> ask(server, 40, done), () -> ask(server, 0, done));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(done).containsExactly("0", "40");
            assertThat(ms).isLessThan(2000);
            echo.join(2000);
        }
    }

    /** Sends one byte, the tenths of a second the server should wait before echoing it, and reads the echo. */
    private static void ask(ServerSocket server, int tenths, List<String> done) {
        try (Socket s = new LoopSocketFactory().createSocket(LOOPBACK, server.getLocalPort())) {
            s.getOutputStream().write(tenths);
            s.getOutputStream().flush();
            int echoed = s.getInputStream().read();
            assertThat(echoed).isEqualTo(tenths);
            done.add(Integer.toString(echoed));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void echoAfterDelays(ServerSocket server, int connections) {
        for (int i = 0; i < connections; i++) {
            try {
                Socket peer = server.accept();
                Thread.ofPlatform().daemon().start(() -> {
                    try (peer) {
                        int b = peer.getInputStream().read();
                        Thread.sleep(b * 10L);
                        peer.getOutputStream().write(b);
                    } catch (IOException | InterruptedException ignored) {
                        // the test fails on its side
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    @Test
    void aWriteWaitsForRoomWhileTheOthersGoOn() throws Exception {
        int size = 16 << 20;
        try (ServerSocket server = new ServerSocket(0, 10, LOOPBACK)) {
            AtomicLong received = new AtomicLong();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (Socket peer = server.accept(); InputStream in = peer.getInputStream()) {
                    byte[] buf = new byte[64 << 10];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        received.addAndGet(n);
                        Thread.sleep(1); // a slow reader: the client's send buffer fills up
                    }
                } catch (IOException | InterruptedException ignored) {
                    // the count tells
                }
            });
            List<String> events = new CopyOnWriteArrayList<>();
            runOnLoop(() -> {
                try (Socket s = new LoopSocketFactory().createSocket(LOOPBACK, server.getLocalPort())) {
                    OutputStream out = s.getOutputStream();
                    out.write(new byte[size]);
                    events.add("written");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, () -> sleepThenNote(50, "slept", events));
            reader.join(10_000);
            assertThat(received.get()).isEqualTo(size);
            assertThat(events).as("the sleeper woke while the writer waited").startsWith("slept on test-loop");
        }
    }

    @Test
    void unsolicitedBytesDoNotSpinTheLoop() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, LOOPBACK)) {
            Thread.ofPlatform().daemon().start(() -> {
                try (Socket peer = server.accept()) {
                    peer.getOutputStream().write(new byte[] {1, 2}); // before the client asks for anything
                    peer.getInputStream().read();
                } catch (IOException ignored) {
                    // the test fails on its side
                }
            });
            long[] cpu = new long[2];
            runOnLoop(() -> {
                try (Socket s = new LoopSocketFactory().createSocket(LOOPBACK, server.getLocalPort())) {
                    InputStream in = s.getInputStream();
                    assertThat(in.read()).isEqualTo(1); // the loop now polls the socket: a byte is still waiting
                    cpu[0] = threadCpu();
                    EventLoop.parkUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300));
                    cpu[1] = threadCpu();
                    assertThat(in.read()).isEqualTo(2);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(TimeUnit.NANOSECONDS.toMillis(cpu[1] - cpu[0])).as("CPU while asleep, ms").isLessThan(100);
        }
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Test
    void aClientThatCannotBeSuspendedWaitsOnTheThread() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, LOOPBACK)) {
            Thread echo = Thread.ofPlatform().daemon().start(() -> echoAfterDelays(server, 1));
            List<String> done = new CopyOnWriteArrayList<>();
            pinnedServer = server;
            pinnedDone = done;
            runOnLoop(AskWhileInitializing::touch, () -> done.add("other"));
            assertThat(done).as("the other client waited, the thread was blocked").containsExactly("5", "other");
            echo.join(2000);
        }
    }

    /** A class initializer on the stack pins a continuation: the socket must then wait on the thread. */
    private static ServerSocket pinnedServer;
    private static List<String> pinnedDone;

    private static final class AskWhileInitializing {
        static {
            ask(pinnedServer, 5, pinnedDone);
        }

        static void touch() {
            // initializes the class
        }
    }

    @Test
    void outsideALoopTheSocketBlocksAndTimesOut() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
             Socket s = new LoopSocketFactory().createSocket()) {
            s.connect(new InetSocketAddress(LOOPBACK, server.getLocalPort()), 2000);
            try (Socket peer = server.accept()) {
                s.setSoTimeout(50);
                InputStream in = s.getInputStream();
                assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
                s.setSoTimeout(0);
                peer.getOutputStream().write(7);
                assertThat(in.read()).isEqualTo(7);
                s.getOutputStream().write(9);
                assertThat(peer.getInputStream().read()).isEqualTo(9);
            }
            assertThat(s.getPort()).isEqualTo(server.getLocalPort());
            assertThat(s.getTcpNoDelay()).isFalse();
            s.setTcpNoDelay(true);
            assertThat(s.getTcpNoDelay()).isTrue();
        }
    }
}
