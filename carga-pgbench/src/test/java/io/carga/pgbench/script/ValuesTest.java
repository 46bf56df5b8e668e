package io.carga.pgbench.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** String variables (from -D, \gset) become values as pgbench's makeVariableValue decides; doubles print as %.15g. */
class ValuesTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = ';', value = {
            "t; boolean true", "TRU; boolean true", "yes; boolean true", "y; boolean true", "on; boolean true",
            "f; boolean false", "No; boolean false", "off; boolean false", "of; boolean false",
            "null; null NULL", "NULL; null NULL",
            "42; int 42", "-7; int -7", "+3; int 3", "'  12'; int 12",
            "1.5; double 1.5", "1e3; double 1000", "-.5; double -0.5", "inf; double inf", "'  2.5'; double 2.5",
    })
    void parsesLikePgbench(String text, String expected) {
        Value v = Variables.parse("v", text);
        assertThat(v.typeName() + " " + v.format()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"''", "o", "'12 '", "abc", "1.5f", "0x", "1e5000"})
    void rejectsMalformed(String text) {
        assertThatThrownBy(() -> Variables.parse("v", text)).isInstanceOf(EvalException.class).hasMessageStartingWith("malformed variable");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "0.1; 0.1", "100; 100", "1e15; 1e+15", "123456789012345; 123456789012345", "1234567890123456; 1.23456789012346e+15",
            "0.0001; 0.0001", "0.00001; 1e-05", "-2.5e-300; -2.5e-300", "3.14159265358979323846; 3.14159265358979",
            "0.30000000000000004; 0.3", "9.9999999999999995; 10", "-0.0; -0",
    })
    void formatsLikeCPercentG15(double v, String expected) {
        assertThat(CFormat.g15(v)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {"0.5; 0", "1.5; 2", "2.5; 2", "1234.4999; 1234", "-0.4; -0"})
    void roundsLikeCPercentDot0f(double v, String expected) {
        assertThat(CFormat.fixed(v, 0)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"a, true", "_x1, true", "é, true", "1a, false", "a-b, false", "'', false"})
    void variableNames(String name, boolean valid) {
        assertThat(Variables.isValidName(name)).isEqualTo(valid);
    }
}
