package io.carga.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carga.core.api.StopUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FeederTest {
    @TempDir
    Path dir;

    private Path csv() throws IOException {
        return Files.writeString(dir.resolve("accounts.csv"), """
                email,password,region
                ana@example.com,s3cret,SP
                bia@example.com,"with,comma",RJ
                caio@example.com,x,MG
                """);
    }

    @Test
    void circularHandsOutInOrderAndStartsOver() throws IOException {
        Feeder f = Feeder.csv(csv(), Feeder.Strategy.CIRCULAR);
        assertThat(f.size()).isEqualTo(3);
        SplittableRandom r = new SplittableRandom(1);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            emails.add(f.next(r).get("email"));
        }
        assertThat(emails).containsExactly("ana@example.com", "bia@example.com", "caio@example.com",
                "ana@example.com", "bia@example.com", "caio@example.com", "ana@example.com");
    }

    @Test
    void csvKeepsColumnsByHeaderAndQuotedCommas() throws IOException {
        Map<String, String> first = Feeder.csv(csv(), Feeder.Strategy.QUEUE).next();
        assertThat(first).containsEntry("email", "ana@example.com").containsEntry("region", "SP");
        Feeder f = Feeder.csv(csv(), Feeder.Strategy.QUEUE);
        f.next();
        assertThat(f.next()).containsEntry("password", "with,comma");
    }

    @Test
    void randomIsReproducibleWithTheSameSeedAndReachesEveryRecord() throws IOException {
        Feeder f = Feeder.csv(csv(), Feeder.Strategy.RANDOM);
        List<String> a = draw(f, new SplittableRandom(9), 60);
        List<String> b = draw(f, new SplittableRandom(9), 60);
        assertThat(a).isEqualTo(b);
        assertThat(Set.copyOf(a)).containsExactlyInAnyOrder("ana@example.com", "bia@example.com", "caio@example.com");
        assertThat(a).isNotEqualTo(draw(f, new SplittableRandom(10), 60));
    }

    @Test
    void queueHandsEachRecordOnceThenStopsTheUser() throws IOException {
        Feeder f = Feeder.csv(csv(), Feeder.Strategy.QUEUE);
        assertThat(draw(f, new SplittableRandom(1), 3)).containsExactly("ana@example.com", "bia@example.com", "caio@example.com");
        assertThatThrownBy(f::next).isInstanceOf(StopUser.class).hasMessageContaining("accounts.csv: feeder ran out of records");
        assertThatThrownBy(f::next).as("and stays empty").isInstanceOf(StopUser.class);
    }

    @Test
    @Timeout(10)
    void queueUnderContentionHandsEveryRecordExactlyOnce() throws Exception {
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            records.add(Map.of("id", String.valueOf(i)));
        }
        Feeder f = Feeder.of(records, Feeder.Strategy.QUEUE);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        int[] duplicates = new int[1];
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    while (true) {
                        if (!seen.add(f.next().get("id"))) {
                            synchronized (duplicates) {
                                duplicates[0]++;
                            }
                        }
                    }
                } catch (StopUser | InterruptedException done) {
                    // ran dry
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(seen).hasSize(10_000);
        assertThat(duplicates[0]).isZero();
    }

    @Test
    void jsonArrayOfObjectsWithValuesAsText() throws IOException {
        Path file = Files.writeString(dir.resolve("prompts.json"), """
                [
                  {"prompt": "hello", "max_tokens": 64, "stream": true},
                  {"prompt": "bye", "max_tokens": 8, "meta": {"lang": "pt"}}
                ]
                """);
        Feeder f = Feeder.json(file, Feeder.Strategy.QUEUE);
        assertThat(f.next()).containsExactly(Map.entry("prompt", "hello"), Map.entry("max_tokens", "64"), Map.entry("stream", "true"));
        assertThat(f.next()).containsEntry("meta", "{\"lang\":\"pt\"}");
    }

    @Test
    void malformedJsonNamesTheFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), """
                [
                  {"prompt": "hello"},
                  {"prompt": "bye",, }
                ]
                """);
        assertThatThrownBy(() -> Feeder.json(file, Feeder.Strategy.CIRCULAR))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ":3:");
    }

    @Test
    void jsonThatIsNotAnArrayOfObjectsIsRejected() throws IOException {
        Path object = Files.writeString(dir.resolve("object.json"), "{\"a\": 1}");
        assertThatThrownBy(() -> Feeder.json(object, Feeder.Strategy.CIRCULAR)).hasMessage(object + ":1:1: expected a JSON array of objects");
        Path numbers = Files.writeString(dir.resolve("numbers.json"), "[{\"a\": 1}, 2]");
        assertThatThrownBy(() -> Feeder.json(numbers, Feeder.Strategy.CIRCULAR)).hasMessage(numbers + ": element 1 is not an object");
    }

    @Test
    void aFileWithoutRecordsIsRejected() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "email,password\n");
        assertThatThrownBy(() -> Feeder.csv(empty, Feeder.Strategy.QUEUE)).hasMessage(empty + ": no records to feed");
    }

    private static List<String> draw(Feeder f, SplittableRandom r, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(f.next(r).get("email"));
        }
        return out;
    }
}
