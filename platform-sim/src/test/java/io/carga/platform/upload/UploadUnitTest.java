package io.carga.platform.upload;

import io.carga.platform.PlatformSimMain;
import io.carga.platform.auth.PasswordHasher;
import io.carga.platform.auth.Principal;
import io.carga.platform.auth.TokenService;
import io.carga.platform.db.Ids;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small pure pieces: image sniffing, multipart, ids, hashing, tokens, option parsing. */
class UploadUnitTest {

    @Test
    void imageInspectorRejectsTheSpecsFakePng() {
        assertThat(ImageInspector.inspect("fake_png_data".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageInspector.inspect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})).isEmpty();
        assertThat(ImageInspector.inspect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9})).isEmpty();
    }

    @Test
    void multipartFindsFileParts() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
                + "DATA\r\n--XyZ--\r\n";
        var parts = Multipart.parse(body.getBytes(StandardCharsets.UTF_8), "XyZ");
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).filename()).isEqualTo("a.png");
        assertThat(new String(parts.get(0).data(), StandardCharsets.UTF_8)).isEqualTo("DATA");
        assertThat(Multipart.boundary("multipart/form-data; boundary=\"abc\"")).contains("abc");
        assertThat(Multipart.boundary("application/json")).isEmpty();
        assertThatThrownBy(() -> Multipart.parse("garbage".getBytes(StandardCharsets.UTF_8), "XyZ"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAcceptTheSpecsForms() {
        assertThat(Ids.parseBusiness("biz_123")).hasValue(123);
        assertThat(Ids.parseBusiness("123")).hasValue(123);
        assertThat(Ids.parseUser("user_4567")).hasValue(4567);
        assertThat(Ids.parseBusiness("biz_0")).isEmpty();
        assertThat(Ids.parseBusiness("user_1")).isEmpty();
    }

    @Test
    void passwordHashesVerifyOnlyTheRightPassword() {
        PasswordHasher h = new PasswordHasher(1_000);
        String stored = h.hash("TestPass123");
        assertThat(stored).startsWith("pbkdf2_sha256$1000$");
        assertThat(h.verify("TestPass123", stored)).isTrue();
        assertThat(h.verify("testpass123", stored)).isFalse();
        assertThat(h.verify("TestPass123", "garbage")).isFalse();
    }

    @Test
    void tokensExpire() {
        Clock t0 = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        TokenService issuer = new TokenService("k".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5), t0);
        String token = issuer.issue(new Principal(4567, 567));
        assertThat(issuer.verify(token)).contains(new Principal(4567, 567));
        TokenService later = new TokenService("k".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5),
                Clock.offset(t0, Duration.ofMinutes(6)));
        assertThat(later.verify(token)).isEmpty();
        TokenService otherKey = new TokenService("x".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5), t0);
        assertThat(otherKey.verify(token)).isEmpty();
    }

    @Test
    void commandLineOptionsBecomeAConfig() {
        var c = PlatformSimMain.parse(new String[] {"--port", "9000", "--seed-data", "200,3000", "--error-rate=0.1",
            "--quota-scale", "0", "--llm-time-scale", "0.5"});
        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.seed().businesses()).isEqualTo(200);
        assertThat(c.seed().users()).isEqualTo(3000);
        assertThat(c.faults().errorRate()).isEqualTo(0.1);
        assertThat(c.quotas()).isEmpty();
        assertThat(c.llmTimeScale()).isEqualTo(0.5);
        assertThat(PlatformSimMain.parse(new String[] {"--seed-data", "none"}).seed()).isNull();
        assertThatThrownBy(() -> PlatformSimMain.parse(new String[] {"--bogus", "1"})).hasMessageContaining("--bogus");
    }
}
