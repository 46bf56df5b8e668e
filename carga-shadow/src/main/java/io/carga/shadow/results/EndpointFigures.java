package io.carga.shadow.results;

import io.carga.shadow.ai.AiSide;
import io.carga.shadow.latency.PairedLatency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One endpoint's figures at the end of a shadow run (a snapshot of {@link EndpointStats}).
 *
 * @param requests   client requests, all answered by the primary
 * @param sampled    chosen for mirroring
 * @param mirrored   mirrored and compared
 * @param dropped    chosen but not compared: the queue was full or the candidate did not answer
 * @param diffs      compared requests whose answers differ in a field that is not noise
 * @param fieldCounts per field, how many compared requests differed in it (noise included)
 * @param aiPrimary  the primary's AI figures, or null when the endpoint gave no AI answer
 */
public record EndpointFigures(String endpoint, long requests, long sampled, long mirrored, long dropped, long candidateErrors,
                              long diffs, Set<String> noiseFields, Set<String> diffFields, Map<String, Long> fieldCounts,
                              PairedLatency latency, double[] p99DeltaCiMs, List<Example> examples, AiSide aiPrimary, AiSide aiCandidate) {

    public double diffRate() {
        return mirrored == 0 ? 0 : (double) diffs / mirrored;
    }

    /** Candidate p99 over primary p99, minus one: 0.05 is 5 % slower. NaN without data. */
    public double p99DeltaRatio() {
        double p = latency.primaryMs(99);
        return mirrored == 0 || p <= 0 ? Double.NaN : latency.candidateMs(99) / p - 1;
    }

    public double deltaMs(double percentile) {
        return latency.candidateMs(percentile) - latency.primaryMs(percentile);
    }
}
