package io.carga.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TasksTest {
    private static final Tasks.Body NOTHING = () -> { };

    @Test
    void picksInProportionToTheWeights() {
        Tasks tasks = Tasks.builder().add("create", 30, NOTHING).add("list", 10, NOTHING).add("delete", 1, NOTHING).build();
        Map<String, Integer> counts = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        int n = 410_000;
        for (int i = 0; i < n; i++) {
            counts.merge(tasks.pick(random).name(), 1, Integer::sum);
        }
        // expected 300000 / 100000 / 10000; the bounds are about 4.5 standard deviations
        assertThat(counts.get("create")).isBetween(298_700, 301_300);
        assertThat(counts.get("list")).isBetween(98_700, 101_300);
        assertThat(counts.get("delete")).isBetween(9_550, 10_450);
    }

    @Test
    void theSameSeedPicksTheSameSequence() {
        Tasks tasks = Tasks.builder().add("a", 1, NOTHING).add("b", 2, NOTHING).add("c", 3, NOTHING).build();
        assertThat(sequence(tasks, 7)).isEqualTo(sequence(tasks, 7)).isNotEqualTo(sequence(tasks, 8));
    }

    @Test
    void aSingleTaskIsAlwaysPicked() {
        Tasks tasks = Tasks.builder().add("only", 5, NOTHING).build();
        assertThat(sequence(tasks, 1)).containsOnly("only");
    }

    @Test
    void aWeightBelowOneIsRejected() {
        assertThatThrownBy(() -> Tasks.builder().add("x", 0, NOTHING))
                .hasMessage("task x: weight must be at least 1, was 0");
    }

    static class Annotated {
        final List<String> calls = new ArrayList<>();

        @Task(3)
        void zeta() {
            calls.add("zeta");
        }

        @Task(value = 2, name = "GET /alpha")
        private void alpha() {
            calls.add("alpha");
        }

        void notATask() {
        }
    }

    @Test
    void annotatedTasksAreSortedByMethodNameWithWeightsAndNames() throws Exception {
        Annotated owner = new Annotated();
        Tasks tasks = Tasks.annotated(owner);
        assertThat(tasks.entries()).extracting(Tasks.Entry::name).containsExactly("GET /alpha", "zeta");
        assertThat(tasks.entries()).extracting(Tasks.Entry::weight).containsExactly(2, 3);
        for (Tasks.Entry e : tasks.entries()) {
            e.body().run();
        }
        assertThat(owner.calls).containsExactly("alpha", "zeta");
    }

    static class Base {
        final List<String> calls = new java.util.ArrayList<>();

        @Task
        private void privateOne() {
            calls.add("private");
        }

        @Task
        String returnsAValue() {
            calls.add("value");
            return "ignored";
        }
    }

    static class Derived extends Base {
    }

    @Test
    void privateInheritedAndValueReturningTasksRunOnTheirOwnOwner() throws Exception {
        Derived first = new Derived();
        Derived second = new Derived();
        Tasks a = Tasks.annotated(first);
        Tasks b = Tasks.annotated(second);
        for (Tasks.Entry e : a.entries()) {
            e.body().run();
        }
        b.entries().get(0).body().run();
        assertThat(first.calls).containsExactly("private", "value");
        assertThat(second.calls).containsExactly("private");
        // a lambda class of the method itself (spun in its class's nest), not a handle called through a wrapper
        assertThat(a.entries().get(0).body().getClass().getName()).startsWith(Base.class.getName() + "$$Lambda");
    }

    static class Throwing {
        @Task
        void fail() throws Exception {
            throw new java.io.IOException("boom");
        }
    }

    @Test
    void anAnnotatedTaskThrowsItsOwnException() {
        Tasks tasks = Tasks.annotated(new Throwing());
        assertThatThrownBy(() -> tasks.entries().get(0).body().run()).isInstanceOf(java.io.IOException.class).hasMessage("boom");
    }

    static class WithParameter {
        @Task
        void bad(int x) {
        }
    }

    @Test
    void aTaskWithParametersIsRejected() {
        assertThatThrownBy(() -> Tasks.annotated(new WithParameter()))
                .hasMessageContaining("WithParameter.bad must be an instance method without parameters");
    }

    private static List<String> sequence(Tasks tasks, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            out.add(tasks.pick(r).name());
        }
        return out;
    }
}
