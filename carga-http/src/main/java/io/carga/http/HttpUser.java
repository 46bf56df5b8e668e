package io.carga.http;

import io.carga.core.api.User;
import io.carga.http.client.ClientConfig;

/**
 * A virtual user that speaks HTTP: {@link #http()} is its session, with its own keep-alive connection,
 * cookie jar and default headers. The base URL is {@code --target} unless {@link #baseUrl()} says otherwise.
 *
 * <pre>{@code
 * public class Shopper extends HttpUser {
 *     public WaitTime waitTime() { return WaitTime.between(2, 8); }
 *     public void onStart() {
 *         String token = http().post("/auth/login").json(Map.of("email", "a@b.c", "password", "x"))
 *                 .throwOnFailure().send().json("$.token").asText();
 *         http().bearer(token);
 *     }
 *     @Task(3) void browse() { http().get("/api/v1/products").check(Checks.status(200)).send(); }
 * }
 * }</pre>
 *
 * If you override {@link #onStop()}, call {@code super.onStop()} to close the connection at once (it is
 * closed at the end of the run anyway).
 */
public abstract class HttpUser extends User {

    private HttpSession http;

    /** This user's session, created on first use. */
    protected final HttpSession http() {
        if (http == null) {
            HttpClients clients = context().shared(HttpClients.class,
                    () -> new HttpClients(HttpSettings.clientConfig(context().properties())));
            ClientConfig config = clientConfig(clients.runConfig());
            http = new HttpSession(context(), clients.client(config).newAgent(), baseUrl());
        }
        return http;
    }

    /** The base URL of relative paths: {@code --target} by default (Locust's {@code host}). */
    protected String baseUrl() {
        return context().target();
    }

    /**
     * The client settings of this user kind, starting from the run's ({@code http.*} properties). Return
     * the same value for every user of the kind: users with equal settings share one client.
     */
    protected ClientConfig clientConfig(ClientConfig run) {
        return run;
    }

    @Override
    public void onStop() throws Exception {
        if (http != null) {
            http.close();
            http = null;
        }
    }
}
