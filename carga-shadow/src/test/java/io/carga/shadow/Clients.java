package io.carga.shadow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Test clients: {@code n} requests through the proxy, {@code parallel} at a time, never longer than {@code limit}. */
final class Clients {
    record Reply(int status, String body, long nanos) {
    }

    private Clients() {
    }

    static List<Reply> send(URI proxy, int n, int parallel, Duration limit, IntFunction<HttpRequest.Builder> request) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + limit.toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < parallel; w++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n && System.nanoTime() < deadline) {
                        HttpRequest r = request.apply(i).timeout(Duration.ofSeconds(10)).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> res = client.send(r, HttpResponse.BodyHandlers.ofString());
                            replies.add(new Reply(res.statusCode(), res.body(), System.nanoTime() - t0));
                        } catch (Exception e) {
                            replies.add(new Reply(-1, e.toString(), System.nanoTime() - t0));
                        }
                    }
                    return null;
                });
            }
        }
        return new ArrayList<>(replies);
    }

    static HttpRequest.Builder get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }
}
