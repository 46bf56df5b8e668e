package io.carga.shadow.proxy;

import io.carga.shadow.diff.Differ;
import io.carga.shadow.results.Comparison;
import io.carga.shadow.results.ShadowResults;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends one request, already answered by the primary, to the candidate and the secondary at once, diffs both
 * answers against the primary's, and hands the comparison to the results. A side that does not answer makes
 * the mirror a drop ({@code candidate_errors}); it is never retried.
 */
public final class Mirror implements AutoCloseable {
    private final Upstream candidate;
    private final Upstream secondary;
    private final Differ differ;
    private final ShadowResults results;
    private final ExecutorService secondaryCalls = Executors.newVirtualThreadPerTaskExecutor();

    /** @param secondary the second instance of the primary's code, or null */
    public Mirror(Upstream candidate, Upstream secondary, Differ differ, ShadowResults results) {
        this.candidate = candidate;
        this.secondary = secondary;
        this.differ = differ;
        this.results = results;
    }

    /** Mirrors {@code r}; blocks until both sides answered or gave up. */
    public void compare(String endpoint, CapturedRequest r, Answer primary) {
        Future<Answer> second = secondary == null ? null : secondaryCalls.submit(() -> secondary.fetch(r, true));
        Answer cand;
        try {
            cand = candidate.fetch(r, true);
        } catch (Exception e) {
            if (second != null) {
                second.cancel(true);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            results.endpoint(endpoint).candidateFailed();
            return;
        }
        Answer sec = null;
        if (second != null) {
            try {
                sec = second.get();
            } catch (ExecutionException e) {
                sec = null; // without the secondary's answer this request teaches no noise, but is still compared
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Set<String> noise = sec == null ? Set.of() : differ.fields(primary, sec);
        results.add(new Comparison(endpoint, r, primary, cand, sec, differ.fields(primary, cand), noise));
    }

    @Override
    public void close() {
        secondaryCalls.shutdownNow();
    }
}
