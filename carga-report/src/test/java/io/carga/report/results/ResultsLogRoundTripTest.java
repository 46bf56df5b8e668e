package io.carga.report.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.carga.core.event.Outcome;
import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesKey;
import io.carga.core.metrics.SeriesTotals;
import io.carga.report.summary.SummaryJson;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsLogRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void theRebuiltAggregateEqualsTheLiveOne() throws Exception {
        RecordedRun run = RecordedRun.write(dir, 4, true);
        ResultsLogReader.Rebuilt rebuilt = new ResultsLogReader().read(dir);

        assertThat(rebuilt.intervals()).isEqualTo(4);
        RunAggregate live = run.live;
        RunAggregate back = rebuilt.aggregate();
        assertThat(back.requests().keySet()).containsExactlyElementsOf(live.requests().keySet())
                .contains(SeriesKey.of(RecordedRun.GET), new SeriesKey(RecordedRun.CHAT, RecordedRun.MODEL));
        for (SeriesKey k : live.requests().keySet()) {
            assertSameTotals(back.requests().get(k), live.requests().get(k));
        }
        assertSameTotals(back.total(), live.total());
        assertThat(back.total().count()).isEqualTo(1600);
        assertThat(back.dropped()).isEqualTo(4);
        assertThat(back.usersPeak()).isEqualTo(live.usersPeak());
        assertThat(back.durationSeconds()).isEqualTo(4.0);
        assertThat(back.timeline()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(back.timeline().get(i).requests()).isEqualTo(live.timeline().get(i).requests());
            assertThat(back.timeline().get(i).p99()).isEqualTo(live.timeline().get(i).p99());
        }
        assertThat(back.counters()).isEqualTo(live.counters()).containsEntry(SeriesKey.parse("orders{region=SP}"), 12.0);
        assertThat(back.gauges()).isEqualTo(live.gauges());
        assertThat(back.timings().get(SeriesKey.of("render")).getTotalCount()).isEqualTo(4);
        assertThat(back.lagP99Ms()).isEqualTo(live.lagP99Ms());
        assertThat(back.cpuPeak()).isEqualTo(live.cpuPeak());

        assertThat(rebuilt.meta().runId()).isEqualTo("run-1");
        assertThat(rebuilt.meta().seed()).isEqualTo(7);
        assertThat(rebuilt.meta().target()).isEqualTo("http://127.0.0.1:9");
        assertThat(rebuilt.meta().stopReason()).isEqualTo("COMPLETED");
        assertThat(SummaryJson.build(rebuilt.meta(), back))
                .as("carga report writes the same summary.json as the live run")
                .isEqualTo(SummaryJson.build(RunMeta.of(run.info).ended(run.result), live));
    }

    private static void assertSameTotals(SeriesTotals back, SeriesTotals live) {
        assertThat(back.count()).isEqualTo(live.count());
        assertThat(back.errors()).isEqualTo(live.errors());
        for (Outcome o : Outcome.values()) {
            assertThat(back.count(o)).as(o.key()).isEqualTo(live.count(o));
        }
        for (double p : new double[] {50, 90, 95, 99, 99.9, 100}) {
            assertThat(back.latency().getValueAtPercentile(p)).as("latency p%s", p).isEqualTo(live.latency().getValueAtPercentile(p));
            assertThat(back.service().getValueAtPercentile(p)).as("service p%s", p).isEqualTo(live.service().getValueAtPercentile(p));
        }
        assertThat(back.latency().getTotalCount()).isEqualTo(live.count());
        assertThat(back.latency().getMean()).isEqualTo(live.latency().getMean());
        assertThat(back.bytesIn()).isEqualTo(live.bytesIn());
        assertThat(back.bytesOut()).isEqualTo(live.bytesOut());
        assertThat(back.fieldSums()).isEqualTo(live.fieldSums());
    }

    @Test
    void aRunThatDiedMidwayIsRebuiltAsAbrupt() throws Exception {
        RecordedRun.write(dir, 3, false);
        ResultsLogReader.Rebuilt rebuilt = new ResultsLogReader().read(dir);
        assertThat(rebuilt.meta().finished()).isFalse();
        assertThat(rebuilt.aggregate().total().count()).isEqualTo(1200);
        assertThat(SummaryJson.build(rebuilt.meta(), rebuilt.aggregate()).path("stop").path("reason").asText()).isEqualTo("ABRUPT");
    }

    @Test
    void aTruncatedLastTimeSeriesLineIsIgnored() throws Exception {
        RecordedRun run = RecordedRun.write(dir, 4, false);
        Path series = dir.resolve(ResultsFiles.TIMESERIES);
        List<String> lines = Files.readAllLines(series);
        String last = lines.get(3);
        Files.writeString(series, String.join("\n", lines.subList(0, 3)) + "\n" + last.substring(0, last.length() / 2));

        ResultsLogReader.Rebuilt rebuilt = new ResultsLogReader().read(dir);
        assertThat(rebuilt.intervals()).isEqualTo(3);
        long firstThree = run.snapshots.subList(0, 3).stream().flatMap(s -> s.requests().stream()).mapToLong(r -> r.count()).sum();
        assertThat(rebuilt.aggregate().total().count()).isEqualTo(firstThree);
        assertThat(rebuilt.aggregate().total().latency().getTotalCount()).isEqualTo(firstThree);
    }

    @Test
    void aTruncatedLastHlogLineKeepsTheCountsAndTheEarlierHistograms() throws Exception {
        RecordedRun run = RecordedRun.write(dir, 4, false);
        Path hlog = dir.resolve(ResultsFiles.HLOG);
        String text = Files.readString(hlog);
        int lastInterval = text.indexOf(",3.000,");
        assertThat(lastInterval).as("the hlog has a line for the fourth interval").isPositive();
        int lineStart = text.lastIndexOf('\n', lastInterval) + 1;
        int lineEnd = text.indexOf('\n', lastInterval);
        try (RandomAccessFile f = new RandomAccessFile(hlog.toFile(), "rw")) {
            f.setLength(text.substring(0, (lineStart + lineEnd) / 2).getBytes(StandardCharsets.UTF_8).length);
        }

        ResultsLogReader.Rebuilt rebuilt = new ResultsLogReader().read(dir);
        assertThat(rebuilt.intervals()).isEqualTo(4);
        assertThat(rebuilt.aggregate().total().count()).as("counts come from the time series").isEqualTo(run.live.total().count());
        long firstThree = run.snapshots.subList(0, 3).stream().flatMap(s -> s.requests().stream())
                .mapToLong(r -> r.latency().getTotalCount()).sum();
        assertThat(rebuilt.aggregate().total().latency().getTotalCount()).isEqualTo(firstThree);
    }

    @Test
    void hdrHistogramsOwnLogReaderReadsTheLog() throws Exception {
        RecordedRun run = RecordedRun.write(dir, 4, true);
        HistogramLogReader reader = new HistogramLogReader(dir.resolve(ResultsFiles.HLOG).toFile());
        Set<String> tags = new HashSet<>();
        long latencyCount = 0;
        int histograms = 0;
        EncodableHistogram e;
        while ((e = reader.nextIntervalHistogram()) != null) {
            Histogram h = (Histogram) e;
            histograms++;
            tags.add(h.getTag());
            if (h.getTag().startsWith(ResultsFiles.LATENCY)) {
                latencyCount += h.getTotalCount();
            }
            assertThat(h.getStartTimeStamp()).isBetween(RecordedRun.EPOCH, RecordedRun.EPOCH + 4000);
        }
        assertThat(tags).contains("G:lag", "T:render", "L:GET+%2Fapi%2Fv1%2Fusers%2F%7Bid%7D", "S:GET+%2Fapi%2Fv1%2Fusers%2F%7Bid%7D");
        assertThat(tags).allMatch(t -> !t.contains(",") && !t.contains(" "));
        assertThat(histograms).isEqualTo(4 * 6);
        assertThat(latencyCount).isEqualTo(run.live.total().count());
    }

    @Test
    void hdrHistogramsLogProcessorSummarizesOneTag() throws Exception {
        RecordedRun run = RecordedRun.write(dir, 4, true);
        Path out = dir.resolve("processed");
        new org.HdrHistogram.HistogramLogProcessor(new String[] {"-i", dir.resolve(ResultsFiles.HLOG).toString(),
                "-o", out.toString(), "-tag", "L:GET+%2Fapi%2Fv1%2Fusers%2F%7Bid%7D"}).run();
        String text = Files.readString(dir.resolve("processed.hgrm"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Total count\\s*=\\s*(\\d+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(run.live.requests().get(SeriesKey.of(RecordedRun.GET)).count());
    }

    @Test
    void aFolderWithoutATimeSeriesIsNotAResultsFolder() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ResultsLogReader().read(dir))
                .isInstanceOf(FileNotFoundException.class).hasMessageContaining("is not a carga results folder");
    }

    @Test
    void anUnwritableFolderIsExplained() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResultsFiles.prepare(file.resolve("sub")))
                .isInstanceOf(IOException.class).hasMessageStartingWith("cannot create results folder " + file.resolve("sub"));
    }

}
