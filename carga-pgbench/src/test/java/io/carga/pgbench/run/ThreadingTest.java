package io.carga.pgbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.pgbench.loop.EventLoop;
import org.junit.jupiter.api.Test;

/** One place decides what runs the clients, on both sides of the continuations' export. */
class ThreadingTest {

    @Test
    void withContinuationsAutoIsPgbenchsEventLoops() {
        assertThat(Threading.choose("auto", 8, true)).isEqualTo(Threading.LOOP);
        assertThat(Threading.choose("auto", 5_000, true)).isEqualTo(Threading.LOOP);
        assertThat(Threading.choose("loop", 8, true)).isEqualTo(Threading.LOOP);
        assertThat(Threading.LOOP.describe(true)).containsEntry("threads", "loop").containsEntry("continuations", "available");
    }

    @Test
    void withoutThemAutoFallsBackToThreadsAndLoopIsRefused() {
        assertThat(Threading.choose("auto", 8, false)).isEqualTo(Threading.PLATFORM);
        assertThat(Threading.choose("auto", Threading.AUTO_PLATFORM_MAX_CLIENTS + 1, false)).isEqualTo(Threading.VIRTUAL);
        assertThatThrownBy(() -> Threading.choose("loop", 8, false)).hasMessageContaining("--add-exports java.base/jdk.internal.vm");
        assertThat(Threading.PLATFORM.describe(false)).containsEntry("threads", "platform")
                .hasEntrySatisfying("continuations", v -> assertThat(v).startsWith("not exported"));
    }

    @Test
    void aThreadPerClientIsAlwaysThereToChoose() {
        assertThat(Threading.choose("platform", 8, true)).isEqualTo(Threading.PLATFORM);
        assertThat(Threading.choose("virtual", 8, false)).isEqualTo(Threading.VIRTUAL);
        assertThatThrownBy(() -> Threading.choose("fibers", 8, true)).hasMessage("invalid --threads: \"fibers\" (auto, loop, platform or virtual)");
    }

    @Test
    void thisJvmHasThemAsTheBuildAndTheJarSay() {
        // surefire's argLine and the CLI jar's manifest both export jdk.internal.vm: were either lost, carga db would
        // silently run a thread per client, and this fails first
        assertThat(EventLoop.available()).isTrue();
        assertThat(Threading.choose("auto", 8)).isEqualTo(Threading.LOOP);
    }
}
