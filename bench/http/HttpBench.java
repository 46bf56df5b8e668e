// Closed-loop HTTP/1.1 load with one of the candidate clients, for bench/http/run.sh.
// Usage: java -cp carga-http/target/classes bench/http/HttpBench.java MODE URL CONNECTIONS SECONDS
//   MODE carga : carga's blocking-socket client (io.carga.http.client), one Agent per virtual thread
//   MODE jdk   : java.net.http.HttpClient (HTTP/1.1), blocking send() from the virtual threads
// Prints one line: mode, requests, errors, req/s, process CPU seconds and CPU microseconds per request,
// both measured over the timed window only (JVM start-up is not counted; JIT warm-up is).

import io.carga.http.client.Agent;
import io.carga.http.client.BodySink;
import io.carga.http.client.ClientConfig;
import io.carga.http.client.HttpRequest;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.atomic.LongAdder;

public class HttpBench {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String url = args[1];
        int connections = Integer.parseInt(args[2]);
        long nanos = (long) (Double.parseDouble(args[3]) * 1e9);
        LongAdder ok = new LongAdder();
        LongAdder errors = new LongAdder();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        Runnable loop = switch (mode) {
            case "carga" -> {
                var client = io.carga.http.client.HttpClient.create(ClientConfig.defaults().withAcceptGzip(false));
                HttpRequest req = HttpRequest.get(url);
                yield () -> {
                    long end = System.nanoTime() + nanos;
                    long n = 0, e = 0;
                    try (Agent agent = client.newAgent()) {
                        while (System.nanoTime() < end) {
                            try {
                                var r = agent.send(req, BodySink.DISCARD);
                                if (r.status() == 200) n++; else e++;
                            } catch (java.io.IOException ex) {
                                e++;
                            }
                        }
                    }
                    ok.add(n);
                    errors.add(e);
                };
            }
            case "jdk" -> {
                var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
                var req = java.net.http.HttpRequest.newBuilder(URI.create(url)).GET().build();
                yield () -> {
                    long end = System.nanoTime() + nanos;
                    long n = 0, e = 0;
                    while (System.nanoTime() < end) {
                        try {
                            var r = client.send(req, BodyHandlers.discarding());
                            if (r.statusCode() == 200) n++; else e++;
                        } catch (Exception ex) {
                            e++;
                        }
                    }
                    ok.add(n);
                    errors.add(e);
                };
            }
            case "bare" -> {
                // The floor: a fixed request written, reads until the known response length arrived. No parsing.
                URI u = URI.create(url);
                byte[] reqBytes = ("GET " + u.getRawPath() + " HTTP/1.1\r\nHost: " + u.getHost() + ":" + u.getPort()
                        + "\r\n\r\n").getBytes();
                int respLen;
                try (var s = new java.net.Socket(u.getHost(), u.getPort())) {
                    s.getOutputStream().write(reqBytes);
                    Thread.sleep(200);
                    respLen = s.getInputStream().read(new byte[65536]);
                }
                int len = respLen;
                yield () -> {
                    long end = System.nanoTime() + nanos;
                    long n = 0;
                    byte[] buf = new byte[16384];
                    try (var s = new java.net.Socket(u.getHost(), u.getPort())) {
                        s.setTcpNoDelay(true);
                        var in = s.getInputStream();
                        var out = s.getOutputStream();
                        while (System.nanoTime() < end) {
                            out.write(reqBytes);
                            int got = 0;
                            while (got < len) {
                                int r = in.read(buf, 0, buf.length);
                                if (r < 0) throw new java.io.EOFException();
                                got += r;
                            }
                            n++;
                        }
                    } catch (Exception ex) {
                        errors.increment();
                    }
                    ok.add(n);
                };
            }
            default -> throw new IllegalArgumentException("mode is carga or jdk, not " + mode);
        };

        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread[] threads = new Thread[connections];
        for (int i = 0; i < connections; i++) {
            threads[i] = "platform".equals(System.getenv("THREADS"))
                    ? Thread.ofPlatform().start(loop) : Thread.ofVirtual().start(loop);
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        long n = ok.sum();
        System.out.printf("%s requests=%d errors=%d rps=%.0f cpu_s=%.2f cpu_us_per_req=%.2f%n",
                mode, n, errors.sum(), n / secs, cpu, n == 0 ? 0 : cpu * 1e6 / n);
        System.exit(0);
    }
}
