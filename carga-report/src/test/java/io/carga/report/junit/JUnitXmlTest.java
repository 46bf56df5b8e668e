package io.carga.report.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.core.threshold.MetricRegistry;
import io.carga.core.threshold.Threshold;
import io.carga.core.threshold.ThresholdParser;
import io.carga.core.threshold.Verdict;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitXmlTest {
    private static final ThresholdParser PARSER = new ThresholdParser(MetricRegistry.builtIn());

    private static Verdict verdict(String group, String name, String expr, Verdict.Status status, double measured, String note) {
        return new Verdict(new Threshold(group, name, PARSER.parse(expr), false, null), status, measured, note);
    }

    static final List<Verdict> VERDICTS = List.of(
            verdict("response_times", "api_endpoints", "p95{tier=api_endpoints} < 500ms", Verdict.Status.FAILED, 612.4, null),
            verdict("response_times", "gemini_flash_requests", "p95{tier=gemini_flash_requests} < 800ms", Verdict.Status.PASSED, 640, null),
            verdict("thresholds", "error_rate < 1%", "error_rate < 1%", Verdict.Status.PASSED, 0.002, null),
            verdict("resource_efficiency", "cost_per_user_per_month", "cost_per_user_per_month < R$ 12",
                    Verdict.Status.NOT_EVALUATED, Double.NaN, "no metric 'cost_per_user_per_month' was recorded in this run"));

    private static Validator validator() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JUnitXmlTest.class.getResource("junit-ant.xsd"));
        return schema.newValidator();
    }

    @Test
    void aBreachedThresholdIsAFailingCaseWithTheMeasuredValueAndTheLimit() throws Exception {
        String xml = JUnitXml.render(List.of(new JUnitXml.Suite("smoke_test", 1_700_000_000_000L, 3.2, VERDICTS, null, null)), "ci-runner");
        validator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"1\"")
                .contains("timestamp=\"2023-11-14T22:13:20\"")
                .contains("<failure message=\"p95{tier=api_endpoints} &lt; 500ms: measured 612ms, limit &lt; 500ms\" type=\"threshold\">")
                .contains("classname=\"carga.smoke_test.response_times\"")
                .contains("<skipped message=\"no metric 'cost_per_user_per_month' was recorded in this run\"");
    }

    @Test
    void anAbortedRunAddsAnErroredCaseAndEveryStageIsASuite(@TempDir Path dir) throws Exception {
        JUnitXml.write(dir.resolve(JUnitXml.FILE), List.of(
                new JUnitXml.Suite("smoke_test", 0, 1, VERDICTS.subList(1, 3), null, null),
                new JUnitXml.Suite("load_test", 0, 2, VERDICTS.subList(0, 1), "threshold failed with abort_on_fail", "aborted")));
        String xml = Files.readString(dir.resolve(JUnitXml.FILE));
        validator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("<testsuite name=\"load_test\" package=\"carga\" id=\"1\"")
                .contains("<error message=\"threshold failed with abort_on_fail\" type=\"aborted\">");
    }

    @Test
    void theSchemaIsStrictEnoughToCatchABrokenFile() throws Exception {
        String bad = "<testsuites><testsuite name=\"x\" package=\"carga\" id=\"0\" timestamp=\"2023-11-14T22:13:20Z\""
                + " hostname=\"h\" tests=\"1\" failures=\"0\" errors=\"0\" time=\"1\"><properties/>"
                + "<testcase name=\"t\" classname=\"c\" time=\"0\"><failure message=\"m\"/></testcase>"
                + "<system-out/><system-err/></testsuite></testsuites>";
        assertThatThrownBy(() -> validator().validate(new StreamSource(new StringReader(bad))))
                .hasMessageContaining("2023-11-14T22:13:20Z");
    }
}
