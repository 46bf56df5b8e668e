package io.carga.core.api;

/**
 * Thrown by scenario code (or a queue feeder that ran dry) to end this virtual user for good. Its
 * {@code onStop} still runs. The run itself goes on with the other users.
 */
public final class StopUser extends RuntimeException {
    public StopUser(String reason) {
        super(reason, null, false, false);
    }
}
