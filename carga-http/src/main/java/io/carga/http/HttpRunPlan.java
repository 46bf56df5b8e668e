package io.carga.http;

import io.carga.core.config.RunConfig;
import io.carga.http.client.ConnectionPlan;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides before a run starts whether each virtual user can own its connection (see {@link ConnectionPlan}).
 * The composition root calls it once; when the users outnumber the sockets the process may open, it prints
 * why and switches the run to one bounded shared pool.
 *
 * <pre>{@code
 * config = HttpRunPlan.apply(config, System.err);   // in carga-cli, before the engine starts
 * }</pre>
 */
public final class HttpRunPlan {

    private HttpRunPlan() {
    }

    public static ConnectionPlan plan(RunConfig config) {
        return ConnectionPlan.forUsers(config.load().maxUsers(), HttpSettings.pooling(config.properties()));
    }

    /** The config with {@code http.pooling} set to what the plan chose; the plan's notice goes to {@code out}. */
    public static RunConfig apply(RunConfig config, PrintStream out) {
        ConnectionPlan plan = plan(config);
        if (plan.notice() == null) {
            return config;
        }
        out.println("carga: " + plan.notice());
        Map<String, String> p = new LinkedHashMap<>(config.properties());
        p.put(HttpSettings.POOLING, HttpSettings.format(plan.pooling()));
        return config.withProperties(p);
    }
}
