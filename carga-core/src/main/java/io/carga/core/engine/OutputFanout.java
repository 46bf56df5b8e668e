package io.carga.core.engine;

import io.carga.core.metrics.IntervalSnapshot;
import io.carga.core.output.Output;
import io.carga.core.output.RunInfo;
import io.carga.core.output.RunResult;
import java.util.ArrayList;
import java.util.List;

/** Hands every event to every output; a failing output is reported once and dropped, never fatal. */
final class OutputFanout {
    private final List<Output> outputs;

    OutputFanout(List<Output> outputs) {
        this.outputs = new ArrayList<>(outputs);
    }

    void start(RunInfo info) {
        each(o -> o.start(info), "start");
    }

    void interval(IntervalSnapshot s) {
        each(o -> o.interval(s), "interval");
    }

    void loadChanged(io.carga.core.load.LoadChange c) {
        each(o -> o.loadChanged(c), "loadChanged");
    }

    void finish(RunResult r) {
        each(o -> o.finish(r), "finish");
    }

    private interface Call {
        void on(Output o) throws Exception;
    }

    private synchronized void each(Call call, String what) {
        for (var it = outputs.iterator(); it.hasNext(); ) {
            Output o = it.next();
            try {
                call.on(o);
            } catch (Exception | Error e) {
                System.err.println("carga: output " + o.getClass().getSimpleName() + " failed in " + what + ": " + e
                        + " (it is skipped from now on)");
                it.remove();
            }
        }
    }
}
