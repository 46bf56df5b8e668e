package io.carga.platform;

import io.carga.platform.db.Seeder;
import io.carga.platform.whatsapp.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static io.carga.platform.SimFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class WhatsAppTest {
    static final WebhookSignature SIGNER = new WebhookSignature(PlatformConfig.DEFAULT_WHATSAPP_APP_SECRET);

    static String payload(long business, long fromUser, String messageId, String text) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA1\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"5511999990000\",\"phone_number_id\":\""
                + Seeder.phoneNumberId(business) + "\"},\"contacts\":[{\"profile\":{\"name\":\"Cliente\"},\"wa_id\":\""
                + Seeder.userPhone(fromUser) + "\"}],\"messages\":[{\"from\":\"" + Seeder.userPhone(fromUser) + "\",\"id\":\""
                + messageId + "\",\"timestamp\":\"1735689600\",\"text\":{\"body\":\"" + text + "\"},\"type\":\"text\"}]},"
                + "\"field\":\"messages\"}]}]}";
    }

    static Res deliver(String body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/webhooks/whatsapp"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-Hub-Signature-256", signature);
        }
        return send(b);
    }

    @Test
    void signedMessageIsStoredOnceEvenIfMetaRetries() throws Exception {
        String id = "wamid.TEST" + System.nanoTime();
        String body = payload(42, 1042, id, "Vocês fazem entrega?");
        String sig = SIGNER.sign(body.getBytes(StandardCharsets.UTF_8));
        Res r = deliver(body, sig);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("stored").asInt()).isEqualTo(1);
        assertThat(deliver(body, sig).json().path("stored").asInt()).isZero();
        assertThat(count("SELECT count(*) FROM whatsapp_messages WHERE wa_message_id = '" + id + "' AND business_id = 42 "
                + "AND user_id = 1042 AND direction = 'inbound'")).isEqualTo(1);
    }

    @Test
    void signatureMismatchAndMissingSignatureAre401() {
        String body = payload(42, 1042, "wamid.X", "oi");
        Res wrong = deliver(body, new WebhookSignature("another-secret").sign(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("error").path("code").asText()).isEqualTo("signature_mismatch");
        assertThat(wrong.json().path("error").path("field").asText()).isEqualTo("X-Hub-Signature-256");
        assertThat(deliver(body, null).status()).isEqualTo(401);
    }

    @Test
    void unknownNumberIsAcknowledgedAndIgnoredAndBadShapeIs400() {
        String body = payload(99_999_999, 1042, "wamid.Y" + System.nanoTime(), "oi");
        Res r = deliver(body, SIGNER.sign(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("stored").asInt()).isZero();
        String bad = "{\"object\":\"page\"}";
        Res b = deliver(bad, SIGNER.sign(bad.getBytes(StandardCharsets.UTF_8)));
        assertThat(b.status()).isEqualTo(400);
        assertThat(b.json().path("error").path("field").asText()).isEqualTo("object");
    }

    @Test
    void verifyTokenHandshake() {
        Res ok = get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=" + PlatformConfig.DEFAULT_WHATSAPP_VERIFY_TOKEN
                + "&hub.challenge=1158201444", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1", null).status()).isEqualTo(403);
        Res missing = get("/webhooks/whatsapp?hub.mode=subscribe", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").path("field").asText()).isEqualTo("hub.challenge");
    }
}
