package io.carga.observe.metrics;

/**
 * Classic histogram bounds, in seconds. Every SLA of the spec is a bound (100 ms database, 200 ms
 * WhatsApp, 500 ms API, 800 ms Gemini Flash, 1 s alert, 2 s uploads), so "the share under the SLA" is
 * exact from the classic buckets; percentiles between bounds carry the buckets' error. Native histograms
 * (schema 5, about 2 % per bucket) are exposed beside them for a Prometheus that takes them.
 */
final class Buckets {
    private Buckets() {
    }

    static final double[] LATENCY = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 0.8, 1, 1.5, 2,
        2.5, 5, 10, 30, 60};

    /** Inter-token gaps and first tokens are shorter than requests: finer at the low end. */
    static final double[] TOKEN = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 0.8, 1, 2, 5, 10};
}
