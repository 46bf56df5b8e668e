package io.carga.examples;

import static io.carga.http.Checks.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.carga.core.api.Task;
import io.carga.core.api.WaitTime;
import io.carga.core.api.Weight;
import io.carga.http.Check;
import io.carga.http.Checks;
import io.carga.http.HttpUser;
import io.carga.http.Response;
import java.util.Map;

/**
 * The spec's core journey (section 3.1): a micro-entrepreneur logs in, then mostly generates marketing
 * content with Gemini Flash, chats with customer service, sets up a business and uploads a logo.
 *
 * <pre>./carga run examples/BrazilianMicroEntrepreneurUser.java --target http://127.0.0.1:8080 --users 50 --duration 1m</pre>
 */
@Weight(4)
public class BrazilianMicroEntrepreneurUser extends HttpUser {
    /** The spec's check_content_quality: both fields present, relevance at least 0.7. */
    static final Check CONTENT_QUALITY = Checks.that("content and business_relevance_score >= 0.7", r -> {
        JsonNode body = r.json();
        return body.hasNonNull("content") && body.path("business_relevance_score").asDouble(0) >= 0.7;
    });

    private String businessId;

    @Override
    public WaitTime waitTime() {
        return WaitTime.between(2, 8);
    }

    @Override
    public void onStart() {
        Response login = http().post("/auth/login").name("POST /auth/login")
                .json(SpecData.login(random())).check(status(200), Checks.jsonPath("$.access_token")).send();
        if (login.ok()) {
            http().bearer(login.json("$.access_token").asText());
            businessId = login.json("$.business_id").asText();
        }
    }

    @Task(30)
    void createMarketingContent() {
        String business = SpecData.pick(SpecData.MARKETING_BUSINESSES, random());
        http().post("/api/v1/departments/marketing/generate").name("marketing_generate")
                .tag("tier", "gemini_flash_requests")
                .json(Map.of("business_type", business, "content_type", "instagram_post", "model", "gemini-2.5-flash",
                        "context", "Negócio: " + business + " em São Paulo"))
                .check(status(200), CONTENT_QUALITY).send();
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

    /** The business this user belongs to (from its login). */
    protected String businessId() {
        return businessId;
    }
}
