package io.carga.cli.plan;

import static io.carga.core.load.Durations.format;

import io.carga.core.threshold.AlertRule;
import io.carga.core.threshold.Expression;
import io.carga.core.threshold.Op;
import io.carga.core.threshold.Selector;
import io.carga.core.threshold.Threshold;
import io.carga.core.threshold.Tiers;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a plan says it will do and cannot: the spec's own contradictions, found without running anything.
 * Each is a {@code file:line:column: warning: ...} at the place to change. Warnings never fail a command;
 * {@code carga plan check} prints them.
 *
 * <ul>
 * <li>a stage longer than {@code cost_controls.auto_shutdown}: it is cut short;</li>
 * <li>the stages a trigger runs, together longer than {@code cost_controls.scheduled_testing} leaves them
 *     (from a scheduled trigger's time to the window's end, else the whole window);</li>
 * <li>a scheduled trigger outside that window;</li>
 * <li>an AI throughput floor ({@code ai_...} under {@code throughput}) above {@code cost_controls.ai_rate_limits},
 *     which holds every AI client below it;</li>
 * <li>a threshold, floor or alert scoped to requests no scenario of the plan can make, by the rule of
 *     {@link #whyTierUnmatched}; when a scenario's code cannot be read, nothing is said.</li>
 * </ul>
 */
final class PlanWarnings {
    private final Plan plan;
    private final Locations where;
    private final List<PlanException.Problem> out = new ArrayList<>();

    private PlanWarnings(Plan plan) {
        this.plan = plan;
        this.where = plan.where();
    }

    /** The plan's warnings in the order of the file. */
    static List<PlanException.Problem> of(Plan plan) {
        PlanWarnings w = new PlanWarnings(plan);
        w.stagesPastAutoShutdown();
        w.triggersPastWindow();
        w.aiFloorsPastRateLimit();
        ScenarioStrings.of(plan).ifPresent(w::scopesNothingMatches);
        w.out.sort(Comparator.comparingInt(PlanException.Problem::line).thenComparingInt(PlanException.Problem::column));
        return List.copyOf(w.out);
    }

    private void stagesPastAutoShutdown() {
        Duration max = plan.controls().maxDuration();
        if (max == null) {
            return;
        }
        for (Plan.Stage s : plan.stages().values()) {
            if (!s.isCapacity() && s.duration().compareTo(max) > 0) {
                out.add(where.warning(durationPointer(s), "stage " + s.name() + " runs " + format(s.duration())
                        + " but cost_controls.auto_shutdown (" + where.line("/cost_controls/auto_shutdown") + ") stops every run after "
                        + format(max) + ": it would be cut short"));
            }
        }
    }

    private String durationPointer(Plan.Stage s) {
        return plan.stagesFromPipeline().contains(s.name())
                ? YamlTree.child(YamlTree.child("/pipeline/test_stages", s.name()), "duration")
                : YamlTree.child("/test_schedule", s.name());
    }

    /** Each trigger's stages against the window; a pipeline without triggers is one run of all its stages. */
    private void triggersPastWindow() {
        Plan.TimeWindow w = plan.controls().window();
        if (w == null) {
            return;
        }
        String window = "the window " + w + " (cost_controls.scheduled_testing, " + where.line("/cost_controls/scheduled_testing") + ")";
        LocalDate day = LocalDate.of(2000, 1, 3); // any day: the window repeats daily
        if (plan.triggers().isEmpty()) {
            pastWindow("/pipeline/test_stages", "the pipeline's stages", plan.pipeline(null), length(w.from(), w.to()), window + " lasts");
        }
        for (int i = 0; i < plan.triggers().size(); i++) {
            Trigger t = plan.triggers().get(i);
            String at = "/pipeline/triggers/" + i;
            Duration left = length(w.from(), w.to());
            String leaves = window + " lasts";
            if (t.event() == Trigger.Event.SCHEDULE) {
                java.time.OffsetDateTime fires = day.atTime(t.time()).atOffset(t.zone());
                LocalTime start = fires.withOffsetSameInstant(w.zone()).toLocalTime();
                if (!w.contains(fires.toInstant())) {
                    out.add(where.warning(at, "trigger " + t.name() + " fires at " + start + " UTC" + w.zone().getId() + ", outside "
                            + window + ": its runs would need --force"));
                    continue;
                }
                left = length(start, w.to());
                leaves = window + " has from " + start + " on";
            }
            pastWindow(at, "the stages of trigger " + t.name(), plan.pipeline(t.name()), left, leaves);
        }
    }

    private void pastWindow(String at, String what, List<Plan.Stage> stages, Duration left, String window) {
        Duration total = stages.stream().map(Plan.Stage::duration).reduce(Duration.ZERO, Duration::plus);
        if (total.compareTo(left) > 0) {
            out.add(where.warning(at, what + " take " + format(total) + " (" + String.join(" + ",
                    stages.stream().map(s -> format(s.duration())).toList()) + ") but " + window + " " + format(left)));
        }
    }

    /** From {@code from} to the next {@code to}, past midnight if need be. */
    private static Duration length(LocalTime from, LocalTime to) {
        long minutes = Math.floorMod(Duration.between(from, to).toMinutes(), 24 * 60);
        return Duration.ofMinutes(minutes == 0 ? 24 * 60 : minutes);
    }

    private void aiFloorsPastRateLimit() {
        Double limit = plan.controls().aiRatePerSecond();
        if (limit == null) {
            return;
        }
        for (Threshold f : plan.floors()) {
            Expression x = f.expression();
            boolean atLeast = x.op() == Op.GE || x.op() == Op.GT;
            if (f.name().startsWith("ai_") && atLeast && x.limit() > limit) {
                out.add(where.warning(where.pointerOf(f), floor(f) + " wants " + perMinute(x.limit())
                        + " AI requests but cost_controls.ai_rate_limits (" + where.line("/cost_controls/ai_rate_limits")
                        + ") holds every AI client to " + perMinute(limit) + ": the floor can never pass"));
            }
        }
    }

    private static String floor(Threshold f) {
        return "throughput floor " + f.name() + " (" + f.expression().label() + ")";
    }

    private static String perMinute(double perSecond) {
        double m = perSecond * 60;
        return (Math.abs(m - Math.rint(m)) < 1e-6 ? String.valueOf(Math.round(m)) : String.format(java.util.Locale.ROOT, "%.1f", m)) + "/min";
    }

    private void scopesNothingMatches(Set<String> strings) {
        List<Threshold> all = new ArrayList<>(plan.thresholds());
        all.addAll(plan.floors());
        plan.stages().values().forEach(s -> all.addAll(s.thresholds()));
        for (Threshold t : all) {
            unmatched(t.expression(), strings).ifPresent(why -> out.add(where.warning(where.pointerOf(t),
                    (t.group().equals("throughput") ? floor(t) : "threshold " + t.expression().label()) + " " + why)));
        }
        for (int i = 0; i < plan.alerts().size(); i++) {
            AlertRule a = plan.alerts().get(i);
            int index = i;
            unmatched(a.condition(), strings).ifPresent(why -> out.add(where.warning("/alerting_rules/" + index + "/condition",
                    "alert " + a.name() + " (" + a.condition().label() + ") " + why)));
        }
    }

    /** Why no request of the plan can ever be in {@code x}'s scope, or empty when one can. */
    private Optional<String> unmatched(Expression x, Set<String> strings) {
        for (Selector s : x.scope().selectors()) {
            Optional<String> why = switch (s) {
                case Selector.Tier t -> whyTierUnmatched(t.name(), strings);
                case Selector.Tag t -> tagSet(t.key(), t.value(), strings) ? Optional.empty()
                        : Optional.of("no scenario sets the tag " + t.label());
                default -> Optional.empty();
            };
            if (why.isPresent()) {
                return Optional.of("matches no request: " + why.get()
                        + " (tags are looked for in the scenarios' code; give the tier request names under tiers:, or tag the requests)");
            }
        }
        return Optional.empty();
    }

    /**
     * The static rule. A tier can match when the plan's {@code tiers:} gives it request-name globs (names are
     * known only at run time, so any glob may match), or tags that each can be set ({@link #tagSet}); a tier
     * the plan does not define matches requests tagged {@code tier=NAME}, so a scenario must write NAME.
     */
    private Optional<String> whyTierUnmatched(String tier, Set<String> strings) {
        Tiers.Tier t = plan.tiers().tiers().get(tier);
        if (t == null && tier.equals(Plan.QUERY_TIER) && plan.stages().values().stream().anyMatch(Plan.Stage::isDb)) {
            return Optional.empty(); // a db stage's statements are this tier (io.carga.cli.db.DbStage)
        }
        if (t == null) {
            return tagSet("tier", tier, strings) ? Optional.empty()
                    : Optional.of("tiers: does not define " + tier + " and no scenario tags a request tier=" + tier);
        }
        if (!t.names().isEmpty()) {
            return Optional.empty();
        }
        String at = where.line(YamlTree.child("/tiers", tier));
        if (t.tags().isEmpty()) {
            return Optional.of("tier " + tier + " (" + at + ") has neither names nor tags");
        }
        return t.tags().entrySet().stream().filter(e -> !tagSet(e.getKey(), e.getValue(), strings)).findFirst()
                .map(e -> "tier " + tier + " (" + at + ") needs the tag " + e.getKey() + "=" + e.getValue() + ", which no scenario sets");
    }

    /**
     * A tag can be set when its value (a glob) is one of the strings a scenario is written with, or when
     * carga's AI client sets its key on every request it sends ({@code model}) and any value will do.
     */
    private static boolean tagSet(String key, String valueGlob, Set<String> strings) {
        if (key.equals(io.carga.ai.AiFields.MODEL) && valueGlob.equals("*")) {
            return true;
        }
        String regex = Arrays.stream(valueGlob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return strings.stream().anyMatch(v -> v.matches(regex));
    }
}
