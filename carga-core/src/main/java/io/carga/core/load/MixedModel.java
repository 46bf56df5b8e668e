package io.carga.core.load;

import io.carga.core.config.Scenario;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Several scenarios in one run, each with its own user kinds and its own load model (k6's
 * {@code scenarios}): 200 closed users browsing, an open 10/s stream of AI generations and a ramping
 * arrival rate of webhooks, side by side, with one metrics hub, one interval, one graceful stop and one
 * maximum duration. When there is more than one part, every request of a part is tagged
 * {@code scenario=<part name>} ({@link #TAG}), so figures can be given per scenario.
 *
 * <pre>{@code
 * new MixedModel(List.of(
 *         new MixedModel.Part("browsing", browsing, ClosedModel.of(200, 0, Duration.ofMinutes(10)), Duration.ZERO),
 *         new MixedModel.Part("ai", ai, OpenModel.constant(10, Duration.ofMinutes(10), 50), Duration.ZERO)));
 * }</pre>
 */
public record MixedModel(List<Part> parts) implements LoadModel {
    /** The tag each request of a part carries in a run of several parts. */
    public static final String TAG = "scenario";
    /** Gauge (tagged with the part) holding the most users the part had at once so far. */
    public static final String USERS_PEAK = "users_peak";
    /** Counter (tagged with the part) of the iterations an arrival-rate part could not start. */
    public static final String DROPPED = "dropped_iterations";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /**
     * One scenario of the run.
     *
     * @param name       its name, the value of its {@code scenario} tag (letters, digits, {@code _ . -})
     * @param scenario   its user kinds
     * @param load       its load model (any but a mixed one), timed from its own start
     * @param startAfter how long after the run start it begins (k6's {@code startTime})
     */
    public record Part(String name, Scenario scenario, LoadModel load, Duration startAfter) {
        public Part {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("scenario name '" + name + "' may hold only letters, digits, _ . -");
            }
            if (load instanceof MixedModel) {
                throw new IllegalArgumentException("scenario " + name + ": a mixed model cannot hold another");
            }
            startAfter = startAfter == null ? Duration.ZERO : startAfter;
            if (startAfter.isNegative()) {
                throw new IllegalArgumentException("scenario " + name + ": start offset cannot be negative");
            }
        }

        String describe() {
            return name + " (" + load.describe() + (startAfter.isZero() ? "" : ", after " + Durations.format(startAfter)) + ")";
        }
    }

    public MixedModel {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a mixed model needs at least one scenario");
        }
        Set<String> seen = new HashSet<>();
        for (Part p : parts) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("two scenarios are named " + p.name());
            }
        }
    }

    /** Whether the parts' requests are tagged with their names: only when there are several. */
    public boolean tagged() {
        return parts.size() > 1;
    }

    /** The longest part, start offset included; null when a part ends by itself (iterations, shape). */
    @Override
    public Duration plannedDuration() {
        Duration longest = Duration.ZERO;
        for (Part p : parts) {
            Duration d = p.load().plannedDuration();
            if (d == null) {
                return null;
            }
            Duration end = p.startAfter().plus(d);
            longest = end.compareTo(longest) > 0 ? end : longest;
        }
        return longest;
    }

    /** The parts' users added up: they may all run at once. */
    @Override
    public int maxUsers() {
        return parts.stream().mapToInt(p -> p.load().maxUsers()).sum();
    }

    @Override
    public String describe() {
        return parts.size() + (parts.size() == 1 ? " scenario: " : " scenarios: ")
                + parts.stream().map(Part::describe).collect(Collectors.joining("; "));
    }
}
