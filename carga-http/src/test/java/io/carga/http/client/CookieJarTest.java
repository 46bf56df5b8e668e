package io.carga.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CookieJarTest {
    @Test
    void matchesHostPathSecureAndExpiry() {
        CookieJar jar = new CookieJar();
        URI login = URI.create("https://app.example.com/auth/login");
        jar.store(login, "sid=1; Path=/; Secure");
        jar.store(login, "scoped=2; Path=/api");
        jar.store(login, "wide=3; Domain=example.com; Path=/");
        jar.store(login, "gone=4; Max-Age=0");
        jar.store(login, "not-mine=5; Domain=other.org");

        assertThat(jar.header(URI.create("https://app.example.com/api/v1"))).isEqualTo("sid=1; scoped=2; wide=3");
        assertThat(jar.header(URI.create("http://app.example.com/"))).isEqualTo("wide=3");
        assertThat(jar.header(URI.create("https://www.example.com/apis"))).isEqualTo("wide=3");
        assertThat(jar.header(URI.create("https://other.org/"))).isNull();

        jar.store(login, "sid=9; Path=/; Secure");
        assertThat(jar.value("sid")).isEqualTo("9");
        jar.store(login, "sid=; Path=/; Max-Age=0");
        assertThat(jar.value("sid")).isNull();
    }
}
