package io.carga.report.advice;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The spec's service tiers (section 1.1) and how a request is sorted into one. A {@code tier} tag naming one
 * of the spec's tiers decides (the examples tag {@code cx_chat} {@code tier=api_endpoints}: it is an API
 * request, though its name says chat). Without it the name is all a report has: SQL statements start with a
 * SQL verb or carry a {@code db}/{@code sql} tag; AI requests carry a {@code model} tag, token or TTFT fields,
 * or name a model, a chat or a completion. A plan's own tiers and SLAs come first: see {@link TierSlas}.
 */
public enum Kinds {
    DATABASE("database", "database_queries", 100),
    WHATSAPP("whatsapp webhook", "whatsapp_webhook", 200),
    API("api", "api_endpoints", 500),
    AI("ai", "gemini_flash_requests", 800),
    UPLOAD("file upload", "file_uploads", 2000);

    private static final Pattern SQL = Pattern.compile("^(select|insert|update|delete|with|upsert|merge|copy|begin|commit|call|\\\\set|sql\\b|db\\b|pg)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTTP = Pattern.compile("^(get|post|put|patch|delete|head|options) +(/|https?:).*");
    private static final Pattern AI_NAME = Pattern.compile(".*(\\bai\\b|/ai/|llm|gemini|gpt|claude|chat|completion|generate|model=).*",
            Pattern.CASE_INSENSITIVE);

    private final String label;
    private final String tier;
    private final double p95SlaMs;

    Kinds(String label, String tier, double p95SlaMs) {
        this.label = label;
        this.tier = tier;
        this.p95SlaMs = p95SlaMs;
    }

    public String label() {
        return label;
    }

    /** The spec's name of this tier ({@code api_endpoints}), as plans and {@code tier} tags write it. */
    public String tier() {
        return tier;
    }

    /** The kind whose spec tier is {@code name}, or null. */
    public static Kinds ofTier(String name) {
        for (Kinds k : values()) {
            if (k.tier.equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** The spec's p95 limit for this tier, milliseconds. */
    public double p95SlaMs() {
        return p95SlaMs;
    }

    /** The tier of a series label ({@code name} or {@code name{k=v}}). */
    public static Kinds of(String label) {
        return of(label, Map.of());
    }

    /** The tier of a series label, using its extra fields (tokens, ttft…) as a hint. */
    public static Kinds of(String label, Map<String, Double> fields) {
        Kinds tagged = ofTier(io.carga.core.metrics.SeriesKey.parse(label).tags().get("tier"));
        if (tagged != null) {
            return tagged;
        }
        String l = label.toLowerCase(Locale.ROOT);
        boolean http = HTTP.matcher(l).matches();
        if (!http && SQL.matcher(l).matches() || l.contains("{db=") || l.contains(",db=") || l.contains("type=sql")) {
            return DATABASE;
        }
        for (String f : fields.keySet()) {
            String k = f.toLowerCase(Locale.ROOT);
            if (k.startsWith("tokens") || k.startsWith("ttft") || k.contains("_tokens")) {
                return AI;
            }
        }
        if (l.contains("{model=") || l.contains(",model=") || AI_NAME.matcher(l).matches()) {
            return AI;
        }
        if (l.contains("whatsapp") || l.contains("webhook")) {
            return WHATSAPP;
        }
        if (l.contains("upload") || l.contains("multipart")) {
            return UPLOAD;
        }
        return API;
    }
}
