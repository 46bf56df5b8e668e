package io.carga.platform.llm;

/**
 * A per-model rate limit, as providers publish them: requests per minute and tokens per minute.
 * Zero in either field means "no limit of that kind".
 *
 * @param requestsPerMinute RPM; 0 = unlimited
 * @param tokensPerMinute   TPM (input + output tokens); 0 = unlimited
 */
public record Quota(int requestsPerMinute, long tokensPerMinute) {
    public static final Quota UNLIMITED = new Quota(0, 0);

    public Quota {
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("quota values must be >= 0");
        }
    }

    /** This quota multiplied by {@code factor} (used by {@code --quota-scale}). */
    public Quota scaled(double factor) {
        return new Quota((int) Math.round(requestsPerMinute * factor), Math.round(tokensPerMinute * factor));
    }
}
