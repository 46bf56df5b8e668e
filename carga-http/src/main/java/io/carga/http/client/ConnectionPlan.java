package io.carga.http.client;

import java.lang.management.ManagementFactory;

/**
 * Decides, before a run, whether every user can own a connection. Each socket is a file descriptor; when the
 * users outnumber what the open-files limit leaves for sockets, the plan falls back to one bounded shared
 * pool and says so in {@link #notice()}, which the run prints before it starts.
 *
 * <pre>{@code
 * ConnectionPlan plan = ConnectionPlan.forUsers(100_000, Pooling.perUser());
 * if (plan.notice() != null) System.err.println(plan.notice());
 * HttpClient client = HttpClient.create(config.withPooling(plan.pooling()));
 * }</pre>
 *
 * @param pooling        what to use
 * @param openFileLimit  the process's open-files limit, or -1 when unknown
 * @param socketBudget   the sockets the plan allows itself
 * @param notice         one line for the user when the request was changed, or null
 */
public record ConnectionPlan(Pooling pooling, long openFileLimit, long socketBudget, String notice) {

    /** Descriptors kept for everything that is not a socket: jars, results files, the JDK's own. */
    public static final int RESERVED_DESCRIPTORS = 512;

    public static ConnectionPlan forUsers(long users, Pooling requested) {
        return forUsers(users, requested, processOpenFileLimit());
    }

    static ConnectionPlan forUsers(long users, Pooling requested, long limit) {
        if (limit <= 0) {
            return new ConnectionPlan(requested, limit, Long.MAX_VALUE, null);
        }
        long budget = Math.max(1, limit - Math.max(RESERVED_DESCRIPTORS, limit / 20));
        int pool = (int) Math.min(Integer.MAX_VALUE, budget);
        if (requested instanceof Pooling.Shared s) {
            if (s.maxConnections() <= budget) {
                return new ConnectionPlan(requested, limit, budget, null);
            }
            return new ConnectionPlan(Pooling.shared(pool), limit, budget, "shared pool of " + s.maxConnections()
                    + " connections exceeds the open-files limit of " + limit + "; using " + pool + " connections");
        }
        if (users <= budget) {
            return new ConnectionPlan(requested, limit, budget, null);
        }
        return new ConnectionPlan(Pooling.shared(pool), limit, budget, users + " users cannot each own a connection:"
                + " the open-files limit is " + limit + "; they share one pool of " + pool + " connections instead");
    }

    /** The process's open-files limit, or -1 when the platform does not tell. */
    public static long processOpenFileLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u) {
            return u.getMaxFileDescriptorCount();
        }
        return -1;
    }
}
