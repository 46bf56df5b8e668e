package io.carga.report.results;

import io.carga.core.metrics.Histograms;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/** An HdrHistogram log being written, in the library's standard format, with the header both of carga's logs carry. */
final class HlogOut implements AutoCloseable {
    private final PrintStream stream;
    private final HistogramLogWriter log;

    HlogOut(Path file, long startEpochMs) throws IOException {
        stream = new PrintStream(new FileOutputStream(file.toFile()), false, StandardCharsets.UTF_8);
        log = new HistogramLogWriter(stream);
        log.outputComment("carga results log: L:=latency from intended start, S:=service time, T:=scenario timing, "
                + "G:lag=scheduling lag; values in microseconds");
        log.outputLogFormatVersion();
        log.outputStartTime(startEpochMs);
        log.setBaseTime(startEpochMs);
        log.outputLegend();
    }

    /** Appends {@code h} under {@code tag} for [startMs, endMs]; an empty histogram is left out. */
    void append(String tag, Histogram h, long startMs, long endMs) {
        if (h.getTotalCount() == 0) {
            return;
        }
        // A copy (the snapshot is shared with other outputs: never change its histograms), sized to this
        // histogram's largest value: the hlog header carries the range, and a reader decoding a 1 µs–1 h
        // histogram allocates and scans 23,552 counts per line, which made a 1-hour report take minutes.
        Histogram copy = new Histogram(1, Math.max(2, h.getMaxValue()), Histograms.SIGNIFICANT_DIGITS);
        copy.add(h);
        copy.setStartTimeStamp(startMs);
        copy.setEndTimeStamp(endMs);
        copy.setTag(tag);
        log.outputIntervalHistogram(copy);
    }

    void flush() {
        stream.flush();
    }

    @Override
    public void close() throws IOException {
        stream.close();
        if (stream.checkError()) {
            throw new IOException("could not write a histogram log");
        }
    }
}
