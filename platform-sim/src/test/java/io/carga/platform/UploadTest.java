package io.carga.platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

import static io.carga.platform.SimFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class UploadTest {
    static String token;

    @BeforeAll
    static void login() {
        token = SimFixture.login(6789);
    }

    static byte[] image(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0xFF8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static Res upload(String filename, String type, byte[] data) {
        String boundary = "----carga" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(data);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1/upload/logo")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    @Test
    void theSpecsFakePngIsRejectedWith415() {
        Res r = upload("test_logo.png", "image/png", "fake_png_data".getBytes(StandardCharsets.US_ASCII));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().path("error").path("field").asText()).isEqualTo("file");
    }

    @Test
    void realPngAndJpegAreStoredWithTheirDimensions() throws Exception {
        Res png = upload("logo.png", "image/png", image("png", 64, 32));
        assertThat(png.status()).isEqualTo(201);
        assertThat(png.json().path("width").asInt()).isEqualTo(64);
        assertThat(png.json().path("height").asInt()).isEqualTo(32);
        assertThat(png.json().path("content_type").asText()).isEqualTo("image/png");
        // The declared type is not trusted: a JPEG labelled PNG is stored as what it is.
        Res jpg = upload("logo.png", "image/png", image("jpg", 40, 50));
        assertThat(jpg.status()).isEqualTo(201);
        assertThat(jpg.json().path("content_type").asText()).isEqualTo("image/jpeg");
        assertThat(jpg.json().path("width").asInt()).isEqualTo(40);
        String id = png.json().path("upload_id").asText().substring(4);
        assertThat(count("SELECT count(*) FROM uploads WHERE id = " + id + " AND width = 64")).isEqualTo(1);
    }

    @Test
    void truncatedPngHeaderIs415() throws IOException {
        byte[] png = image("png", 10, 10);
        png[20] ^= 0x01; // corrupt the width: the IHDR CRC no longer matches
        assertThat(upload("x.png", "image/png", png).status()).isEqualTo(415);
    }

    @Test
    void tooLargeIs413AndNotMultipartIs415AndMissingPartIs400() throws IOException {
        byte[] big = new byte[(int) PlatformConfig.DEFAULT_MAX_UPLOAD_BYTES + 1];
        System.arraycopy(image("png", 8, 8), 0, big, 0, 40);
        assertThat(upload("big.png", "image/png", big).status()).isEqualTo(413);
        Res json = post("/api/v1/upload/logo", "{}", token);
        assertThat(json.status()).isEqualTo(415);
        String boundary = "b123";
        Res noFile = send(HttpRequest.newBuilder(URI.create(url("/api/v1/upload/logo")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("--b123\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b123--\r\n")));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().path("error").path("field").asText()).isEqualTo("file");
    }
}
