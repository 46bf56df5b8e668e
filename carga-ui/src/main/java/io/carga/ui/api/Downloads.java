package io.carga.ui.api;

import com.sun.net.httpserver.HttpExchange;
import io.carga.report.csv.LocustCsv;
import io.carga.report.results.ResultsFiles;
import io.carga.ui.live.LiveRun;
import io.carga.ui.live.RunSlot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code /api/v1/download/NAME}: Locust's CSVs of the run so far, the HdrHistogram log as it is being
 * written (it is flushed every interval), and {@code report.html} and {@code summary.json} once the run ended.
 */
final class Downloads {
    static final String REPORT = "report.html";
    private final RunSlot slot;

    Downloads(RunSlot slot) {
        this.slot = slot;
    }

    void send(HttpExchange ex, String name) throws IOException {
        LiveRun r = slot.current();
        if (r == null) {
            throw new ApiError(404, "no run yet: nothing to download");
        }
        switch (name) {
            case LocustCsv.STATS -> text(ex, name, "text/csv", r.statsCsv());
            case LocustCsv.HISTORY -> text(ex, name, "text/csv", r.historyCsv());
            case ResultsFiles.HLOG -> file(ex, r, name, "text/plain", false);
            case REPORT -> file(ex, r, name, "text/html", true);
            case ResultsFiles.SUMMARY -> file(ex, r, name, "application/json", true);
            default -> throw new ApiError(404, "no such download: " + name + " (stats.csv, stats_history.csv, latency.hlog, report.html, summary.json)");
        }
    }

    private static void text(HttpExchange ex, String name, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        headers(ex, name, type);
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
    }

    private static void file(HttpExchange ex, LiveRun r, String name, String type, boolean atEnd) throws IOException {
        Path dir = r.dir();
        Path f = dir == null ? null : dir.resolve(name);
        if (f == null || !Files.exists(f) || (atEnd && !r.ended())) {
            throw new ApiError(404, name + (atEnd ? " is written when the run has ended" : " is not written yet"));
        }
        headers(ex, name, type);
        ex.sendResponseHeaders(200, 0); // chunked: the log may grow while it is sent
        try (InputStream in = Files.newInputStream(f)) {
            in.transferTo(ex.getResponseBody());
        }
    }

    private static void headers(HttpExchange ex, String name, String type) {
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
    }
}
