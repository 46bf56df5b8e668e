package io.carga.ui;

import io.carga.core.output.Output;
import io.carga.observe.LivePlane;
import io.carga.observe.metrics.Judgements;
import io.carga.observe.server.LiveServer;
import io.carga.ui.api.ApiHandler;
import io.carga.ui.api.RunStarter;
import io.carga.ui.live.RunSlot;
import io.carga.ui.page.PageHandler;
import java.nio.file.Path;

/**
 * The web UI on a live plane's server: the page at {@code /} and the API at {@code /api/v1}, beside
 * {@code /metrics}. {@code carga run --listen} gets a page that watches and steers its run; {@code carga ui}
 * also gives it a {@link RunStarter}, and the page's form starts runs.
 *
 * <pre>{@code
 * LiveUi ui = LiveUi.on(plane);          // null when the plane serves nothing
 * outputs.add(ui.forRun(dir, judged));   // for each run
 * }</pre>
 */
public final class LiveUi {
    private final RunSlot slot = new RunSlot();
    private volatile RunStarter starter;

    private LiveUi(LiveServer server) {
        server.route("/api/v1/", new ApiHandler(slot, () -> starter));
        server.route("/", new PageHandler());
    }

    /** The plane's UI, made with its routes on first use; null when the plane has no server (remote write only). */
    public static LiveUi on(LivePlane plane) {
        if (plane == null || plane.server() == null) {
            return null;
        }
        return plane.attached(LiveUi.class, () -> new LiveUi(plane.server()));
    }

    /** Lets the page and the API start runs. */
    public LiveUi starter(RunStarter s) {
        this.starter = s;
        return this;
    }

    /** The output that shows one run on the page; add it after the outputs that judge the run. */
    public Output forRun(Path dir, Judgements judged) {
        return slot.output(dir, judged);
    }
}
