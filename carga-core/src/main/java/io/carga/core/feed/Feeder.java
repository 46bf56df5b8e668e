package io.carga.core.feed;

import io.carga.core.api.StopUser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Test data handed to virtual users one record at a time (Gatling's feeders). Thread-safe; share one
 * instance between all users, e.g. a {@code static final} field of the scenario.
 *
 * <pre>{@code
 * static final Feeder ACCOUNTS = Feeder.csv(Path.of("data/accounts.csv"), Feeder.Strategy.QUEUE);
 * public void onStart() { Map<String, String> a = ACCOUNTS.next(random()); login(a.get("email")); }
 * }</pre>
 */
public final class Feeder {
    /** How records are handed out. */
    public enum Strategy {
        /** In order, starting over at the end. */
        CIRCULAR,
        /** Uniformly at random, with repetition. */
        RANDOM,
        /** In order, each once; when none are left the asking user ends ({@link StopUser}). */
        QUEUE
    }

    private final String source;
    private final List<Map<String, String>> records;
    private final Strategy strategy;
    private final AtomicLong next = new AtomicLong();

    Feeder(String source, List<Map<String, String>> records, Strategy strategy) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException(source + ": no records to feed");
        }
        this.source = source;
        this.records = List.copyOf(records);
        this.strategy = strategy;
    }

    /** A feeder over a CSV file whose first line names the columns. */
    public static Feeder csv(Path file, Strategy strategy) throws IOException {
        return new Feeder(file.toString(), FeedFiles.readCsv(file), strategy);
    }

    /** A feeder over a JSON file holding an array of flat objects. */
    public static Feeder json(Path file, Strategy strategy) throws IOException {
        return new Feeder(file.toString(), FeedFiles.readJson(file), strategy);
    }

    /** A feeder over records made in code. */
    public static Feeder of(List<Map<String, String>> records, Strategy strategy) {
        return new Feeder("records", records, strategy);
    }

    /** The next record, using the user's random source for {@link Strategy#RANDOM} (reproducible). */
    public Map<String, String> next(RandomGenerator random) {
        return switch (strategy) {
            case CIRCULAR -> records.get((int) (next.getAndIncrement() % records.size()));
            case RANDOM -> records.get(random.nextInt(records.size()));
            case QUEUE -> {
                long i = next.getAndIncrement();
                if (i >= records.size()) {
                    throw new StopUser(source + ": feeder ran out of records");
                }
                yield records.get((int) i);
            }
        };
    }

    /** The next record; RANDOM uses a thread-local source (not reproducible with --seed). */
    public Map<String, String> next() {
        return next(ThreadLocalRandom.current());
    }

    public int size() {
        return records.size();
    }
}
