package io.carga.core.engine;

import io.carga.core.load.MixedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the executors of a mixed model's scenarios side by side, each on a platform thread of its own (as
 * a single executor runs on the engine's), each from its start offset. A scenario whose plan ends asks
 * its looping users to leave while the others go on; {@link #run} returns when every scenario's plan is
 * over or the run stops, and the engine then drains them all at once.
 */
final class MixedExecutor implements Executor {
    private final List<MixedModel.Part> parts;
    private final List<Lane> lanes = new ArrayList<>();
    private final List<Executor> executors = new ArrayList<>();

    MixedExecutor(MixedModel model, RunState run) {
        this.parts = model.parts();
        for (MixedModel.Part p : parts) {
            Lane lane = Lane.part(run, p, model.tagged());
            lanes.add(lane);
            executors.add(Engine.executorFor(p.load(), lane));
        }
    }

    @Override
    public void run(RunState run) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < executors.size(); i++) {
            Lane lane = lanes.get(i);
            Executor executor = executors.get(i);
            threads.add(Thread.ofPlatform().name("carga-scenario-" + parts.get(i).name()).daemon().start(() -> {
                try {
                    Executor.sleepUntil(run, lane.startNanos);
                    if (!run.stopping) {
                        executor.run(run);
                        executor.stopUsers();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    run.requestStop(io.carga.core.output.StopReason.COMPLETED, null);
                }
            }));
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            run.requestStop(io.carga.core.output.StopReason.COMPLETED, null);
            throw e;
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error err) {
            throw err;
        }
    }

    @Override
    public void close(RunState run) {
        for (Executor e : executors) {
            e.close(run);
        }
    }
}
