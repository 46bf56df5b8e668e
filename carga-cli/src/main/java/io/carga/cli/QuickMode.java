package io.carga.cli;

import io.carga.core.config.Scenario;
import io.carga.http.QuickHttp;
import java.util.List;

/** Quick mode: one URL loaded without a scenario, as wrk and hey users expect. */
final class QuickMode {
    private QuickMode() {
    }

    static Scenario scenario(String url, String method, List<String> headers, String body) {
        try {
            return QuickHttp.scenario(url, method, headers, body);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
