package io.carga.http.client;

/**
 * Who owns the connections.
 *
 * <ul>
 *   <li>{@link PerUser}: each {@link Agent} (one per virtual user) keeps its own keep-alive connection per
 *       origin, as a browser does. The default.</li>
 *   <li>{@link Shared}: every agent borrows from one bounded pool for the length of a request. Use it when
 *       the users outnumber the sockets the process may open; {@link ConnectionPlan} decides that.</li>
 * </ul>
 */
public sealed interface Pooling {

    static Pooling perUser() {
        return new PerUser();
    }

    static Pooling shared(int maxConnections) {
        return new Shared(maxConnections);
    }

    record PerUser() implements Pooling {
    }

    /** @param maxConnections the most connections open at once, over all origins */
    record Shared(int maxConnections) implements Pooling {
        public Shared {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("a shared pool needs at least one connection, got " + maxConnections);
            }
        }
    }
}
