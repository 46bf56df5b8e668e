package io.carga.http;

import io.carga.core.event.Outcome;
import io.carga.http.client.FailureKind;

/** The client's failure kinds in the run's vocabulary. */
final class Outcomes {
    private Outcomes() {
    }

    static Outcome of(FailureKind kind) {
        return switch (kind) {
            case REFUSED -> Outcome.REFUSED;
            case RESET -> Outcome.RESET;
            case CONNECT_TIMEOUT -> Outcome.CONNECT_TIMEOUT;
            case READ_TIMEOUT -> Outcome.READ_TIMEOUT;
            case TLS -> Outcome.TLS;
            case UNKNOWN_HOST, PROTOCOL, IO -> Outcome.OTHER;
        };
    }
}
