package io.carga.report.advice;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The spec's service tiers (section 1.1) and how a request name is sorted into one. The name is all a
 * report has: SQL statements start with a SQL verb or carry a {@code db}/{@code sql} tag; AI requests
 * carry a {@code model} tag, token or TTFT fields, or name a model, a chat or a completion.
 */
public enum Kinds {
    DATABASE("database", 100),
    WHATSAPP("whatsapp webhook", 200),
    API("api", 500),
    AI("ai", 800),
    UPLOAD("file upload", 2000);

    private static final Pattern SQL = Pattern.compile("^(select|insert|update|delete|with|upsert|merge|copy|begin|commit|call|\\\\set|sql\\b|db\\b|pg)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTTP = Pattern.compile("^(get|post|put|patch|delete|head|options) +(/|https?:).*");
    private static final Pattern AI_NAME = Pattern.compile(".*(\\bai\\b|/ai/|llm|gemini|gpt|claude|chat|completion|generate|model=).*",
            Pattern.CASE_INSENSITIVE);

    private final String label;
    private final double p95SlaMs;

    Kinds(String label, double p95SlaMs) {
        this.label = label;
        this.p95SlaMs = p95SlaMs;
    }

    public String label() {
        return label;
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
