package io.carga.examples;

import static io.carga.http.Checks.status;

import io.carga.core.api.Task;
import io.carga.core.api.WaitTime;
import io.carga.core.api.Weight;
import io.carga.http.Checks;
import io.carga.http.HttpUser;
import java.util.Map;

/**
 * The spec's AI model load test (section 3.1): logged-in users asking Gemini Flash for content as fast as
 * a person would (1–3 s apart), each request timed as {@code gemini_flash_generation}.
 */
@Weight(1)
public class AIModelLoadTester extends HttpUser {
    @Override
    public WaitTime waitTime() {
        return WaitTime.between(1, 3);
    }

    @Override
    public void onStart() {
        var login = http().post("/auth/login").name("POST /auth/login").json(SpecData.login(random()))
                .check(status(200)).send();
        if (login.ok()) {
            http().bearer(login.json("$.access_token").asText());
        }
    }

    @Task
    void geminiFlashLoadTest() {
        http().post("/api/v1/ai/generate").name("gemini_flash_generation").tag("tier", "gemini_flash_requests")
                .json(Map.of("prompt", SpecData.pick(SpecData.AI_PROMPTS, random()), "model", "gemini-2.5-flash",
                        "max_tokens", 300))
                .check(status(200), Checks.jsonPath("$.content"), Checks.jsonPath("$.usage.total_tokens"))
                .send();
    }
}
