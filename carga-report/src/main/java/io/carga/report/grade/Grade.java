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
public record Grade(String letter, int score, List<Part> parts) {

    /**
     * One of the three parts.
     *
     * @param name   "response time", "error rate" or "cost efficiency"
     * @param points points earned
     * @param max    points possible
     * @param figure the measured figure, as text ("p95 420 ms")
     * @param rule   the band that gave the points ("p95 < 500 ms")
     */
    public record Part(String name, int points, int max, String figure, String rule) {
    }

    /**
     * @param apiP95Ms          p95 of the API requests, milliseconds
     * @param errorRate         failed share of requests, 0..1
     * @param costPerUserHour   cost per virtual user per hour; NaN when the run recorded no cost, which
     *                          scores as zero cost (nothing was spent) and says so
     */
    public static Grade of(double apiP95Ms, double errorRate, double costPerUserHour) {
        Part time = responseTime(apiP95Ms);
        Part errors = errorRate(errorRate);
        Part cost = costEfficiency(costPerUserHour);
        int score = time.points() + errors.points() + cost.points();
        return new Grade(letter(score), score, List.of(time, errors, cost));
    }

    static Part responseTime(double p95) {
        String figure = String.format(Locale.ROOT, "p95 %.0f ms", p95);
        if (p95 < 500) {
            return new Part("response time", 40, 40, figure, "p95 < 500 ms");
        } else if (p95 < 1000) {
            return new Part("response time", 30, 40, figure, "p95 < 1000 ms");
        } else if (p95 < 2000) {
            return new Part("response time", 20, 40, figure, "p95 < 2000 ms");
        }
        return new Part("response time", 10, 40, figure, "p95 ≥ 2000 ms");
    }

    static Part errorRate(double rate) {
        String figure = String.format(Locale.ROOT, "%.2f%% errors", rate * 100);
        if (rate < 0.01) {
            return new Part("error rate", 30, 30, figure, "< 1%");
        } else if (rate < 0.05) {
            return new Part("error rate", 20, 30, figure, "< 5%");
        } else if (rate < 0.10) {
            return new Part("error rate", 10, 30, figure, "< 10%");
        }
        return new Part("error rate", 0, 30, figure, "≥ 10%");
    }

    static Part costEfficiency(double perUserHour) {
        boolean none = Double.isNaN(perUserHour);
        double c = none ? 0 : perUserHour;
        String figure = none ? "no cost recorded" : String.format(Locale.ROOT, "%.4f per user-hour", c);
        if (c < 0.05) {
            return new Part("cost efficiency", 30, 30, figure, "< 0.05 per user-hour");
        } else if (c < 0.10) {
            return new Part("cost efficiency", 20, 30, figure, "< 0.10 per user-hour");
        } else if (c < 0.20) {
            return new Part("cost efficiency", 10, 30, figure, "< 0.20 per user-hour");
        }
        return new Part("cost efficiency", 0, 30, figure, "≥ 0.20 per user-hour");
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
