package io.carga.cli;

import io.carga.core.config.Scenario;
import java.util.List;

/** Quick mode: one URL loaded without a scenario, as wrk and hey users expect. */
final class QuickMode {
    private QuickMode() {
    }

    static Scenario scenario(String url, String method, List<String> headers, String body) {
        throw new UsageException("quick mode is not wired yet");
    }
}
