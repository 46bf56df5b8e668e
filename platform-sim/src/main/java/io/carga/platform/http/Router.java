package io.carga.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.platform.auth.Principal;
import io.carga.platform.auth.TokenService;
import io.carga.platform.metrics.SimMetrics;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Registers the platform's routes on Helidon, wrapping every handler with the same four concerns so no
 * handler repeats them: authentication, the JSON error contract, metrics by route template, and the
 * rule that a bad request never becomes a 500. Unmatched paths get a JSON 404, or 405 when the path
 * exists for another method.
 */
public final class Router {
    private static final System.Logger LOG = System.getLogger(Router.class.getName());
    public static final String SESSION_COOKIE = "carga_session";

    /** A platform handler. May block: every request runs on its own virtual thread. */
    @FunctionalInterface
    public interface Endpoint {
        void handle(Exchange ex) throws Exception;
    }

    public enum Access { PUBLIC, USER }

    private final HttpRouting.Builder routing = HttpRouting.builder();
    private final ObjectMapper json;
    private final SimMetrics metrics;
    private final TokenService tokens;
    private final long maxBodyBytes;
    private final Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
    private Planted planted = Planted.NONE;

    public Router(ObjectMapper json, SimMetrics metrics, TokenService tokens, long maxBodyBytes) {
        this.json = json;
        this.metrics = metrics;
        this.tokens = tokens;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Plants a shadow candidate's changes ({@code --candidate}) in every route's answers. */
    public Router planting(Planted p) {
        this.planted = p;
        return this;
    }

    /** {@code path} uses Helidon syntax ({@code /x/{id}}, trailing {@code /*}); it is also the metrics label. */
    public Router route(String method, String path, Access access, Endpoint endpoint) {
        methodsByPath.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(method);
        routing.route(Method.create(method), path, (req, res) -> run(method, path, access, endpoint, req, res));
        return this;
    }

    /** Finishes the routing: the catch-all for unknown paths goes last. */
    public HttpRouting.Builder build() {
        routing.any((req, res) -> run(req.prologue().method().text(), "unmatched", Access.PUBLIC, this::unmatched, req, res));
        return routing;
    }

    private void unmatched(Exchange ex) {
        String path = ex.request().path().path();
        for (Map.Entry<String, Set<String>> e : methodsByPath.entrySet()) {
            if (matches(e.getKey(), path)) {
                throw new ApiError(405, "method_not_allowed", null, "use " + String.join(", ", e.getValue()) + " on " + path)
                        .header("Allow", String.join(", ", e.getValue()));
            }
        }
        throw ApiError.notFound(null, "no route for " + ex.request().prologue().method().text() + " " + path);
    }

    private static boolean matches(String template, String path) {
        String regex = template.replaceAll("\\{[^/]+}", "[^/]+").replace("/*", "/.*");
        return path.matches(regex);
    }

    private void run(String method, String route, Access access, Endpoint endpoint, ServerRequest req, ServerResponse res) {
        Exchange ex = new Exchange(req, res, json, maxBodyBytes);
        ex.answers(body -> planted.answer(route, body));
        metrics.requestStarted();
        try {
            planted.before(route);
            if (access == Access.USER) {
                ex.principal(authenticate(ex));
            }
            endpoint.handle(ex);
        } catch (ApiError e) {
            sendError(ex, e);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "unhandled error on " + method + " " + route, e);
            sendError(ex, new ApiError(500, "internal_error", null, "internal error"));
        } finally {
            metrics.requestFinished(route, method, res.status().code(), System.nanoTime() - ex.startNanos(),
                    ex.waits().waitedNanos());
        }
    }

    private Principal authenticate(Exchange ex) {
        String token = ex.header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip())
                .or(() -> ex.header("Cookie").flatMap(Router::sessionCookie))
                .orElseThrow(() -> ApiError.unauthorized("missing access token: log in at POST /auth/login"));
        return tokens.verify(token).orElseThrow(() -> ApiError.unauthorized("invalid or expired access token"));
    }

    private static java.util.Optional<String> sessionCookie(String header) {
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith(SESSION_COOKIE + "=")) {
                return java.util.Optional.of(p.substring(SESSION_COOKIE.length() + 1));
            }
        }
        return java.util.Optional.empty();
    }

    private void sendError(Exchange ex, ApiError e) {
        if (ex.response().isSent()) {
            return; // a stream already started; the client sees it end early
        }
        ObjectNode root = json.createObjectNode();
        ObjectNode err = root.putObject("error");
        err.put("code", e.code());
        if (e.field() != null) {
            err.put("field", e.field());
        }
        err.put("message", e.getMessage());
        e.headers().forEach(ex::header);
        ex.send(e.status(), root);
    }
}
