package io.carga.examples;

import io.carga.ai.AiClient;
import io.carga.core.api.Task;
import io.carga.core.api.User;
import io.carga.core.api.WaitTime;
import io.carga.core.api.Weight;

/**
 * The spec's model rotation test (section 4.2): AI requests spread over gemini-2.5-flash, gpt-3.5-turbo and
 * gpt-4-turbo by weight 80/15/5, streamed, each measured for time to first token, inter-token latency,
 * tokens, cost and content quality, per model. Against the reference target the providers are simulated;
 * pointed at real OpenAI-compatible or Gemini endpoints (keys from OPENAI_API_KEY / GEMINI_API_KEY) it
 * works unchanged.
 *
 * <pre>./carga run examples/ModelRotationTester.java --target http://127.0.0.1:8080 --users 20 --duration 1m -P ai.rate-limit=100/min</pre>
 */
@Weight(1)
public class ModelRotationTester extends User {
    private AiClient ai;

    @Override
    public WaitTime waitTime() {
        return WaitTime.between(1, 3);
    }

    @Override
    public void onStart() {
        ai = AiClient.of(this);
    }

    @Task
    void generate() {
        ai.rotating().prompt(SpecData.pick(SpecData.AI_PROMPTS, random())).maxTokens(300).stream();
    }

    @Override
    public void onStop() {
        ai.close();
    }
}
