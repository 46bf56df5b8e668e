package io.carga.core.testkit;

import io.carga.core.api.Tasks;
import io.carga.core.api.User;
import io.carga.core.api.WaitTime;

/** A virtual user that runs a {@link Script}, talking through a {@link FakeProtocol}. */
public final class FakeUser extends User {
    private final Script script;
    private FakeProtocol protocol;
    /** Tasks this user completed; confined to the user's thread. */
    public int done;

    FakeUser(Script script) {
        this.script = script;
    }

    public FakeProtocol protocol() {
        if (protocol == null) {
            protocol = new FakeProtocol(context());
        }
        return protocol;
    }

    @Override
    public WaitTime waitTime() {
        return script.waitTime;
    }

    @Override
    public void onStart() throws Exception {
        script.started.incrementAndGet();
        script.onStart.run(this);
    }

    @Override
    public void onStop() throws Exception {
        script.stopped.incrementAndGet();
        script.onStop.run(this);
    }

    @Override
    protected Tasks tasks() {
        Tasks.Builder b = Tasks.builder();
        for (Script.TaskDef t : script.tasks) {
            b.add(t.name(), t.weight(), () -> {
                script.tasksEntered.incrementAndGet();
                t.step().run(this);
                done++;
                script.tasksCompleted.incrementAndGet();
            });
        }
        return b.build();
    }
}
