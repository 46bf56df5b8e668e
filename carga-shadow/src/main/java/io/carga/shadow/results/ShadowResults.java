package io.carga.shadow.results;

import io.carga.ai.cost.PriceTable;
import io.carga.ai.quality.QualityScorer;
import io.carga.ai.quality.Scorers;
import io.carga.shadow.diff.Ignored;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The shadow run's statistics, endpoint by endpoint. Thread-safe: the proxy's handlers and the mirror workers
 * all report here.
 */
public final class ShadowResults {
    /** Bootstrap resamples for the p99 delta's confidence interval. */
    public static final int RESAMPLES = 1000;
    /**
     * Endpoints kept apart at most. Paths that no template groups (a scanner's, or ids the automatic grouping
     * does not see) would otherwise grow the statistics without bound; past this many, new ones share {@link #OTHER}.
     */
    public static final int MAX_ENDPOINTS = 500;
    public static final String OTHER = "(other endpoints)";
    private final ConcurrentMap<String, EndpointStats> endpoints = new ConcurrentHashMap<>();
    private final Ignored ignored;
    private final Masking masking;
    private final PriceTable prices;
    private final QualityScorer scorer;

    public ShadowResults(Ignored ignored, Masking masking, PriceTable prices, QualityScorer scorer) {
        this.ignored = ignored;
        this.masking = masking;
        this.prices = prices;
        this.scorer = scorer;
    }

    /** No hand-listed noise, default masking, carga-ai's default prices and the spec's quality heuristic. */
    public static ShadowResults defaults() {
        return new ShadowResults(Ignored.NONE, new Masking(List.of()), PriceTable.defaults(), Scorers.heuristic());
    }

    public EndpointStats endpoint(String name) {
        EndpointStats known = endpoints.get(name);
        if (known != null) {
            return known;
        }
        String kept = endpoints.size() < MAX_ENDPOINTS ? name : OTHER; // a race may let a few past the cap: harmless
        return endpoints.computeIfAbsent(kept, n -> new EndpointStats(n, n.hashCode()));
    }

    public void add(Comparison c) {
        endpoint(c.endpoint()).add(c, ignored, masking, prices, scorer);
    }

    /** How many endpoints are kept apart (at most {@link #MAX_ENDPOINTS}, and {@link #OTHER}). */
    public int size() {
        return endpoints.size();
    }

    /** Every endpoint's figures, by name. */
    public List<EndpointFigures> figures() {
        return endpoints.values().stream().sorted(java.util.Comparator.comparing(EndpointStats::endpoint))
                .map(e -> e.figures(ignored, RESAMPLES)).toList();
    }
}
