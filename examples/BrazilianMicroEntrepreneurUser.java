package io.carga.examples;

import static io.carga.http.Checks.status;

import io.carga.ai.AiClient;
import io.carga.core.api.Task;
import io.carga.core.api.WaitTime;
import io.carga.core.api.Weight;
import io.carga.http.Checks;
import io.carga.http.HttpUser;
import io.carga.http.Response;
import java.util.Map;

/**
 * The spec's core journey (section 3.1): a micro-entrepreneur logs in, then mostly generates marketing
 * content with Gemini Flash, chats with customer service, sets up a business and uploads a logo.
 *
 * <p>Marketing generation goes through carga's AI client, so it reports tokens, cost and quality per model.
 * The spec's {@code check_content_quality} (relevance at least 0.7) becomes the AI quality score with the
 * same rubric and threshold: a weak answer lowers the quality pass rate and goodput instead of counting as
 * a failed request, so "is it up" and "is it still good" stay apart.
 *
 * <pre>./carga run examples/BrazilianMicroEntrepreneurUser.java --target http://127.0.0.1:8080 --users 50 --duration 1m</pre>
 */
@Weight(4)
public class BrazilianMicroEntrepreneurUser extends HttpUser {
    private AiClient ai;
    private String businessId;

    @Override
    public WaitTime waitTime() {
        return WaitTime.between(2, 8);
    }

    @Override
    public void onStart() {
        ai = AiClient.of(this);
        Response login = http().post("/auth/login").name("POST /auth/login")
                .json(SpecData.login(random())).check(status(200), Checks.jsonPath("$.access_token")).send();
        if (login.ok()) {
            String token = login.json("$.access_token").asText();
            http().bearer(token);
            ai.bearer(token);
            businessId = login.json("$.business_id").asText();
        }
    }

    @Task(30)
    void createMarketingContent() {
        String business = SpecData.pick(SpecData.MARKETING_BUSINESSES, random());
        ai.platform("/api/v1/departments/marketing/generate").model("gemini-2.5-flash").name("marketing_generate")
                .tag("tier", "gemini_flash_requests")
                .field("business_type", business).field("content_type", "instagram_post")
                .field("context", "Negócio: " + business + " em São Paulo").send();
    }

    @Task(20)
    void customerServiceChat() {
        http().post("/api/v1/departments/cx/chat").name("cx_chat").tag("tier", "api_endpoints")
                .json(Map.of("message", SpecData.pick(SpecData.CHAT_MESSAGES, random()), "channel", "whatsapp",
                        "business_id", "biz_" + random().nextInt(100, 1000)))
                .check(status(200)).send();
    }

    @Task(15)
    void businessSetupWizard() {
        http().post("/api/v1/business/setup").name("business_setup").tag("tier", "api_endpoints")
                .json(Map.of("business_name", "Empresa Test " + random().nextInt(1, 1001), "business_type", "restaurant",
                        "location", "São Paulo, SP", "template", "restaurant_basic"))
                .check(status(200, 201)).send();
    }

    @Task(10)
    void fileUploadScenario() {
        http().post("/api/v1/upload/logo").name("upload_logo").tag("tier", "file_uploads")
                .file("file", "test_logo.png", "image/png", SpecData.LOGO_PNG)
                .check(status(200, 201)).send();
    }

    @Override
    public void onStop() {
        ai.close();
    }

    /** The business this user belongs to (from its login). */
    protected String businessId() {
        return businessId;
    }
}
