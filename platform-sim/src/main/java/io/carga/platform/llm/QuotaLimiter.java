package io.carga.platform.llm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-model requests-per-minute and tokens-per-minute limits, as two token buckets per model that refill
 * continuously (the way providers describe their limits: a minute's allowance, replenished smoothly).
 * A refused call learns how many seconds to wait: that becomes the {@code Retry-After} header.
 */
public final class QuotaLimiter {

    /** Outcome of one admission: {@code retryAfterSeconds} is 0 when admitted. */
    public record Admission(boolean admitted, long retryAfterSeconds, String limit) {
        static final Admission OK = new Admission(true, 0, "");
    }

    private final Map<String, Quota> quotas;
    private final Map<String, Buckets> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public QuotaLimiter(Map<String, Quota> quotas, LongSupplier nanoClock) {
        this.quotas = Map.copyOf(quotas);
        this.nanoClock = nanoClock;
    }

    /** Takes one request and {@code tokens} tokens from the model's allowance, or says when to retry. */
    public Admission acquire(String model, long tokens) {
        Quota q = quotas.getOrDefault(model, Quota.UNLIMITED);
        if (q.requestsPerMinute() == 0 && q.tokensPerMinute() == 0) {
            return Admission.OK;
        }
        return buckets.computeIfAbsent(model, m -> new Buckets(q, nanoClock.getAsLong())).take(tokens, nanoClock.getAsLong());
    }

    private static final class Buckets {
        private final Quota quota;
        private double requests;
        private double tokens;
        private long lastNanos;

        Buckets(Quota quota, long now) {
            this.quota = quota;
            this.requests = quota.requestsPerMinute();
            this.tokens = quota.tokensPerMinute();
            this.lastNanos = now;
        }

        synchronized Admission take(long wanted, long now) {
            double minutes = (now - lastNanos) / 60e9;
            lastNanos = now;
            int rpm = quota.requestsPerMinute();
            long tpm = quota.tokensPerMinute();
            requests = Math.min(rpm, requests + minutes * rpm);
            tokens = Math.min(tpm, tokens + minutes * tpm);
            if (rpm > 0 && requests < 1) {
                return refuse((1 - requests) / rpm, "requests per minute");
            }
            if (tpm > 0 && tokens < Math.min(wanted, tpm)) {
                return refuse((Math.min(wanted, tpm) - tokens) / tpm, "tokens per minute");
            }
            if (rpm > 0) {
                requests -= 1;
            }
            if (tpm > 0) {
                tokens -= wanted;
            }
            return Admission.OK;
        }

        private static Admission refuse(double minutesToWait, String limit) {
            return new Admission(false, Math.max(1, (long) Math.ceil(minutesToWait * 60)), limit);
        }
    }
}
