package io.carga.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CarrierThreadsTest {

    @Test
    void aLocalTargetKeepsOneCoreAndNeverLeavesTheGeneratorWithout() {
        assertThat(CarrierThreads.plan(2, true)).isEqualTo(1);
        assertThat(CarrierThreads.plan(8, true)).isEqualTo(7);
        assertThat(CarrierThreads.plan(1, true)).isEqualTo(1);
    }

    @Test
    void aRemoteOrUnknownTargetGetsEveryCore() {
        assertThat(CarrierThreads.plan(2, false)).isEqualTo(2);
        assertThat(CarrierThreads.plan(16, false)).isEqualTo(16);
    }

    @Test
    void loopbackMeansLocalhostOrALoopbackLiteralWithoutAnyLookup() {
        assertThat(CarrierThreads.isLoopback("http://127.0.0.1:8080/ping")).isTrue();
        assertThat(CarrierThreads.isLoopback("http://127.1.2.3/")).isTrue();
        assertThat(CarrierThreads.isLoopback("https://localhost:8443")).isTrue();
        assertThat(CarrierThreads.isLoopback("http://api.localhost/")).isTrue();
        assertThat(CarrierThreads.isLoopback("http://[::1]:9000/x")).isTrue();

        assertThat(CarrierThreads.isLoopback("http://10.0.0.5:8080/")).isFalse();
        assertThat(CarrierThreads.isLoopback("https://api.example.com/")).isFalse();
        assertThat(CarrierThreads.isLoopback("http://127.example.com/")).isFalse();
        assertThat(CarrierThreads.isLoopback(null)).isFalse();
        assertThat(CarrierThreads.isLoopback("not a url")).isFalse();
    }
}
