package io.carga.observe.remote;

import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.output.Output;
import io.carga.core.output.RunResult;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushes the live plane's metrics to a Prometheus remote-write receiver once per interval, for runs that
 * nothing scrapes (k6's {@code experimental-prometheus-rw} output does the same). The push happens on a
 * sender thread of its own with a queue of a few requests: a slow receiver delays no snapshot, and a
 * push that does not fit is dropped and counted. The last interval is pushed before the run's end is
 * reported.
 *
 * <p>Series carry {@code job="carga"} and {@code instance}, as a scrape would give them, so dashboards
 * join on {@code carga_run_info} the same way for pushed and scraped runs.
 */
public final class RemoteWrite implements Output {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI url;
    private final PrometheusRegistry registry;
    private final Map<String, String> labels;
    private final PrintStream out;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4),
            Thread.ofPlatform().daemon().name("carga-remote-write").factory(), new ThreadPoolExecutor.DiscardPolicy());
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String lastError;

    /**
     * @param url      the receiver, e.g. {@code http://127.0.0.1:9090/api/v1/write}
     * @param instance the {@code instance} label of every series
     */
    public RemoteWrite(String url, PrometheusRegistry registry, String instance, PrintStream out) {
        try {
            this.url = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--remote-write " + url + ": not a URL");
        }
        if (!"http".equals(this.url.getScheme()) && !"https".equals(this.url.getScheme())) {
            throw new IllegalArgumentException("--remote-write " + url + ": expected an http:// or https:// URL");
        }
        this.registry = registry;
        this.labels = Map.of("job", "carga", "instance", instance);
        this.out = out;
    }

    @Override
    public void interval(IntervalSnapshot snapshot) {
        byte[] body = WriteRequest.encode(registry.scrape(), labels, snapshot.endEpochMs());
        if (sender.getQueue().remainingCapacity() == 0) {
            dropped.incrementAndGet();
            return;
        }
        sender.execute(() -> push(body));
    }

    @Override
    public void finish(RunResult result) throws InterruptedException {
        // the finish comes after the last interval; push the end state (carga_run_active 0) too
        byte[] body = WriteRequest.encode(registry.scrape(), labels, System.currentTimeMillis());
        sender.execute(() -> push(body));
        sender.shutdown();
        if (!sender.awaitTermination(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS)) {
            sender.shutdownNow();
        }
        if (failed.get() > 0 || dropped.get() > 0) {
            out.println("carga: remote write to " + url + ": " + failed.get() + " pushes failed, " + dropped.get()
                    + " dropped (receiver too slow)" + (lastError == null ? "" : "; last error: " + lastError));
        }
    }

    private void push(byte[] body) {
        HttpRequest req = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "snappy")
                .header("X-Prometheus-Remote-Write-Version", "0.1.0")
                .header("User-Agent", "carga")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                failed.incrementAndGet();
                lastError = "HTTP " + r.statusCode() + " " + r.body().strip();
            }
        } catch (java.io.IOException e) {
            failed.incrementAndGet();
            lastError = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
