package io.carga.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs {@link Main#execute} with stdout and stderr captured. Not thread-safe: tests run one at a time. */
final class Cli {
    record Result(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private Cli() {
    }

    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.execute(args);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A started HTTP server on a free loopback port, answering on virtual threads with {@code handler}. */
    static com.sun.net.httpserver.HttpServer loopback(com.sun.net.httpserver.HttpHandler handler) throws java.io.IOException {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 128);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", handler);
        server.start();
        return server;
    }

    /**
     * A scenario file with two weighted user kinds whose tasks report requests without any network: the
     * Browser (weight 3) browses three times as often as it searches; searches by odd users fail with 5xx.
     */
    static Path shopScenario(Path dir) throws Exception {
        return Files.writeString(dir.resolve("Shop.java"), """
                import io.carga.core.api.*;
                import io.carga.core.event.*;
                import java.util.Map;

                public class Shop {
                    static void request(UserContext ctx, String name, long millis, Outcome outcome) throws InterruptedException {
                        long intended = ctx.takeIntendedStart();
                        long start = ctx.nanoTime();
                        Thread.sleep(millis);
                        ctx.events().record(new RequestEvent(name, "fake", Tags.EMPTY, intended, start, ctx.nanoTime(),
                                10, 100, outcome, outcome.isError() ? "fake" : null, Map.of()));
                    }

                    @Weight(3)
                    public static class Browser extends User {
                        public WaitTime waitTime() { return WaitTime.constant(0.01); }

                        @Task(3) void browse() throws Exception { request(context(), "GET /products/{id}", 5, Outcome.OK); }

                        @Task(1) void search() throws Exception {
                            request(context(), "GET /search", 8, context().userId() % 2 == 0 ? Outcome.OK : Outcome.SERVER_ERROR);
                        }
                    }

                    public static class Buyer extends User {
                        @Task void buy() throws Exception { request(context(), "POST /cart", 20, Outcome.OK); }
                    }
                }
                """);
    }
}
