package io.carga.cli.scrape;

import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import io.carga.report.capacity.TargetSamples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --target-metrics URL}: scrapes the target's own Prometheus endpoint while the run goes, on a thread of
 * its own (a slow target never delays the interval thread), and appends each scrape to the results folder
 * ({@link TargetSamples}): the running {@code _sum} and {@code _count} of every {@code *_seconds} histogram or
 * summary, added over its labels, with the users active at that moment. The report turns them into
 * bottlenecks: which of the target's latencies grew with load, and by how much.
 */
public final class TargetScraper implements Output {
    private final URI url;
    private final Path dir;
    private final Duration every;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile int users;
    private volatile boolean done;
    private volatile String lastProblem;
    private Thread thread;

    public TargetScraper(URI url, Path dir, Duration every) {
        this.url = url;
        this.dir = dir;
        this.every = every;
    }

    @Override
    public void start(RunInfo info) {
        thread = Thread.ofPlatform().name("carga-target-scrape").daemon().start(this::loop);
    }

    @Override
    public void interval(IntervalSnapshot s) {
        users = s.users();
    }

    @Override
    public void finish(RunResult result) throws InterruptedException {
        done = true;
        thread.interrupt();
        thread.join(3000);
        if (lastProblem != null) {
            System.err.println("carga: --target-metrics " + url + ": " + lastProblem);
        }
    }

    private void loop() {
        while (!done) {
            scrape();
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void scrape() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2))
                    .header("Accept", "text/plain; version=0.0.4").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                lastProblem = "HTTP " + r.statusCode();
                return;
            }
            TargetSamples.append(dir, System.currentTimeMillis(), users, families(r.body()));
        } catch (java.io.IOException e) {
            lastProblem = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each {@code *_seconds} family's {@code {sum, count}}, added over its labels, from the text exposition format. */
    static Map<String, double[]> families(String text) {
        Map<String, double[]> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int close = line.lastIndexOf('}');
            String name = (brace >= 0 ? line.substring(0, brace) : line.split("\\s+")[0]).strip();
            boolean sum = name.endsWith("_seconds_sum");
            if (!sum && !name.endsWith("_seconds_count")) {
                continue;
            }
            String[] rest = (close >= 0 ? line.substring(close + 1) : line.substring(name.length())).strip().split("\\s+");
            try {
                double v = Double.parseDouble(rest[0]);
                if (Double.isFinite(v)) {
                    out.computeIfAbsent(name.substring(0, name.lastIndexOf('_')), f -> new double[2])[sum ? 0 : 1] += v;
                }
            } catch (NumberFormatException e) {
                // a broken line: skipped
            }
        }
        return out;
    }
}
