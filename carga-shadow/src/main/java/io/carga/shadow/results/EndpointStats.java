package io.carga.shadow.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.ai.cost.PriceTable;
import io.carga.ai.quality.QualityScorer;
import io.carga.shadow.ai.AiAnswer;
import io.carga.shadow.ai.AiSide;
import io.carga.shadow.diff.Ignored;
import io.carga.shadow.latency.PairedLatency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything one endpoint's shadow run learns. The client's path only counts ({@link #requested}, lock-free);
 * the mirror workers add comparisons under the lock.
 *
 * <p>Noise is learned as Diffy learns it: a field in which the secondary's answer differs from the primary's,
 * though both run the same code, is noise. Since noise is only known once seen, a request's verdict is taken at the
 * end: the sets of fields that differed are counted (there are few distinct ones), and a request is a diff when its
 * set holds a field that is not noise. Past {@link #MAX_SETS} distinct sets, a request is judged when it arrives.
 */
public final class EndpointStats {
    static final int MAX_SETS = 1000;
    static final int EXAMPLES_KEPT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint;
    private final LongAdder requests = new LongAdder();
    private final LongAdder sampled = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder candidateErrors = new LongAdder();
    private final Map<String, Long> candidateFields = new TreeMap<>();
    private final Map<String, Long> secondaryFields = new TreeMap<>();
    private final Map<Set<String>, Long> diffSets = new HashMap<>();
    private final List<Example> examples = new ArrayList<>();
    private final PairedLatency latency;
    private final AiSide aiPrimary = new AiSide();
    private final AiSide aiCandidate = new AiSide();
    private long compared;
    private long judgedEarly;

    EndpointStats(String endpoint, long seed) {
        this.endpoint = endpoint;
        this.latency = new PairedLatency(seed);
    }

    public String endpoint() {
        return endpoint;
    }

    /** A client request for this endpoint, answered by the primary. */
    public void requested() {
        requests.increment();
    }

    /** Chosen for mirroring. */
    public void sampled() {
        sampled.increment();
    }

    /** A sampled request that found the mirror queue full. */
    public void dropped() {
        dropped.increment();
    }

    /** A mirror the candidate (or secondary) did not answer: no comparison, counted as dropped too. */
    public void candidateFailed() {
        candidateErrors.increment();
        dropped.increment();
    }

    synchronized void add(Comparison c, Ignored ignored, Masking mask, PriceTable prices, QualityScorer scorer) {
        compared++;
        latency.record(c.primary().nanos(), c.candidate().nanos());
        Set<String> fields = new TreeSet<>();
        for (String f : c.candidateFields()) {
            candidateFields.merge(f, 1L, Long::sum);
            if (!ignored.covers(f)) {
                fields.add(f);
            }
        }
        for (String f : c.secondaryFields()) {
            secondaryFields.merge(f, 1L, Long::sum);
        }
        if (!fields.isEmpty()) {
            if (diffSets.containsKey(fields) || diffSets.size() < MAX_SETS) {
                diffSets.merge(Set.copyOf(fields), 1L, Long::sum);
            } else if (fields.stream().anyMatch(f -> !secondaryFields.containsKey(f))) {
                judgedEarly++;
            }
            if (examples.size() < EXAMPLES_KEPT) {
                examples.add(Example.of(c, mask));
            }
        }
        ai(c.primary().body(), aiPrimary, prices, scorer);
        ai(c.candidate().body(), aiCandidate, prices, scorer);
    }

    private static void ai(byte[] body, AiSide side, PriceTable prices, QualityScorer scorer) {
        if (body.length == 0 || body[0] != '{') {
            return;
        }
        try {
            AiAnswer a = AiAnswer.of(JSON.readTree(body));
            if (a != null) {
                side.add(a, prices, scorer);
            }
        } catch (java.io.IOException notJson) {
            // not an AI answer
        }
    }

    /** The endpoint's figures now; {@code ignored} fields count as noise. */
    public synchronized EndpointFigures figures(Ignored ignored, int resamples) {
        Set<String> noise = new TreeSet<>(secondaryFields.keySet());
        candidateFields.keySet().stream().filter(ignored::covers).forEach(noise::add);
        Set<String> diffFields = new TreeSet<>();
        candidateFields.keySet().stream().filter(f -> !noise.contains(f)).forEach(diffFields::add);
        long diffs = judgedEarly;
        for (Map.Entry<Set<String>, Long> e : diffSets.entrySet()) {
            if (e.getKey().stream().anyMatch(f -> !noise.contains(f))) {
                diffs += e.getValue();
            }
        }
        List<Example> shown = examples.stream().filter(x -> x.fields().stream().anyMatch(f -> !noise.contains(f))).limit(3).toList();
        return new EndpointFigures(endpoint, requests.sum(), sampled.sum(), compared, dropped.sum(), candidateErrors.sum(), diffs,
                noise, diffFields, new TreeMap<>(candidateFields), latency, latency.p99DeltaCiMs(resamples, 0.95), shown,
                aiPrimary.answers() > 0 ? aiPrimary : null, aiCandidate.answers() > 0 ? aiCandidate : null);
    }
}
