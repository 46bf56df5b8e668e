package io.carga.observe.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ListenTest {
    @Test
    void aBarePortListensOnLoopbackAndLingersByDefault() {
        Listen l = Listen.parse("9100", null, null);
        assertThat(l.host()).isEqualTo("127.0.0.1");
        assertThat(l.port()).isEqualTo(9100);
        assertThat(l.linger()).isEqualTo(Listen.DEFAULT_LINGER);
    }

    @Test
    void hostsAndBracketedIpv6AreRead() {
        assertThat(Listen.parse("localhost:0", null, Duration.ZERO).host()).isEqualTo("localhost");
        assertThat(Listen.parse("[::1]:9100", null, Duration.ZERO).host()).isEqualTo("::1");
        assertThat(Listen.parse(":9100", null, Duration.ZERO).host()).isEqualTo("127.0.0.1");
    }

    @Test
    void anAddressOffLoopbackNeedsAToken() {
        assertThatThrownBy(() -> Listen.parse("0.0.0.0:9100", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--listen-token")
                .hasMessageContaining(Listen.TOKEN_ENV);
        assertThatThrownBy(() -> Listen.parse("metrics.example:9100", "", null)).hasMessageContaining("not a loopback");
        assertThat(Listen.parse("0.0.0.0:9100", "s3cret", null).token()).isEqualTo("s3cret");
    }

    @Test
    void badPortsAreOneLine() {
        assertThatThrownBy(() -> Listen.parse("abc", null, null)).hasMessageContaining("expected [HOST:]PORT");
        assertThatThrownBy(() -> Listen.parse("70000", null, null)).hasMessageContaining("between 0 and 65535");
    }
}
