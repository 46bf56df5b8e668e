package io.carga.report.junit;

import io.carga.core.threshold.Verdict;
import io.carga.report.results.ResultsFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * junit.xml: threshold verdicts in the Ant JUnit format every CI reads (GitHub Actions reporters,
 * Jenkins, GitLab). One {@code testsuite} per run or pipeline stage, one {@code testcase} per
 * threshold: a failed threshold is a {@code failure} whose message holds the measured value and the
 * limit; a threshold without data is {@code skipped}; a run that was aborted or whose figures can't be
 * trusted adds an errored {@code run} testcase. Timestamps are UTC without a zone, as the format wants.
 */
public final class JUnitXml {
    /** The file name in a results folder. */
    public static final String FILE = "junit.xml";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    /**
     * One run's verdicts.
     *
     * @param name         the suite name: the stage ({@code smoke_test}) or the run id
     * @param startEpochMs when the run started
     * @param seconds      how long it ran
     * @param verdicts     its thresholds' verdicts
     * @param runProblem   null when the run completed normally, else why it did not count (aborted, saturated)
     * @param runProblemType short type of that problem ({@code aborted}, {@code invalid_run})
     * @param runNote      how the run ended when that is worth saying but is no problem (a cut short the plan
     *                     accepts), written to the suite's system-out; or null
     */
    public record Suite(String name, long startEpochMs, double seconds, List<Verdict> verdicts, String runProblem,
                        String runProblemType, String runNote) {
        public Suite {
            verdicts = List.copyOf(verdicts);
        }

        public Suite(String name, long startEpochMs, double seconds, List<Verdict> verdicts, String runProblem, String runProblemType) {
            this(name, startEpochMs, seconds, verdicts, runProblem, runProblemType, null);
        }
    }

    private JUnitXml() {
    }

    public static void write(Path file, List<Suite> suites) throws IOException {
        ResultsFiles.writeAtomically(file, render(suites, hostname()));
    }

    public static String render(List<Suite> suites, String hostname) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            int id = 0;
            for (Suite s : suites) {
                suite(x, s, id++, hostname);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write junit.xml", e);
        }
        return text + "\n";
    }

    private static void suite(XMLStreamWriter x, Suite s, int id, String hostname) throws XMLStreamException {
        long failures = s.verdicts().stream().filter(Verdict::failed).count();
        long skipped = s.verdicts().stream().filter(v -> v.status() == Verdict.Status.NOT_EVALUATED).count();
        int errors = s.runProblem() == null ? 0 : 1;
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", s.name());
        x.writeAttribute("package", "carga");
        x.writeAttribute("id", String.valueOf(id));
        x.writeAttribute("timestamp", TIMESTAMP.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(s.startEpochMs()), ZoneOffset.UTC)));
        x.writeAttribute("hostname", hostname);
        x.writeAttribute("tests", String.valueOf(s.verdicts().size() + errors));
        x.writeAttribute("failures", String.valueOf(failures));
        x.writeAttribute("errors", String.valueOf(errors));
        x.writeAttribute("skipped", String.valueOf(skipped));
        x.writeAttribute("time", seconds(s.seconds()));
        x.writeCharacters("\n    ");
        x.writeEmptyElement("properties");
        for (Verdict v : s.verdicts()) {
            testcase(x, s, v);
        }
        if (s.runProblem() != null) {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("name", "run");
            x.writeAttribute("classname", "carga." + s.name());
            x.writeAttribute("time", seconds(s.seconds()));
            x.writeStartElement("error");
            x.writeAttribute("message", s.runProblem());
            x.writeAttribute("type", s.runProblemType());
            x.writeCharacters(s.runProblem());
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeCharacters("\n    ");
        if (s.runNote() == null) {
            x.writeEmptyElement("system-out");
        } else {
            x.writeStartElement("system-out");
            x.writeCharacters(s.runNote());
            x.writeEndElement();
        }
        x.writeCharacters("\n    ");
        x.writeEmptyElement("system-err");
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private static void testcase(XMLStreamWriter x, Suite s, Verdict v) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("name", v.threshold().name().equals(v.threshold().expression().label())
                ? v.threshold().name() : v.threshold().name() + ": " + v.threshold().expression().label());
        x.writeAttribute("classname", "carga." + s.name() + "." + v.threshold().group());
        x.writeAttribute("time", "0");
        switch (v.status()) {
            case PASSED -> { }
            case FAILED -> {
                x.writeStartElement("failure");
                x.writeAttribute("message", v.message());
                x.writeAttribute("type", "threshold");
                x.writeCharacters("measured " + v.measuredLabel() + "\nlimit    " + v.threshold().expression().op().symbol()
                        + " " + v.threshold().expression().limitLabel() + "\nsource   " + v.threshold().expression().source());
                x.writeEndElement();
            }
            case NOT_EVALUATED -> {
                x.writeEmptyElement("skipped");
                x.writeAttribute("message", v.note());
            }
        }
        x.writeEndElement();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, s));
    }

    private static String hostname() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h == null || h.isBlank() ? "localhost" : h;
        } catch (IOException e) {
            return "localhost";
        }
    }
}
