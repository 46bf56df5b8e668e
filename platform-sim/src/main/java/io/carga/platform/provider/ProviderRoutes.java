package io.carga.platform.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carga.platform.http.AiService;
import io.carga.platform.http.ApiError;
import io.carga.platform.http.Exchange;
import io.carga.platform.http.Router;
import io.carga.platform.http.Sse;
import io.carga.platform.llm.BusinessType;
import io.carga.platform.llm.Completion;
import io.carga.platform.llm.ContentGenerator;
import io.carga.platform.llm.LlmException;
import io.carga.platform.llm.LlmSimulator;
import io.carga.platform.llm.ModelProfile;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * The simulated providers' own APIs, served on the platform's base URL so carga's AI client can be pointed
 * here or at the real services without change: Gemini {@code POST /v1beta/models/{model}:generateContent}
 * and {@code :streamGenerateContent} ({@code ?alt=sse} for SSE, otherwise a streamed JSON array, as
 * Google does), and OpenAI {@code POST /v1/chat/completions} (with {@code stream}). Any non-empty API key
 * is accepted; errors use each provider's own envelope, never the platform's.
 */
public final class ProviderRoutes {
    private final LlmSimulator llm;
    private final ObjectMapper json;
    private final GeminiWire gemini;
    private final OpenAiWire openai;
    private final Clock clock;

    public ProviderRoutes(LlmSimulator llm, ObjectMapper json, Clock clock) {
        this.llm = llm;
        this.json = json;
        this.gemini = new GeminiWire(json);
        this.openai = new OpenAiWire(json);
        this.clock = clock;
    }

    public void register(Router r) {
        r.route("POST", "/v1beta/models/*", Router.Access.PUBLIC, this::gemini);
        r.route("POST", "/v1/chat/completions", Router.Access.PUBLIC, this::openai);
    }

    // ---- Gemini -------------------------------------------------------------------------------

    private void gemini(Exchange ex) throws Exception {
        String rest = ex.request().path().path().substring("/v1beta/models/".length());
        int colon = rest.lastIndexOf(':');
        String modelName = colon < 0 ? rest : rest.substring(0, colon);
        String method = colon < 0 ? "" : rest.substring(colon + 1);
        if (!method.equals("generateContent") && !method.equals("streamGenerateContent")) {
            geminiError(ex, 404, "Method not found: " + (method.isEmpty() ? "(none)" : method));
            return;
        }
        if (ex.header("x-goog-api-key").or(() -> ex.query("key")).or(() -> ex.header("Authorization")).isEmpty()) {
            geminiError(ex, 403, "Method doesn't allow unregistered callers (callers without established identity). "
                    + "Please use API Key or other form of API consumer identity to call this API.");
            return;
        }
        Optional<ModelProfile> model = ModelProfile.byName(modelName);
        if (model.isEmpty()) {
            geminiError(ex, 404, "models/" + modelName + " is not found for API version v1beta, or is not supported for "
                    + method + ". Call ListModels to see the list of available models and their supported methods.");
            return;
        }
        JsonNode body;
        try {
            body = ex.json().node();
        } catch (ApiError e) {
            geminiError(ex, e.status(), e.getMessage());
            return;
        }
        StringBuilder prompt = new StringBuilder();
        body.path("systemInstruction").path("parts").forEach(p -> prompt.append(p.path("text").asText()).append('\n'));
        JsonNode contents = body.path("contents");
        if (!contents.isArray() || contents.isEmpty()) {
            geminiError(ex, 400, "* GenerateContentRequest.contents: contents is not specified\n");
            return;
        }
        contents.forEach(c -> c.path("parts").forEach(p -> prompt.append(p.path("text").asText()).append('\n')));
        JsonNode max = body.path("generationConfig").path("maxOutputTokens");
        if (!max.isMissingNode() && (!max.canConvertToInt() || max.asInt() < 1)) {
            geminiError(ex, 400, "* GenerateContentRequest.generation_config.max_output_tokens: must be positive\n");
            return;
        }
        Completion c = plan(model.get(), prompt.toString().strip(), max.isMissingNode() ? null : max.asInt());
        try {
            llm.admit(c, ex.waits());
        } catch (LlmException e) {
            if (e.kind() == LlmException.Kind.RATE_LIMITED) {
                ex.header("Retry-After", Long.toString(e.retryAfterSeconds()));
                geminiError(ex, 429, "Resource has been exhausted (e.g. check quota).");
            } else {
                ex.header("Retry-After", Long.toString(e.retryAfterSeconds()));
                geminiError(ex, 503, e.getMessage());
            }
            return;
        }
        AiService.simHeaders(ex, c);
        if (method.equals("generateContent")) {
            llm.play(c, ex.startNanos(), ex.waits(), null);
            ex.send(200, gemini.response(c));
        } else if (ex.query("alt").filter("sse"::equals).isPresent()) {
            try (Sse sse = new Sse(ex.response())) {
                int[] sofar = {0};
                long[] actual = llm.play(c, ex.startNanos(), ex.waits(), (i, text) -> {
                    sofar[0] += c.chunkTokens().get(i);
                    sse.data(json.writeValueAsString(gemini.chunk(c, i, sofar[0])));
                });
                sse.comment(AiService.scheduleComment(c, ex.startNanos(), actual));
            }
        } else {
            // Without alt=sse Google streams one JSON array, elements written as they are generated.
            ex.response().status(200);
            ex.header("Content-Type", "application/json");
            try (OutputStream out = ex.response().outputStream()) {
                int[] sofar = {0};
                llm.play(c, ex.startNanos(), ex.waits(), (i, text) -> {
                    sofar[0] += c.chunkTokens().get(i);
                    out.write(((i == 0 ? "[" : ",\r\n") + json.writeValueAsString(gemini.chunk(c, i, sofar[0])))
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                });
                out.write((c.chunks().isEmpty() ? "[]" : "]").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void geminiError(Exchange ex, int status, String message) {
        ex.send(status, gemini.error(status, message));
    }

    // ---- OpenAI -------------------------------------------------------------------------------

    private void openai(Exchange ex) throws Exception {
        if (ex.header("Authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7) && h.length() > 7).isEmpty()) {
            ex.send(401, openai.error("You didn't provide an API key. You need to provide your API key in an Authorization "
                    + "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", "invalid_request_error", null, null));
            return;
        }
        JsonNode body;
        try {
            body = ex.json().node();
        } catch (ApiError e) {
            ex.send(e.status(), openai.error(e.getMessage(), "invalid_request_error", null, null));
            return;
        }
        if (!body.path("model").isTextual()) {
            ex.send(400, openai.error("you must provide a model parameter", "invalid_request_error", "model", null));
            return;
        }
        String modelName = body.path("model").asText();
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            ex.send(400, openai.error("Invalid 'messages': empty array. Expected an array with minimum length 1.",
                    "invalid_request_error", "messages", "empty_array"));
            return;
        }
        Optional<ModelProfile> model = ModelProfile.byName(modelName);
        if (model.isEmpty()) {
            ex.send(404, openai.error("The model `" + modelName + "` does not exist or you do not have access to it.",
                    "invalid_request_error", null, "model_not_found"));
            return;
        }
        StringBuilder prompt = new StringBuilder();
        for (JsonNode m : messages) {
            JsonNode content = m.path("content");
            if (content.isTextual()) {
                prompt.append(content.asText()).append('\n');
            } else {
                content.forEach(part -> prompt.append(part.path("text").asText()).append('\n'));
            }
        }
        JsonNode max = body.has("max_completion_tokens") ? body.path("max_completion_tokens") : body.path("max_tokens");
        if (!max.isMissingNode() && !max.isNull() && (!max.canConvertToInt() || max.asInt() < 1)) {
            ex.send(400, openai.error("Invalid 'max_tokens': integer below minimum value. Expected a value >= 1.",
                    "invalid_request_error", "max_tokens", "integer_below_min_value"));
            return;
        }
        boolean stream = body.path("stream").asBoolean(false);
        // The issue asks for usage in the final chunk; the real API needs stream_options.include_usage for
        // that, so it is on unless a client explicitly sets it to false.
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(true);
        Completion c = plan(model.get(), prompt.toString().strip(), max.isMissingNode() || max.isNull() ? null : max.asInt());
        try {
            llm.admit(c, ex.waits());
        } catch (LlmException e) {
            ex.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            if (e.kind() == LlmException.Kind.RATE_LIMITED) {
                boolean tokens = e.getMessage().contains("tokens");
                ex.send(429, openai.error("Rate limit reached for " + modelName + " on " + (tokens ? "tokens" : "requests")
                        + " per min. Please try again in " + e.retryAfterSeconds() + "s.", tokens ? "tokens" : "requests",
                        null, "rate_limit_exceeded"));
            } else {
                ex.send(503, openai.error("The server is overloaded or not ready yet.", "server_error", null, null));
            }
            return;
        }
        AiService.simHeaders(ex, c);
        long created = clock.instant().getEpochSecond();
        if (!stream) {
            llm.play(c, ex.startNanos(), ex.waits(), null);
            ex.send(200, openai.response(c, created));
            return;
        }
        Sse[] sse = new Sse[1];
        long[] actual = llm.play(c, ex.startNanos(), ex.waits(), (i, text) -> {
            if (i == 0) {
                // The role chunk goes out with the first token, as the real API sends them back to back.
                sse[0] = new Sse(ex.response());
                sse[0].data(json.writeValueAsString(openai.roleChunk(c, created, includeUsage)));
            }
            sse[0].data(json.writeValueAsString(openai.contentChunk(c, created, text, includeUsage)));
        });
        if (sse[0] == null) {
            sse[0] = new Sse(ex.response());
            sse[0].data(json.writeValueAsString(openai.roleChunk(c, created, includeUsage)));
        }
        try (Sse s = sse[0]) {
            s.data(json.writeValueAsString(openai.finishChunk(c, created, includeUsage)));
            if (includeUsage) {
                s.data(json.writeValueAsString(openai.usageChunk(c, created)));
            }
            s.comment(AiService.scheduleComment(c, ex.startNanos(), actual));
            s.data("[DONE]");
        }
    }

    private Completion plan(ModelProfile model, String prompt, Integer maxTokens) {
        String text = llm.generator().write(ContentGenerator.kindOf(prompt), BusinessType.mentionedIn(prompt).orElse(null),
                null, prompt, null);
        return llm.plan(model, prompt, text, maxTokens);
    }
}
