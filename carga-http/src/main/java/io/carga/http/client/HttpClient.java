package io.carga.http.client;

/**
 * carga's HTTP/1.1 client: a plain library, apart from what requests mean to a load test. Thread-safe; holds
 * the configuration and, with {@link Pooling.Shared}, the shared connection pool. Each virtual user sends
 * through its own {@link Agent}.
 *
 * <pre>{@code
 * try (HttpClient client = HttpClient.create(ClientConfig.defaults());
 *      Agent agent = client.newAgent()) {
 *     HttpResponse r = agent.send(HttpRequest.get("http://127.0.0.1:8080/ping"));
 * }
 * }</pre>
 */
public final class HttpClient implements AutoCloseable {

    private final ClientConfig config;
    private final SharedPool pool;
    private final Watchdog watchdog = new Watchdog();
    private final java.util.Set<Agent> agents = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private HttpClient(ClientConfig config) {
        this.config = config;
        this.pool = config.pooling() instanceof Pooling.Shared s ? new SharedPool(s.maxConnections()) : null;
    }

    public static HttpClient create(ClientConfig config) {
        return new HttpClient(config);
    }

    public static HttpClient create() {
        return new HttpClient(ClientConfig.defaults());
    }

    public ClientConfig config() {
        return config;
    }

    /** A new agent for one virtual user: its own connections (or loans from the shared pool) and cookie jar. */
    public Agent newAgent() {
        Agent a = new Agent(config, pool, watchdog, agents::remove);
        agents.add(a);
        return a;
    }

    /** Connections open in the shared pool, or -1 with per-user connections. */
    public int pooledConnections() {
        return pool == null ? -1 : pool.openConnections();
    }

    /** Closes every agent not closed yet and the idle connections of the shared pool. */
    @Override
    public void close() {
        for (Agent a : agents) {
            a.close();
        }
        watchdog.stop();
        if (pool != null) {
            pool.close();
        }
    }
}
