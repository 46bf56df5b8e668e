package io.carga.pgbench.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprTest {

    private static String eval(String expr) {
        TestContext ctx = new TestContext();
        ctx.vars.putValue("t", "default_seed", Value.of(5432L));
        ctx.vars.putValue("t", "n", Value.NULL);
        ctx.vars.putString("t", "s", "12");
        ctx.vars.putString("t", "d", "1.5");
        ctx.vars.putString("t", "yes", "y");
        Value v = ctx.eval(expr);
        return v.typeName() + " " + v.format();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "1 + 2 * 3 ; int 7",
            "(1 + 2) * 3 ; int 9",
            "7 / 2 ; int 3",
            "-7 / 2 ; int -3",
            "-7 % 3 ; int -1",
            "7.0 / 2 ; double 3.5",
            "7 % 2.9 ; int 1",
            "1 - 2 - 3 ; int -4",
            "2 * 3 % 4 ; int 2",
            "- 2 * 3 ; int -6",
            "~ 1 + 2 ; int -4",
            "~ 1 | 2 ; int -2",
            "1 << 2 + 1 ; int 8",
            "5 & 3 | 8 ; int 9",
            "5 # 3 ; int 6",
            "-9223372036854775808 ; int -9223372036854775808",
            "9223372036854775807 % -1 ; int 0",
            "1 < 2 AND 3 < 4 ; boolean true",
            "1 = 1 OR 1 / 0 = 0 ; boolean true",
            "NOT 1 = 2 ; boolean true",
            "NOT true AND false ; boolean false",
            "not false or false ; boolean true",
            "1 <> 2 ; boolean true",
            "1 != 1 ; boolean false",
            "2 >= 2.0 ; boolean true",
            "3 > 4 ; boolean false",
            "NULL + 1 ; null NULL",
            "NULL IS NULL ; boolean true",
            "1 IS NULL ; boolean false",
            "1 ISNULL ; boolean false",
            ":n NOTNULL ; boolean false",
            "1 = 1 IS TRUE ; boolean true",
            "true IS NOT FALSE ; boolean true",
            "NULL AND false ; null NULL",
            "false AND NULL ; boolean false",
            "true AND NULL ; null NULL",
            "true OR NULL ; boolean true",
            "CASE WHEN 1 = 2 THEN 1 ELSE 3 END ; int 3",
            "case when false then 1 when true then 2 end ; int 2",
            "CASE WHEN false THEN 1 END ; null NULL",
            "CASE WHEN 0 THEN 1 WHEN 2 THEN 3 END ; int 3",
            "abs(-5) ; int 5",
            "abs(-5.5) ; double 5.5",
            "least(5, 2.5, 3) ; double 2.5",
            "greatest(5, 2, 3) ; int 5",
            "int(2.5) ; int 2",
            "int(3.5) ; int 4",
            "int(-4.7) ; int -5",
            "double(3) ; double 3",
            "sqrt(2) ; double 1.4142135623731",
            "pi() ; double 3.14159265358979",
            "ln(10) ; double 2.30258509299405",
            "exp(1) ; double 2.71828182845905",
            "pow(2, 10) ; double 1024",
            "power(2, 0.5) ; double 1.4142135623731",
            "1.0 / 3 ; double 0.333333333333333",
            "1e20 * 10 ; double 1e+21",
            "1.5e-5 * 1 ; double 1.5e-05",
            "123456789012345.6 + 0 ; double 123456789012346",
            "1234567890123456.0 + 0 ; double 1.23456789012346e+15",
            "0.0001 + 0 ; double 0.0001",
            ":s * 2 ; int 24",
            ":d * 2 ; double 3",
            ":yes AND true ; boolean true",
            "mod(10, 3) ; int 1",
            "hash(10, 5432) ; int -5817877081768721676",
            "hash(10) ; int -5817877081768721676",
            "hash_murmur2(10, 5432) ; int -5817877081768721676",
            "hash_fnv1a(10, 5432) ; int -7793829335365542153",
            "permute(0, 10000, 5432) ; int 9387",
            "permute(1, 10000, 5432) ; int 83",
            "permute(2, 10000) ; int 1315",
            "permute(12345, 1000003, -7) ; int 939859",
            "permute(-3, 7, 1) ; int 3",
            "hash_fnv1a(-1, 0) ; int -8289690350564177859",
            "hash_murmur2(-1, 0) ; int 4219408603045787357",
            "permute(5, 1, 77) ; int 0",
    })
    void evaluates(String expr, String expected) {
        assertThat(eval(expr)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @CsvSource(delimiter = ';', value = {
            "9223372036854775807 + 1 ; bigint add out of range",
            "-9223372036854775808 - 1 ; bigint sub out of range",
            "9223372036854775807 * 2 ; bigint mul out of range",
            "-9223372036854775808 / -1 ; bigint div out of range",
            "- (-9223372036854775808) ; bigint sub out of range",
            "1 / 0 ; division by zero",
            "1 % 0 ; division by zero",
            "int(1e300) ; double to int overflow for 1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000",
            "random(5, 1) ; empty range given to random",
            "random(-9223372036854775808, 9223372036854775807) ; random range is too large",
            "random_gaussian(1, 10, 1.5) ; gaussian parameter must be at least 2.000000 (not 1.500000)",
            "random_exponential(1, 10, 0) ; exponential parameter must be greater than zero (not 0.000000)",
            "random_zipfian(1, 10, 1) ; zipfian parameter must be in range [1.001, 1000] (not 1.000000)",
            "permute(1, 0, 1) ; permute size parameter must be greater than zero",
            "1 + true ; cannot coerce boolean to int",
            "NOT 1 ; cannot coerce int to boolean",
            "1 AND true ; cannot coerce int to boolean",
            ":nosuch + 1 ; undefined variable \"nosuch\"",
    })
    void failsAtRunTime(String expr, String message) {
        assertThatThrownBy(() -> eval(expr)).isInstanceOf(EvalException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "1 + ; syntax error",
            "1 < 2 < 3 ; syntax error",
            "(1 ; syntax error",
            "foo(1) ; unexpected function name",
            "abs(1, 2) ; unexpected number of arguments",
            "least() ; at least one argument expected",
            "hash(1, 2, 3) ; unexpected number of arguments",
            "1 ! 2 ; unexpected character",
            "99999999999999999999 ; bigint constant overflow",
            "9223372036854775808 ; syntax error",
            "CASE 1 END ; syntax error",
    })
    void rejectsSyntax(String expr, String message) {
        assertThatThrownBy(() -> ExprParser.parse(expr)).isInstanceOf(ExprParser.SyntaxError.class).hasMessage(message);
    }

    @Test
    void debugOutputFormats() {
        TestContext ctx = new TestContext();
        ctx.eval("debug(1)");
        ctx.eval("debug(2.5)");
        ctx.eval("debug(1 = 1)");
        ctx.eval("debug(NULL)");
        assertThat(ctx.debug).containsExactly("int 1", "double 2.5", "boolean true", "null");
    }

    @Test
    void keywordsAreCaseInsensitiveButLongerWordsAreFunctions() {
        assertThat(eval("TrUe aNd NoT FaLsE")).isEqualTo("boolean true");
        assertThatThrownBy(() -> ExprParser.parse("andy(1)")).hasMessage("unexpected function name");
    }
}
