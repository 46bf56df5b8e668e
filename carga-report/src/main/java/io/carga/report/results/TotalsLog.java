package io.carga.report.results;

import io.carga.core.metrics.Histograms;
import io.carga.core.metrics.RunAggregate;
import io.carga.core.metrics.SeriesKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * {@value ResultsFiles#TOTALS}: the whole run's histograms, one line per tag (those of the interval log,
 * plus {@value ResultsFiles#LAG_STEADY}), written once when the run ends. A report reads these few lines
 * instead of decoding every interval's histograms (144,000 for one hour of 20 names). A killed run has no
 * totals and is rebuilt the slow way, from the interval log.
 */
final class TotalsLog {
    private TotalsLog() {
    }

    static void write(Path dir, RunAggregate a, long startEpochMs) throws IOException {
        Path file = dir.resolve(ResultsFiles.TOTALS);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        long end = a.endEpochMs();
        try (HlogOut out = new HlogOut(tmp, startEpochMs)) {
            a.requests().forEach((k, t) -> {
                out.append(TagCodec.encode(ResultsFiles.LATENCY, k.label()), t.latency(), startEpochMs, end);
                out.append(TagCodec.encode(ResultsFiles.SERVICE, k.label()), t.service(), startEpochMs, end);
            });
            a.timings().forEach((k, h) -> out.append(TagCodec.encode(ResultsFiles.TIMING, k.label()), h, startEpochMs, end));
            out.append(ResultsFiles.LAG, a.lag(), startEpochMs, end);
            out.append(ResultsFiles.LAG_STEADY, a.steadyLag(), startEpochMs, end);
        }
        // a reader finding the file may trust it: it appears whole or not at all
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The histograms by tag, or null when the folder has none (a killed run) or they cannot be read. */
    static Map<String, Histogram> read(Path dir) {
        Path file = dir.resolve(ResultsFiles.TOTALS);
        if (!Files.exists(file)) {
            return null;
        }
        Map<String, Histogram> byTag = new HashMap<>();
        try {
            HistogramLogReader reader = new HistogramLogReader(file.toFile());
            try {
                EncodableHistogram e;
                while ((e = reader.nextIntervalHistogram()) != null) {
                    if (e instanceof Histogram h) {
                        byTag.put(h.getTag(), h);
                    }
                }
            } finally {
                reader.close();
            }
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        return byTag;
    }

    /** Gives {@code a} the whole-run histograms {@link #read} returned. */
    static void addTo(Map<String, Histogram> byTag, RunAggregate a) {
        TreeSet<String> labels = new TreeSet<>();
        for (String tag : byTag.keySet()) {
            if (tag.startsWith(ResultsFiles.LATENCY) || tag.startsWith(ResultsFiles.SERVICE)) {
                labels.add(tag.substring(tag.indexOf(':') + 1)); // encoded labels hold no ':'
            } else if (tag.startsWith(ResultsFiles.TIMING)) {
                a.addTimingTotal(key(tag.substring(ResultsFiles.TIMING.length())), byTag.get(tag));
            }
        }
        for (String encoded : labels) {
            a.addTotals(key(encoded), orEmpty(byTag, ResultsFiles.LATENCY + encoded), orEmpty(byTag, ResultsFiles.SERVICE + encoded));
        }
        a.addLagTotals(orEmpty(byTag, ResultsFiles.LAG), orEmpty(byTag, ResultsFiles.LAG_STEADY));
    }

    private static SeriesKey key(String encodedLabel) {
        return SeriesKey.parse(TagCodec.decode(encodedLabel));
    }

    private static Histogram orEmpty(Map<String, Histogram> byTag, String tag) {
        Histogram h = byTag.get(tag);
        return h != null ? h : Histograms.newHistogram();
    }
}
