package io.carga.cli;

import io.carga.platform.PlatformConfig;
import io.carga.platform.PlatformSim;
import io.carga.platform.db.Seeder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What the cost tests share: the reference target answering AI fast, and a user who spends on it. */
public final class AiSpending {
    private AiSpending() {
    }

    /**
     * The {@link #target()} of a test class, started before its tests and stopped after:
     * {@code @RegisterExtension static final AiSpending.Target sim = new AiSpending.Target();}
     */
    public static final class Target implements BeforeAllCallback, AfterAllCallback {
        private PlatformSim sim;

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            sim = target();
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            sim.close();
        }

        public String baseUrl() {
            return sim.baseUrl();
        }
    }

    /** The reference target with quick simulated LLMs, no quotas, cheap logins and a small seed. */
    public static PlatformSim target() throws Exception {
        return PlatformSim.start(PlatformConfig.builder().port(0).llmTimeScale(0.05).quotaScale(0).passwordIterations(1000)
                .seed(new Seeder.Plan(10, 10, 0, 0)).build());
    }

    /**
     * {@code Spender.java} in {@code dir}: a user asking gpt-4-turbo (the dearest model, so a few answers cost
     * something: about R$ 0.0075 each at the spec's price) every half second.
     */
    public static Path spender(Path dir) throws Exception {
        return Files.writeString(dir.resolve("Spender.java"), """
                import io.carga.ai.AiClient;
                import io.carga.core.api.*;

                public class Spender extends User {
                    AiClient ai;
                    public WaitTime waitTime() { return WaitTime.constant(0.5); }
                    public void onStart() { ai = AiClient.of(this); }
                    @Task void ask() { ai.openai("gpt-4-turbo").prompt("Crie um post para Instagram de uma padaria").maxTokens(40).send(); }
                    public void onStop() { ai.close(); }
                }
                """);
    }
}
