package io.carga.shadow.sample;

import io.carga.shadow.proxy.CapturedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Decides which requests are mirrored: a method that may be mirrored (GET by default: a mirrored write
 * reaches the candidate's data, the spec's {@code real_data: false}), then a share of them. With a
 * {@link SampleKey} the share is a consistent hash of the key's value, as GoReplay's header hashing: one
 * business is always in or always out. A request without the key, or without a key configured, is drawn
 * at random.
 *
 * <p>Thread-safe and allocation-light: it runs on the client's path for every request.
 */
public final class Sampler {
    private final double share;
    private final SampleKey key;
    private final Set<String> methods;

    /**
     * @param share   the fraction of requests mirrored, 0..1
     * @param key     what a consistent sample hashes, or null for a random sample
     * @param methods methods that may be mirrored, upper case
     */
    public Sampler(double share, SampleKey key, Set<String> methods) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("--share must be between 0% and 100%, got " + share * 100 + "%");
        }
        this.share = share;
        this.key = key;
        this.methods = methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** GET alone, then each of {@code extra} ({@code --mirror-methods POST,PUT}). */
    public static Set<String> methods(String extra) {
        Set<String> out = new java.util.TreeSet<>(Set.of("GET"));
        if (extra != null) {
            for (String m : extra.split(",")) {
                String t = m.strip().toUpperCase(Locale.ROOT);
                if (!t.matches("[A-Z]+")) {
                    throw new IllegalArgumentException("--mirror-methods: '" + m.strip() + "' is not an HTTP method");
                }
                out.add(t);
            }
        }
        return out;
    }

    public boolean sampled(CapturedRequest r) {
        if (share == 0 || !methods.contains(r.method())) {
            return false;
        }
        String value = key == null ? null : key.valueIn(r);
        double draw = value == null ? ThreadLocalRandom.current().nextDouble() : unit(value);
        return draw < share;
    }

    /** {@code value} hashed to [0, 1): FNV-1a over its UTF-8 bytes, then SplitMix64's finalizer to spread close values. */
    static double unit(String value) {
        long h = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53;
    }

    public double share() {
        return share;
    }

    public SampleKey key() {
        return key;
    }

    public Set<String> methods() {
        return methods;
    }
}
