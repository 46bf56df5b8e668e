package io.carga.core.api;

import java.time.Duration;

/**
 * Code that decides the load at each tick (Locust's LoadTestShape). The engine asks once per second;
 * returning null ends the run. Put a class implementing this next to your users in the scenario file
 * and {@code carga run} uses it instead of {@code --users}/{@code --rate}.
 *
 * <pre>{@code
 * public class Spike implements LoadShape {
 *     public Target tick(Duration t) {
 *         if (t.toSeconds() > 120) return null;
 *         return Target.users(t.toSeconds() < 60 ? 10 : 100, 20);
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface LoadShape {
    Target tick(Duration elapsed);

    /**
     * The wanted load: either a number of users reached at {@code spawnRate} users/s (closed), or an
     * arrival rate in iterations/s (open), never both.
     */
    record Target(int users, double spawnRate, double rate) {
        public static Target users(int users, double spawnRate) {
            return new Target(users, spawnRate, -1);
        }

        public static Target rate(double perSecond) {
            return new Target(-1, 0, perSecond);
        }

        public boolean isOpen() {
            return rate >= 0;
        }
    }
}
