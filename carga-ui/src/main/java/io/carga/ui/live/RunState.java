package io.carga.ui.live;

/** Where the server's run is in its life; the page shows the same whoever asks. */
public enum RunState {
    /** No run yet: the page shows the start form. */
    IDLE,
    /** Asked to start; the engine has not begun. */
    STARTING,
    RUNNING,
    /** Asked to stop: in-flight requests get the grace period. */
    STOPPING,
    /** Over; its results folder is complete once {@code report.html} is there. */
    ENDED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
