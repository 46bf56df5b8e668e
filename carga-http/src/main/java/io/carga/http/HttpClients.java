package io.carga.http;

import io.carga.http.client.ClientConfig;
import io.carga.http.client.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's HTTP clients, one per distinct configuration, shared by all users through
 * {@code UserContext.shared}; the engine closes it (and so every connection) at the end of the run.
 */
final class HttpClients implements AutoCloseable {

    private final ClientConfig runConfig;
    private final Map<ClientConfig, HttpClient> clients = new ConcurrentHashMap<>();

    HttpClients(ClientConfig runConfig) {
        this.runConfig = runConfig;
    }

    ClientConfig runConfig() {
        return runConfig;
    }

    HttpClient client(ClientConfig config) {
        return clients.computeIfAbsent(config, HttpClient::create);
    }

    @Override
    public void close() {
        clients.values().forEach(HttpClient::close);
    }
}
