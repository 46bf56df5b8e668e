package io.carga.examples;

import static io.carga.http.Checks.status;

import io.carga.ai.AiClient;
import io.carga.core.api.Load;
import io.carga.core.api.Task;
import io.carga.core.api.WaitTime;
import io.carga.http.Checks;
import io.carga.http.HttpSession;
import io.carga.http.HttpUser;
import io.carga.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Three kinds of traffic in one run, each with its own load model (k6's {@code scenarios}): 200 closed
 * users browsing, an open stream of 10 AI generations a second, and WhatsApp webhooks arriving at a rate
 * that ramps from 5/s to 50/s. Each {@link Load} names a scenario; one results folder and one report hold
 * them all, with figures per scenario (summary.json {@code scenarios}, the report's Scenarios table).
 *
 * <pre>./carga run examples/MixedTraffic.java --target http://127.0.0.1:8080 --duration 6m</pre>
 *
 * {@code --duration} is the length of the scenarios that do not give their own (browsing, generations);
 * the webhooks' stages last 6 minutes. Other load options are refused: the file gives the loads.
 */
public class MixedTraffic {
    /** The reference target's WhatsApp app secret ({@code platform-sim --whatsapp-app-secret}). */
    static final String APP_SECRET = "carga-demo-app-secret";

    /** A seeded user's login; its answer holds the token and the user's business. */
    static Response login(HttpSession http, RandomGenerator random) {
        return http.post("/auth/login").name("POST /auth/login").json(SpecData.login(random))
                .check(status(200), Checks.jsonPath("$.access_token")).send();
    }

    /** Logged-in users looking at their business, a few seconds apart. */
    @Load(value = "200 users spawn 20/s", scenario = "browsing")
    public static class Browsing extends HttpUser {
        private String businessId;

        @Override
        public void onStart() {
            Response login = login(http(), random());
            if (login.ok()) {
                http().bearer(login.json("$.access_token").asText());
                businessId = login.json("$.business_id").asText();
            }
        }

        @Override
        public WaitTime waitTime() {
            return WaitTime.between(1, 3);
        }

        @Task(3)
        void business() {
            http().get("/api/v1/business/" + businessId).name("GET /api/v1/business/{id}").check(status(200)).send();
        }

        @Task(1)
        void generations() {
            http().get("/api/v1/business/" + businessId + "/generations").name("GET /api/v1/business/{id}/generations")
                    .check(status(200)).send();
        }
    }

    /** Marketing content generated at 10 a second whatever the platform's speed; at most 50 in flight. */
    @Load(value = "10/s max 50", scenario = "ai_generations")
    public static class Generation extends HttpUser {
        private AiClient ai;

        @Override
        public void onStart() {
            ai = AiClient.of(this);
            Response login = login(http(), random());
            if (login.ok()) {
                ai.bearer(login.json("$.access_token").asText());
            }
        }

        @Task
        void generate() {
            String business = SpecData.pick(SpecData.MARKETING_BUSINESSES, random());
            ai.platform("/api/v1/departments/marketing/generate").model("gemini-2.5-flash").name("marketing_generate")
                    .field("business_type", business).field("content_type", "instagram_post")
                    .field("context", "Negócio: " + business + " em São Paulo").send();
        }

        @Override
        public void onStop() {
            ai.close();
        }
    }

    /** Meta delivering inbound messages, signed, at a rate ramping from 0 to 5/s in a minute, then to 50/s. */
    @Load(value = "1m:5/s,5m:50/s max 200", scenario = "whatsapp_webhooks")
    public static class Webhook extends HttpUser {
        @Task
        void deliver() throws Exception {
            long business = random().nextLong(1, 1001);
            String body = """
                    {"object":"whatsapp_business_account","entry":[{"changes":[{"value":{
                    "metadata":{"phone_number_id":"%s"},"messages":[{"id":"wamid.%d","from":"5511999990000",
                    "timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}
                    """.formatted(String.format("1%014d", business), random().nextLong(Long.MAX_VALUE),
                    System.currentTimeMillis() / 1000, SpecData.pick(SpecData.CHAT_MESSAGES, random()));
            byte[] raw = body.getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            http().post("/webhooks/whatsapp").name("POST /webhooks/whatsapp").tag("tier", "whatsapp_webhook")
                    .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(raw)))
                    .body(raw, "application/json").check(status(200)).send();
        }
    }
}
