package io.carga.platform.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.platform.auth.Principal;
import io.carga.platform.db.Ids;
import io.carga.platform.db.Sql;
import io.carga.platform.llm.BusinessType;
import io.carga.platform.llm.Completion;
import io.carga.platform.llm.ContentGenerator;
import io.carga.platform.llm.ModelProfile;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;

/**
 * The AI departments (spec section 3): marketing content, customer-service chat, and free generation
 * with a streaming variant. All go through {@link AiService}, so they share quotas, faults and storage.
 */
public final class AiRoutes {
    static final List<String> CONTENT_TYPES = List.of("instagram_post", "social_media_post", "facebook_post",
            "whatsapp_message", "promotion", "product_description");
    static final List<String> CHANNELS = List.of("whatsapp", "web", "instagram", "email");
    static final List<String> CITIES = List.of("São Paulo", "Rio de Janeiro", "Belo Horizonte", "Salvador", "Recife");

    private final AiService ai;
    private final Sql sql;

    public AiRoutes(AiService ai, Sql sql) {
        this.ai = ai;
        this.sql = sql;
    }

    public void register(Router r) {
        r.route("POST", "/api/v1/departments/marketing/generate", Router.Access.USER, this::marketing);
        r.route("POST", "/api/v1/departments/cx/chat", Router.Access.USER, this::cxChat);
        r.route("POST", "/api/v1/ai/generate", Router.Access.USER, ex -> generate(ex, false));
        r.route("POST", "/api/v1/ai/generate/stream", Router.Access.USER, ex -> generate(ex, true));
    }

    private void marketing(Exchange ex) throws Exception {
        Body b = ex.json();
        String typeRaw = b.requiredText("business_type", 100);
        BusinessType type = BusinessType.parse(typeRaw).orElseThrow(() -> ApiError.invalid("business_type",
                "unknown business_type '" + typeRaw + "'; known: " + BusinessType.keys()));
        String contentType = b.oneOf("content_type", CONTENT_TYPES, "instagram_post");
        ModelProfile model = model(b);
        String context = b.optionalText("context", 2_000, "");
        String location = b.optionalText("location", 200, "");
        Integer maxTokens = b.optionalInt("max_tokens", 1, 4_096);
        String city = city(location, context);
        String prompt = "Crie um conteúdo do tipo " + contentType + " para um(a) " + type.label
                + (city == null ? "" : " em " + city) + (context.isEmpty() ? "" : ". Contexto: " + context);
        ContentGenerator.Kind kind = switch (contentType) {
            case "promotion" -> ContentGenerator.Kind.PROMOTION;
            case "product_description" -> ContentGenerator.Kind.PRODUCT_DESCRIPTION;
            default -> ContentGenerator.Kind.SOCIAL_POST;
        };
        Principal p = ex.principal();
        AiService.Ask ask = new AiService.Ask("marketing", model, kind, type, city, prompt, null, maxTokens,
                p.businessId(), p.userId());
        AiService.Answer a = ai.run(ex, ask, ai.plan(ask), null);
        ObjectNode out = answer(ex, a);
        out.put("business_relevance_score", relevance(a.completion().text()));
        out.put("business_type", type.key);
        out.put("content_type", contentType);
        ex.send(200, out);
    }

    private void cxChat(Exchange ex) throws Exception {
        Body b = ex.json();
        String message = b.requiredText("message", 4_000);
        String channel = b.oneOf("channel", CHANNELS, "web");
        long businessId = b.id("business_id", Ids::parseBusiness, "biz_123");
        ModelProfile model = model(b);
        // Customer service is customer-facing: any signed-in caller may talk to any business's CX
        // department (the spec's journey picks a random biz_100..999), so there is no 403 here.
        String[] biz = sql.query("find_business", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT business_type, city FROM businesses WHERE id = ? AND status = 'active'")) {
                ps.setLong(1, businessId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
                }
            }
        });
        if (biz == null) {
            throw ApiError.notFound("business_id", "no active business " + Ids.business(businessId));
        }
        Principal p = ex.principal();
        AiService.Ask ask = new AiService.Ask("cx", model, ContentGenerator.Kind.CX_ANSWER,
                BusinessType.parse(biz[0]).orElse(null), biz[1], message, message, null, businessId, p.userId());
        AiService.Answer a = ai.run(ex, ask, ai.plan(ask), null);
        if (channel.equals("whatsapp")) {
            sql.query("insert_whatsapp_pair", c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO whatsapp_messages (business_id, user_id, content, direction) "
                        + "VALUES (?, ?, ?, 'inbound'), (?, ?, ?, 'outbound')")) {
                    ps.setLong(1, businessId);
                    ps.setLong(2, p.userId());
                    ps.setString(3, message);
                    ps.setLong(4, businessId);
                    ps.setLong(5, p.userId());
                    ps.setString(6, a.completion().text());
                    return ps.executeUpdate();
                }
            });
        }
        ObjectNode out = answer(ex, a);
        out.put("reply", a.completion().text());
        out.put("business_id", Ids.business(businessId));
        out.put("channel", channel);
        ex.send(200, out);
    }

    private void generate(Exchange ex, boolean streamPath) throws Exception {
        Body b = ex.json();
        String prompt = b.requiredText("prompt", 8_000);
        ModelProfile model = model(b);
        Integer maxTokens = b.optionalInt("max_tokens", 1, 8_192);
        boolean stream = b.optionalBoolean("stream", streamPath);
        Principal p = ex.principal();
        AiService.Ask ask = new AiService.Ask("ai", model, ContentGenerator.kindOf(prompt),
                BusinessType.mentionedIn(prompt).orElse(null), city("", prompt), prompt, null, maxTokens,
                p.businessId(), p.userId());
        Completion c = ai.plan(ask);
        if (!stream) {
            ex.send(200, answer(ex, ai.run(ex, ask, c, null)));
            return;
        }
        Sse[] sse = new Sse[1];
        AiService.Answer a = ai.run(ex, ask, c, (i, text) -> {
            if (sse[0] == null) {
                sse[0] = new Sse(ex.response());
            }
            ObjectNode ev = ex.mapper().createObjectNode().put("type", "delta").put("index", i).put("content", text);
            sse[0].data(ex.mapper().writeValueAsString(ev));
        });
        if (sse[0] == null) {
            sse[0] = new Sse(ex.response());
        }
        ObjectNode done = answer(ex, a);
        done.remove("content");
        done.put("type", "done");
        sse[0].data(ex.mapper().writeValueAsString(done));
        sse[0].comment(AiService.scheduleComment(c, ex.startNanos(), a.actualOffsetsMicros()));
        sse[0].close();
    }

    private static ObjectNode answer(Exchange ex, AiService.Answer a) {
        Completion c = a.completion();
        ObjectNode out = ex.mapper().createObjectNode();
        out.put("id", "gen_" + a.generationId());
        out.put("content", c.text());
        out.put("model", c.model().name());
        out.put("finish_reason", c.finishReason());
        ObjectNode usage = out.putObject("usage");
        usage.put("prompt_tokens", c.promptTokens());
        usage.put("completion_tokens", c.completionTokens());
        usage.put("total_tokens", c.totalTokens());
        out.put("cost", c.cost());
        out.put("latency_ms", a.latencyMs());
        return out;
    }

    private static ModelProfile model(Body b) {
        String name = b.oneOf("model", ModelProfile.names(), ModelProfile.GEMINI_FLASH.name());
        return ModelProfile.byName(name).orElseThrow();
    }

    /** "Salvador, Brasil" gives Salvador; otherwise a spec city named in the free text, if any. */
    static String city(String location, String freeText) {
        if (!location.isBlank()) {
            return location.split(",")[0].strip();
        }
        String t = freeText.toLowerCase(Locale.ROOT);
        return CITIES.stream().filter(c -> t.contains(c.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
    }

    /**
     * The spec's own quality rubric (section 6.1): Portuguese markers 0.3, at least 20 words 0.4,
     * no "error" 0.3. Templates satisfy it, so only truncated answers (small max_tokens) score low.
     */
    static double relevance(String content) {
        String t = content.toLowerCase(Locale.ROOT);
        double score = 0;
        if (t.contains("você") || t.contains("nosso") || t.contains("empresa")) {
            score += 0.3;
        }
        if (t.split("\\s+").length >= 20) {
            score += 0.4;
        }
        if (!t.contains("error")) {
            score += 0.3;
        }
        return Math.round(score * 10) / 10.0;
    }
}
