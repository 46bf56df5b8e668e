package io.carga.platform.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.platform.db.Sql;
import io.carga.platform.http.ApiError;
import io.carga.platform.http.Exchange;
import io.carga.platform.http.Router;
import io.carga.platform.metrics.SimMetrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;

/**
 * The WhatsApp Cloud API webhook. {@code GET} answers Meta's subscription handshake; {@code POST} verifies
 * the signature, stores each inbound message and answers at once (Meta retries slow or failed deliveries,
 * so the work kept here is one insert per message; duplicates from retries are dropped by message id).
 * Messages for a phone number no business owns are acknowledged and ignored, as Meta expects a 200.
 */
public final class WhatsAppRoutes {
    private final Sql sql;
    private final WebhookSignature signature;
    private final String verifyToken;
    private final SimMetrics metrics;
    private final long maxBodyBytes;

    public WhatsAppRoutes(Sql sql, String appSecret, String verifyToken, SimMetrics metrics, long maxBodyBytes) {
        this.sql = sql;
        this.signature = new WebhookSignature(appSecret);
        this.verifyToken = verifyToken;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(Router r) {
        r.route("GET", "/webhooks/whatsapp", Router.Access.PUBLIC, this::verify);
        r.route("POST", "/webhooks/whatsapp", Router.Access.PUBLIC, this::receive);
    }

    private void verify(Exchange ex) {
        String mode = ex.query("hub.mode").orElseThrow(() -> ApiError.missing("hub.mode"));
        String challenge = ex.query("hub.challenge").orElseThrow(() -> ApiError.missing("hub.challenge"));
        String token = ex.query("hub.verify_token").orElseThrow(() -> ApiError.missing("hub.verify_token"));
        if (!mode.equals("subscribe")) {
            throw ApiError.invalid("hub.mode", "'hub.mode' must be 'subscribe'");
        }
        if (!token.equals(verifyToken)) {
            throw ApiError.forbidden("verify token does not match");
        }
        ex.response().status(200);
        ex.header("Content-Type", "text/plain");
        ex.response().send(challenge.getBytes(StandardCharsets.UTF_8));
    }

    private void receive(Exchange ex) throws Exception {
        byte[] raw = ex.bytes(maxBodyBytes);
        String sig = ex.header("X-Hub-Signature-256").orElseThrow(() ->
                new ApiError(401, "missing_signature", "X-Hub-Signature-256", "X-Hub-Signature-256 header is required"));
        if (!signature.matches(raw, sig)) {
            throw new ApiError(401, "signature_mismatch", "X-Hub-Signature-256", "signature does not match the body");
        }
        JsonNode root;
        try {
            root = ex.mapper().readTree(raw);
        } catch (IOException e) {
            throw new ApiError(400, "malformed_json", "body", "request body is not valid JSON");
        }
        if (root == null || !"whatsapp_business_account".equals(root.path("object").asText())) {
            throw ApiError.invalid("object", "'object' must be 'whatsapp_business_account'");
        }
        if (!root.path("entry").isArray()) {
            throw ApiError.missing("entry");
        }
        int received = 0;
        int stored = 0;
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String phoneNumberId = value.path("metadata").path("phone_number_id").asText("");
                for (JsonNode m : value.path("messages")) {
                    received++;
                    int n = store(phoneNumberId, m);
                    stored += n;
                    metrics.whatsappMessage(n == 1 ? "stored" : "ignored");
                }
            }
        }
        ObjectNode out = ex.mapper().createObjectNode().put("received", received).put("stored", stored);
        ex.send(200, out);
    }

    private int store(String phoneNumberId, JsonNode m) throws java.sql.SQLException {
        String type = m.path("type").asText("text");
        String content = type.equals("text") ? m.path("text").path("body").asText("") : "[" + type + "]";
        String waId = m.path("id").asText(null);
        long ts = m.path("timestamp").asLong(System.currentTimeMillis() / 1000);
        return sql.query("insert_whatsapp_inbound", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO whatsapp_messages (business_id, user_id, wa_message_id, "
                    + "content, direction, created_at) SELECT b.id, (SELECT u.id FROM users u WHERE u.phone = ?), ?, ?, 'inbound', "
                    + "to_timestamp(?) FROM businesses b WHERE b.whatsapp_phone_number_id = ? ON CONFLICT (wa_message_id) DO NOTHING")) {
                ps.setString(1, m.path("from").asText(""));
                ps.setString(2, waId);
                ps.setString(3, content);
                ps.setLong(4, ts);
                ps.setString(5, phoneNumberId);
                return ps.executeUpdate();
            }
        });
    }
}
