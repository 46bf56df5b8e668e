package io.carga.ui.live;

import io.carga.core.output.Output;
import io.carga.observe.metrics.Judgements;
import java.nio.file.Path;

/**
 * The server's one run at a time: the run the page shows (the last one, once it ended), and whether one
 * may start. A run started from the command line and watched with {@code --listen} takes the slot too.
 */
public final class RunSlot {
    private LiveRun current;
    private LiveRun pending;

    /** The run the page shows, or null before the first. */
    public synchronized LiveRun current() {
        return current;
    }

    /**
     * Takes the slot for a run the API starts; the run's launch then claims it with {@link #output}.
     *
     * @return the new run, or null when one is still going
     */
    public synchronized LiveRun reserve() {
        if (current != null && !current.ended()) {
            return null;
        }
        LiveRun r = new LiveRun("ui");
        current = r;
        pending = r;
        return r;
    }

    /** The API's start did not happen: the slot shows what it showed before. */
    public synchronized void release(LiveRun r, LiveRun previous) {
        if (current == r) {
            current = previous;
        }
        if (pending == r) {
            pending = null;
        }
    }

    /**
     * The output of a run that starts now: the API's reserved run, or one from the command line (a
     * pipeline's stages follow each other in the slot).
     */
    public synchronized Output output(Path dir, Judgements judged) {
        LiveRun r = pending != null ? pending : new LiveRun("command line");
        pending = null;
        current = r;
        return r.output(dir, judged);
    }
}
