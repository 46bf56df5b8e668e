package io.carga.report.grade;

import java.util.List;
import java.util.Locale;

/**
 * The spec's overall performance grade (section 10.1, {@code calculate_performance_grade}): 40 points for
 * response time, 30 for the error rate, 30 for cost efficiency; A from 90, B from 80, C from 70, D from 60,
 * else F. Every bound is strict ("p95 &lt; 500 ms"), exactly as the spec writes it.
 *
 * <pre>{@code
 * Grade g = Grade.of(420.0, 0.004, 0.03);   // A: 40 + 30 + 30
 * g.letter();                               // "A"
 * }</pre>
 *
 * @param letter A–F
 * @param score  0–100
 * @param parts  response time, error rate, cost efficiency: each with its points and the figure used
 */
public record Grade(String letter, int score, List<Part> parts, String basis) {

    /**
     * One of the three parts.
     *
     * @param name     "response time", "error rate" or "cost efficiency"
     * @param points   points earned (0 when not measured)
     * @param max      points possible
     * @param figure   the measured figure, as text ("p95 420 ms"), or why it was not measured
     * @param rule     the band that gave the points ("p95 < 500 ms"), or "not measured"
     * @param measured false when the run recorded nothing to score this part by: it then counts neither for
     *                 nor against the score
     * @param covers   what the figure covers ("the api_endpoints tier: 2 of 5 request names, 1,200 of 3,000 requests")
     */
    public record Part(String name, int points, int max, String figure, String rule, boolean measured, String covers) {
    }

    /**
     * @param apiP95Ms          p95 of the API requests, milliseconds
     * @param errorRate         failed share of requests, 0..1
     * @param costPerUserHour   cost per virtual user per hour; NaN when the run recorded no cost
     */
    public static Grade of(double apiP95Ms, double errorRate, double costPerUserHour) {
        return of(apiP95Ms, "all requests", errorRate, costPerUserHour, "");
    }

    /**
     * The grade, each part saying what its figure covers. An unmeasured cost part is shown as not measured and
     * the score is scaled over the measured parts (70 points), so a run without cost is neither rewarded nor
     * punished for it, and the grade says so.
     *
     * @param p95Covers what {@code apiP95Ms} was measured over
     * @param currency  the cost's currency ({@code R$}), shown with the figure
     */
    public static Grade of(double apiP95Ms, String p95Covers, double errorRate, double costPerUserHour, String currency) {
        Part time = responseTime(apiP95Ms, p95Covers);
        Part errors = errorRate(errorRate);
        Part cost = costEfficiency(costPerUserHour, currency);
        List<Part> parts = List.of(time, errors, cost);
        int earned = parts.stream().mapToInt(Part::points).sum();
        int possible = parts.stream().filter(Part::measured).mapToInt(Part::max).sum();
        int score = possible == 100 ? earned : (int) Math.round(100.0 * earned / possible);
        String basis = possible == 100 ? "the spec's three parts (section 10.1)"
                : String.format(Locale.ROOT, "scaled from %d of %d points: cost efficiency was not measured (the run recorded no cost)",
                        earned, possible);
        return new Grade(letter(score), score, parts, basis);
    }

    static Part responseTime(double p95, String covers) {
        String figure = String.format(Locale.ROOT, "p95 %.0f ms", p95);
        String name = "response time";
        if (p95 < 500) {
            return new Part(name, 40, 40, figure, "p95 < 500 ms", true, covers);
        } else if (p95 < 1000) {
            return new Part(name, 30, 40, figure, "p95 < 1000 ms", true, covers);
        } else if (p95 < 2000) {
            return new Part(name, 20, 40, figure, "p95 < 2000 ms", true, covers);
        }
        return new Part(name, 10, 40, figure, "p95 ≥ 2000 ms", true, covers);
    }

    static Part errorRate(double rate) {
        String figure = String.format(Locale.ROOT, "%.2f%% errors", rate * 100);
        String name = "error rate";
        String covers = "all requests";
        if (rate < 0.01) {
            return new Part(name, 30, 30, figure, "< 1%", true, covers);
        } else if (rate < 0.05) {
            return new Part(name, 20, 30, figure, "< 5%", true, covers);
        } else if (rate < 0.10) {
            return new Part(name, 10, 30, figure, "< 10%", true, covers);
        }
        return new Part(name, 0, 30, figure, "≥ 10%", true, covers);
    }

    static Part costEfficiency(double perUserHour, String currency) {
        String name = "cost efficiency";
        String covers = "cost recorded by the run over its user-hours";
        if (Double.isNaN(perUserHour)) {
            return new Part(name, 0, 30, "no cost recorded", "not measured", false, covers);
        }
        String c = currency == null || currency.isEmpty() ? "" : currency + " ";
        String figure = String.format(Locale.ROOT, "%s%.4f per user-hour", c, perUserHour);
        if (perUserHour < 0.05) {
            return new Part(name, 30, 30, figure, "< " + c + "0.05 per user-hour", true, covers);
        } else if (perUserHour < 0.10) {
            return new Part(name, 20, 30, figure, "< " + c + "0.10 per user-hour", true, covers);
        } else if (perUserHour < 0.20) {
            return new Part(name, 10, 30, figure, "< " + c + "0.20 per user-hour", true, covers);
        }
        return new Part(name, 0, 30, figure, "≥ " + c + "0.20 per user-hour", true, covers);
    }

    static String letter(int score) {
        if (score >= 90) {
            return "A";
        } else if (score >= 80) {
            return "B";
        } else if (score >= 70) {
            return "C";
        } else if (score >= 60) {
            return "D";
        }
        return "F";
    }
}
