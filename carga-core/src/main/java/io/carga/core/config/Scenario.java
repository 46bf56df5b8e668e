package io.carga.core.config;

import java.util.List;

/**
 * The user kinds of a run with their weights. Users are handed out so that, at every moment, each kind's
 * share of the started users is as close as possible to its weight share (Locust's distribution).
 */
public record Scenario(String name, List<UserSpec> users) {
    public Scenario {
        users = List.copyOf(users);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("scenario " + name + " has no user classes");
        }
    }

    /** The kind of the {@code n}-th user started (0-based), deterministic. */
    public UserSpec specFor(long n) {
        if (users.size() == 1) {
            return users.get(0);
        }
        int total = users.stream().mapToInt(UserSpec::weight).sum();
        // Smooth weighted round robin, replayed from zero: a pure function of n, so any executor can call it.
        long round = n % total;
        long[] current = new long[users.size()];
        int chosen = 0;
        for (long i = 0; i <= round; i++) {
            chosen = 0;
            for (int j = 0; j < current.length; j++) {
                current[j] += users.get(j).weight();
                if (current[j] > current[chosen]) {
                    chosen = j;
                }
            }
            current[chosen] -= total;
        }
        return users.get(chosen);
    }
}
