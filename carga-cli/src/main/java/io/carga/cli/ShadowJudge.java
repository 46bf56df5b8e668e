package io.carga.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.cli.plan.ShadowLimits;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Judges shadow.json's endpoints against a plan's {@link ShadowLimits}: each limit on each endpoint that had
 * mirrored requests is one verdict, written into shadow.json ({@code verdicts}) and printed. An endpoint with no
 * comparison is not judged (there is nothing to say about it), and is listed as such.
 */
final class ShadowJudge {
    private ShadowJudge() {
    }

    /** Adds {@code verdicts} to {@code shadow} and prints them; true when one failed. */
    static boolean judge(ObjectNode shadow, ShadowLimits limits, PrintStream out) {
        if (!limits.any()) {
            return false;
        }
        ArrayNode verdicts = shadow.putArray("verdicts");
        boolean failed = false;
        for (JsonNode e : shadow.path("endpoints")) {
            String name = e.path("endpoint").asText();
            boolean compared = e.path("mirrored").asLong() > 0;
            if (limits.maxDiffRate() != null) {
                failed |= verdict(verdicts, name, "max_diff_rate", compared, e.path("diff_rate").asDouble(), limits.maxDiffRate(), true);
            }
            if (limits.maxP99Delta() != null) {
                JsonNode r = e.path("p99_delta_ratio");
                failed |= verdict(verdicts, name, "max_p99_delta", compared && r.isNumber(), r.asDouble(), limits.maxP99Delta(), true);
            }
            if (limits.maxP99DeltaMs() != null) {
                failed |= verdict(verdicts, name, "max_p99_delta", compared, e.path("delta_ms").path("p99").asDouble(), limits.maxP99DeltaMs(), false);
            }
        }
        out.println("shadow limits:");
        for (JsonNode v : verdicts) {
            out.println("  " + switch (v.path("verdict").asText()) {
                case "passed" -> "✓ ";
                case "failed" -> "✗ ";
                default -> "- ";
            } + v.path("message").asText());
        }
        return failed;
    }

    private static boolean verdict(ArrayNode verdicts, String endpoint, String limit, boolean judged, double measured, double max, boolean percent) {
        ObjectNode v = verdicts.addObject();
        v.put("endpoint", endpoint).put("limit", limit).put("max", max);
        String shown = percent ? pct(measured) : String.format(Locale.ROOT, "%.1f ms", measured);
        String bound = percent ? pct(max) : String.format(Locale.ROOT, "%.1f ms", max);
        if (!judged) {
            v.put("verdict", "not_evaluated").putNull("measured");
            v.put("message", endpoint + " " + limit + ": not evaluated (no mirrored request was compared)");
            return false;
        }
        boolean failed = measured > max;
        v.put("verdict", failed ? "failed" : "passed").put("measured", measured);
        v.put("message", endpoint + " " + limit + ": measured " + shown + (failed ? ", limit " : " (limit ") + "<= " + bound + (failed ? "" : ")"));
        return failed;
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.3g%%", fraction * 100);
    }
}
