package io.carga.examples;

import static io.carga.http.Checks.status;

import io.carga.ai.AiClient;
import io.carga.core.api.Task;
import io.carga.core.api.WaitTime;
import io.carga.core.api.Weight;
import io.carga.http.HttpUser;

/**
 * The spec's AI model load test (section 3.1): logged-in users asking Gemini Flash for content as fast as
 * a person would (1–3 s apart), each request timed as {@code gemini_flash_generation}. The generation goes
 * through carga's AI client, so it is measured as an AI request: tokens from the platform's {@code usage},
 * cost, the spec's quality heuristic, all tagged by model.
 */
@Weight(1)
public class AIModelLoadTester extends HttpUser {
    private AiClient ai;

    @Override
    public WaitTime waitTime() {
        return WaitTime.between(1, 3);
    }

    @Override
    public void onStart() {
        ai = AiClient.of(this);
        var login = http().post("/auth/login").name("POST /auth/login").json(SpecData.login(random()))
                .check(status(200)).send();
        if (login.ok()) {
            ai.bearer(login.json("$.access_token").asText());
        }
    }

    @Task
    void geminiFlashLoadTest() {
        ai.platform("/api/v1/ai/generate").model("gemini-2.5-flash").prompt(SpecData.pick(SpecData.AI_PROMPTS, random()))
                .maxTokens(300).name("gemini_flash_generation").tag("tier", "gemini_flash_requests").send();
    }

    @Override
    public void onStop() {
        ai.close();
    }
}
