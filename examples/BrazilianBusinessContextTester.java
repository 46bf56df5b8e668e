package io.carga.examples;

import static io.carga.http.Checks.status;

import io.carga.ai.AiClient;
import io.carga.core.api.Task;
import io.carga.core.api.WaitTime;
import io.carga.http.HttpUser;
import io.carga.http.Response;
import java.util.Map;

/**
 * The spec's Brazilian business context test (section 3.2): content for 5 regions × 5 business types, and
 * LGPD data requests under load. A deletion really deletes the account, so the user logs in as someone
 * else afterwards. The regional content goes through carga's AI client: tokens, cost and quality per model
 * and region.
 */
public class BrazilianBusinessContextTester extends HttpUser {
    private AiClient ai;
    private String userId;
    private String businessId;

    @Override
    public WaitTime waitTime() {
        return WaitTime.between(1, 3);
    }

    @Override
    public void onStart() {
        ai = AiClient.of(this);
        login();
    }

    private void login() {
        Response r = http().post("/auth/login").name("POST /auth/login").json(SpecData.login(random())).check(status(200)).send();
        if (r.ok()) {
            String token = r.json("$.access_token").asText();
            http().bearer(token);
            ai.bearer(token);
            userId = r.json("$.user_id").asText();
            businessId = r.json("$.business_id").asText();
        }
    }

    @Task
    void regionalContentGeneration() {
        for (String region : SpecData.REGIONS) {
            for (String business : SpecData.REGIONAL_BUSINESSES) {
                ai.platform("/api/v1/departments/marketing/generate").model("gemini-2.5-flash")
                        .name("marketing_generate_regional").tag("region", region)
                        .field("business_type", business).field("location", region + ", Brasil")
                        .field("content_type", "social_media_post").send();
            }
        }
    }

    @Task
    void lgpdComplianceLoad() {
        if (userId == null) {
            login();
            return;
        }
        http().post("/api/v1/privacy/data-request").name("lgpd_deletion")
                .json(Map.of("request_type", "deletion", "user_id", userId, "business_id", businessId))
                .check(status(200)).send();
        userId = null; // the account is gone: next time, log in as another person
        login();
    }

    @Override
    public void onStop() {
        ai.close();
    }
}
