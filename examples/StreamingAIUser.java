package io.carga.examples;

import static io.carga.http.Checks.status;

import io.carga.core.api.Task;
import io.carga.core.api.WaitTime;
import io.carga.http.Checks;
import io.carga.http.HttpUser;
import io.carga.http.Response;
import java.util.Map;

/**
 * The spec's advice "use streaming for long responses" under load: the platform's streaming generation
 * endpoint, consumed event by event as Server-Sent Events. Each event carries the time its bytes arrived,
 * which is what time-to-first-token is measured from.
 */
public class StreamingAIUser extends HttpUser {
    @Override
    public WaitTime waitTime() {
        return WaitTime.between(1, 3);
    }

    @Override
    public void onStart() {
        Response r = http().post("/auth/login").name("POST /auth/login").json(SpecData.login(random())).check(status(200)).send();
        if (r.ok()) {
            http().bearer(r.json("$.access_token").asText());
        }
    }

    @Task
    void streamGeneration() {
        http().post("/api/v1/ai/generate/stream").name("ai_generate_stream").tag("tier", "gemini_flash_requests")
                .json(Map.of("prompt", SpecData.pick(SpecData.AI_PROMPTS, random()), "model", "gemini-2.5-flash",
                        "max_tokens", 200))
                .check(status(200), Checks.that("at least one delta event and a done event",
                        r -> r.events().size() >= 2 && r.events().getLast().data().contains("\"done\"")))
                .sse();
    }
}
