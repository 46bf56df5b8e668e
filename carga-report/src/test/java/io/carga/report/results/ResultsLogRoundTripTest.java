package io.carga.report.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
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
        assertThat(back.timeline()).hasSize(4).usingRecursiveFieldByFieldElementComparator().isEqualTo(live.timeline());
        assertThat(back.counters()).isEqualTo(live.counters()).containsEntry(SeriesKey.parse("orders{region=SP}"), 12.0);
        assertThat(back.gauges()).isEqualTo(live.gauges());
        assertThat(back.timings().get(SeriesKey.of("render")).getTotalCount()).isEqualTo(4);
        assertThat(back.lagP99Ms()).isEqualTo(live.lagP99Ms());
        assertThat(back.steadyLag().getTotalCount()).isEqualTo(live.steadyLag().getTotalCount()).isEqualTo(3);
        assertThat(back.saturated()).isEqualTo(live.saturated());
        assertThat(back.cpuPeak()).isEqualTo(live.cpuPeak());

        assertThat(rebuilt.meta().runId()).isEqualTo("run-1");
        assertThat(rebuilt.meta().seed()).isEqualTo(7);
        assertThat(rebuilt.meta().target()).isEqualTo("http://127.0.0.1:9");
        assertThat(rebuilt.meta().stopReason()).isEqualTo("COMPLETED");
        assertThat(SummaryJson.build(rebuilt.meta(), back))
                .as("carga report writes the same summary.json as the live run")
                .isEqualTo(SummaryJson.build(RunMeta.of(run.info).ended(run.result), live));
    }

    @Test
    void aFinishedRunIsReadFromItsTotalsAndAKilledOneFromItsIntervalsToTheSameFigures() throws Exception {
        RecordedRun.write(dir, 4, true);
        assertThat(dir.resolve(ResultsFiles.TOTALS)).exists();
        List<ResultsLogReader.Interval> fast = new ArrayList<>();
        RunAggregate fromTotals = new ResultsLogReader().read(dir, fast::add).aggregate();
        assertThat(fast).allSatisfy(i -> assertThat(i.snapshot().requests().get(0).latency()).as("no interval histogram decoded").isNull());

        Files.delete(dir.resolve(ResultsFiles.TOTALS)); // what a killed run leaves
        List<ResultsLogReader.Interval> slow = new ArrayList<>();
        RunAggregate fromIntervals = new ResultsLogReader().read(dir, slow::add).aggregate();
        assertThat(slow).allSatisfy(i -> assertThat(i.snapshot().requests().get(0).latency()).isNotNull());

        for (SeriesKey k : fromIntervals.requests().keySet()) {
            assertSameTotals(fromTotals.requests().get(k), fromIntervals.requests().get(k));
        }
        assertSameTotals(fromTotals.total(), fromIntervals.total());
        assertThat(fromTotals.timeline()).usingRecursiveFieldByFieldElementComparator().isEqualTo(fromIntervals.timeline());
        assertThat(fromTotals.timings().get(SeriesKey.of("render")).getValueAtPercentile(99))
                .isEqualTo(fromIntervals.timings().get(SeriesKey.of("render")).getValueAtPercentile(99));
        assertThat(fromTotals.lagP99Ms()).isEqualTo(fromIntervals.lagP99Ms());
        for (int i = 0; i < fast.size(); i++) {
            assertThat(fast.get(i).latency()).usingRecursiveComparison().isEqualTo(slow.get(i).latency());
        }
    }

    @Test
    void eachLineKeepsItsIntervalsExactLatencyFigures() throws Exception {
        RecordedRun run = RecordedRun.write(dir, 2, true);
        assertThat(RunMeta.read(dir).intervalPercentiles()).containsExactly(50.0, 66.0, 75.0, 80.0, 90.0, 95.0, 98.0, 99.0, 99.9, 99.99, 100.0);
        JsonNode line = RunMeta.JSON.readTree(Files.readAllLines(dir.resolve(ResultsFiles.TIMESERIES)).get(1));
        Histogram get = run.snapshots.get(1).requests().stream().filter(r -> r.key().equals(SeriesKey.of(RecordedRun.GET)))
                .findFirst().orElseThrow().latency();
        JsonNode l = line.path("series").path(RecordedRun.GET).path("l");
        assertThat(l.path("min").asLong()).isEqualTo(get.getMinValue());
        assertThat(l.path("mean").asLong()).isEqualTo(Math.round(get.getMean()));
        assertThat(l.path("p").get(5).asLong()).as("p95").isEqualTo(get.getValueAtPercentile(95));
        assertThat(l.path("p").get(10).asLong()).as("100 %").isEqualTo(get.getMaxValue());
        assertThat(line.path("latency").path("p").get(0).asLong()).as("p50 of all requests")
                .isEqualTo(Math.round(run.live.timeline().get(1).p50() * 1000));
        assertThat(line.at("/gen/lag_p99_us").asLong()).isEqualTo(run.snapshots.get(1).generator().lag().getValueAtPercentile(99));
    }

    @Test
    void aFolderWrittenBeforeTheFiguresAndTotalsIsStillRead() throws Exception {
        RecordedRun run = RecordedRun.write(dir, 3, true);
        Files.delete(dir.resolve(ResultsFiles.TOTALS));
        Path runJson = dir.resolve(ResultsFiles.RUN);
        Files.writeString(runJson, Files.readString(runJson).replaceAll("(?s),\\s*\"interval_percentiles\"\\s*:\\s*\\[[^\\]]*\\]", ""));
        assertThat(RunMeta.read(dir).keepsIntervalFigures()).isFalse();

        List<ResultsLogReader.Interval> intervals = new ArrayList<>();
        RunAggregate back = new ResultsLogReader().read(dir, intervals::add).aggregate();
        assertSameTotals(back.total(), run.live.total());
        assertThat(intervals.get(2).latency().all().at(99)).as("figures taken from the histograms")
                .isEqualTo(Math.round(run.live.timeline().get(2).p99() * 1000));
    }

    @Test
    void totalsLeftByAnEarlierRunInTheFolderAreRemovedAtTheStart() throws Exception {
        RecordedRun.write(dir, 2, true);
        RecordedRun killed = RecordedRun.write(dir, 3, false);
        assertThat(dir.resolve(ResultsFiles.TOTALS)).doesNotExist();
        assertThat(new ResultsLogReader().read(dir).aggregate().total().count()).isEqualTo(killed.live.total().count());
    }

    @Test
    void totalsThatDoNotMatchTheLogAreNotWritten() throws Exception {
        RecordedRun run = RecordedRun.write(dir, 2, false);
        ResultsLogWriter writer = run.writer;
        RunAggregate more = new RunAggregate();
        run.snapshots.forEach(more::add);
        more.add(run.snapshots.get(0)); // an interval the log never got
        writer.finish(new io.carga.core.output.RunResult(io.carga.core.output.StopReason.COMPLETED, null, 0, more));
        assertThat(dir.resolve(ResultsFiles.TOTALS)).doesNotExist();
        assertThat(RunMeta.read(dir).finished()).isTrue();
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
