package io.carga.shadow.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.shadow.ai.AiSide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code shadow.json}, the shadow run's own file in its results folder:
 * <pre>
 * {"primary": URL, "candidate": URL, "secondary": URL|null, "share": 0.05, "key": "header:X"|null, "methods": ["GET"],
 *  "totals": {"requests", "mirrored", "dropped", "diffs", "diff_rate"},
 *  "endpoints": [{"endpoint", "requests", "sampled", "mirrored", "dropped", "candidate_errors", "diffs", "diff_rate",
 *                 "noise_fields": [...], "diff_fields": [...], "field_counts": {FIELD: N},
 *                 "primary_ms": {"p50","p95","p99"}, "candidate_ms": {...}, "delta_ms": {...},
 *                 "distribution_ms": {"percentiles": [...], "primary": [...], "candidate": [...]},
 *                 "p99_delta_ci_ms": [LOW, HIGH], "p99_delta_ratio", "ai": {"primary": {...}, "candidate": {...}}}],
 *  "examples": [{"endpoint", "method", "target", "fields", "primary": {"status","ms","headers","body"}, "candidate": {...}}],
 *  "verdicts": [...]}   (verdicts: when a plan judged the run)
 * </pre>
 * Latencies in milliseconds; {@code diff_rate} and {@code p99_delta_ratio} as fractions (0.001 is 0.1 %).
 */
public final class ShadowJson {
    public static final String FILE = "shadow.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] DISTRIBUTION = {0, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 100};

    private ShadowJson() {
    }

    /** What the run was: where it listened and sent, how it sampled. */
    public record Setup(String primary, String candidate, String secondary, double share, String key, List<String> methods, String source) {
    }

    public static ObjectNode build(Setup setup, List<EndpointFigures> endpoints) {
        ObjectNode root = JSON.createObjectNode();
        root.put("primary", setup.primary());
        root.put("candidate", setup.candidate());
        root.put("secondary", setup.secondary());
        root.put("share", setup.share());
        root.put("key", setup.key());
        root.set("methods", JSON.valueToTree(setup.methods()));
        root.put("source", setup.source());
        long requests = 0;
        long mirrored = 0;
        long dropped = 0;
        long diffs = 0;
        ArrayNode list = JSON.createArrayNode();
        ArrayNode examples = JSON.createArrayNode();
        for (EndpointFigures e : endpoints) {
            requests += e.requests();
            mirrored += e.mirrored();
            dropped += e.dropped();
            diffs += e.diffs();
            list.add(endpoint(e));
            e.examples().forEach(x -> examples.add(x.json()));
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("requests", requests).put("mirrored", mirrored).put("dropped", dropped).put("diffs", diffs)
                .put("diff_rate", mirrored == 0 ? 0 : round6((double) diffs / mirrored));
        root.set("endpoints", list);
        root.set("examples", examples);
        return root;
    }

    private static ObjectNode endpoint(EndpointFigures e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("endpoint", e.endpoint());
        n.put("requests", e.requests()).put("sampled", e.sampled()).put("mirrored", e.mirrored()).put("dropped", e.dropped())
                .put("candidate_errors", e.candidateErrors()).put("diffs", e.diffs()).put("diff_rate", round6(e.diffRate()));
        n.set("noise_fields", JSON.valueToTree(e.noiseFields()));
        n.set("diff_fields", JSON.valueToTree(e.diffFields()));
        n.set("field_counts", JSON.valueToTree(e.fieldCounts()));
        ObjectNode p = n.putObject("primary_ms");
        ObjectNode c = n.putObject("candidate_ms");
        ObjectNode d = n.putObject("delta_ms");
        for (int pct : new int[] {50, 95, 99}) {
            p.put("p" + pct, round3(e.latency().primaryMs(pct)));
            c.put("p" + pct, round3(e.latency().candidateMs(pct)));
            d.put("p" + pct, round3(e.deltaMs(pct)));
        }
        distribution(n.putObject("distribution_ms"), e);
        n.putArray("p99_delta_ci_ms").add(round3(e.p99DeltaCiMs()[0])).add(round3(e.p99DeltaCiMs()[1]));
        double ratio = e.p99DeltaRatio();
        if (Double.isNaN(ratio)) {
            n.putNull("p99_delta_ratio");
        } else {
            n.put("p99_delta_ratio", round6(ratio));
        }
        if (e.aiPrimary() != null || e.aiCandidate() != null) {
            ObjectNode ai = n.putObject("ai");
            ai.set("primary", ai(e.aiPrimary()));
            ai.set("candidate", ai(e.aiCandidate()));
        }
        return n;
    }

    /** Both sides at fixed percentiles, for the report's comparison chart. */
    private static void distribution(ObjectNode n, EndpointFigures e) {
        ArrayNode ps = n.putArray("percentiles");
        ArrayNode p = n.putArray("primary");
        ArrayNode c = n.putArray("candidate");
        for (double pct : DISTRIBUTION) {
            ps.add(pct);
            p.add(round3(e.latency().primaryMs(pct)));
            c.add(round3(e.latency().candidateMs(pct)));
        }
    }

    private static ObjectNode ai(AiSide s) {
        if (s == null) {
            return null;
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("answers", s.answers());
        n.put("tokens_per_request", round3(s.tokensPerRequest()));
        n.put("cost_per_request_brl", s.costPerRequestBrl());
        n.put("quality_mean", round3(s.qualityMean()));
        return n;
    }

    /** Writes {@code root} to {@code dir/shadow.json}, atomically. */
    public static Path write(Path dir, ObjectNode root) throws IOException {
        Path out = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return out;
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
