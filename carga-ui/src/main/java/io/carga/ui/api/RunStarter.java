package io.carga.ui.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.ui.live.LiveRun;

/**
 * Starts the runs the page and {@code POST /api/v1/run} ask for; the command that opened the server
 * ({@code carga ui}) knows the scenario, the results folder and the outputs, the API does not.
 */
public interface RunStarter {
    /**
     * Starts a run on a thread of its own and returns at once. The run's outputs include
     * {@code run.output(...)}; the starter calls {@link LiveRun#exited} or {@link LiveRun#failed} when it ends.
     *
     * @throws ApiError when the request cannot run (one line; nothing started)
     */
    void start(StartRequest request, LiveRun run);

    /** The form's first values: {@code model}, {@code users}, {@code spawn_rate}, {@code rate}, {@code max_users}, {@code duration}, {@code target}. */
    ObjectNode defaults();

    /** What the runs load: the scenario's name, for the page's title. */
    String scenario();
}
