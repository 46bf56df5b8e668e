package io.carga.report.grade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GradeTest {

    @ParameterizedTest(name = "p95 {0} ms -> {1} points")
    @CsvSource({"0,40", "499.999,40", "500,30", "999.999,30", "1000,20", "1999.999,20", "2000,10", "60000,10"})
    void responseTimeBands(double p95, int points) {
        assertThat(Grade.responseTime(p95, "all requests").points()).isEqualTo(points);
    }

    @ParameterizedTest(name = "error rate {0} -> {1} points")
    @CsvSource({"0,30", "0.00999,30", "0.01,20", "0.04999,20", "0.05,10", "0.09999,10", "0.10,0", "1,0"})
    void errorRateBands(double rate, int points) {
        assertThat(Grade.errorRate(rate).points()).isEqualTo(points);
    }

    @ParameterizedTest(name = "cost {0}/user-hour -> {1} points")
    @CsvSource({"0,30", "0.04999,30", "0.05,20", "0.09999,20", "0.10,10", "0.19999,10", "0.20,0", "3,0"})
    void costBands(double cost, int points) {
        assertThat(Grade.costEfficiency(cost, "R$").points()).isEqualTo(points);
    }

    @ParameterizedTest(name = "score {0} -> {1}")
    @CsvSource({"100,A", "90,A", "89,B", "80,B", "79,C", "70,C", "69,D", "60,D", "59,F", "10,F"})
    void letterBounds(int score, String letter) {
        assertThat(Grade.letter(score)).isEqualTo(letter);
    }

    @Test
    void wholeGradesAtTheSpecsBoundaries() {
        assertThat(Grade.of(499, 0.0099, 0.0499).letter()).isEqualTo("A");     // 40+30+30 = 100
        assertThat(Grade.of(500, 0.0099, 0.0499)).extracting(Grade::score, Grade::letter).containsExactly(90, "A");
        assertThat(Grade.of(500, 0.01, 0.0499)).extracting(Grade::score, Grade::letter).containsExactly(80, "B");
        assertThat(Grade.of(1000, 0.01, 0.0499)).extracting(Grade::score, Grade::letter).containsExactly(70, "C");
        assertThat(Grade.of(1000, 0.01, 0.05)).extracting(Grade::score, Grade::letter).containsExactly(60, "D");
        assertThat(Grade.of(1000, 0.05, 0.05)).extracting(Grade::score, Grade::letter).containsExactly(50, "F");
        assertThat(Grade.of(2000, 0.10, 0.20)).extracting(Grade::score, Grade::letter).containsExactly(10, "F");
    }

    @Test
    void noRecordedCostIsNotMeasuredNotPassedAndTheScoreIsScaledOverTheMeasuredParts() {
        Grade g = Grade.of(600, "all requests", 0, Double.NaN, "R$");
        Grade.Part cost = g.parts().get(2);
        assertThat(cost.measured()).isFalse();
        assertThat(cost.points()).as("no marks for what was not measured").isZero();
        assertThat(cost.rule()).isEqualTo("not measured");
        assertThat(cost.figure()).isEqualTo("no cost recorded");
        // 30 + 30 of the 70 measured points: 86 of 100, a B; a measured cheap run with the same figures gets 90, an A
        assertThat(g.score()).isEqualTo(86);
        assertThat(g.letter()).isEqualTo("B");
        assertThat(g.basis()).contains("60 of 70 points", "not measured");
        assertThat(Grade.of(600, "all requests", 0, 0.01, "R$").score()).isEqualTo(90);
    }

    @Test
    void eachPartSaysWhatItCoversAndMoneyHasItsCurrency() {
        Grade g = Grade.of(420, "the api_endpoints tier", 0, 0.0312, "R$");
        assertThat(g.parts().get(0).covers()).isEqualTo("the api_endpoints tier");
        assertThat(g.parts().get(2).figure()).isEqualTo("R$ 0.0312 per user-hour");
        assertThat(g.parts().get(2).rule()).isEqualTo("< R$ 0.05 per user-hour");
    }
}
