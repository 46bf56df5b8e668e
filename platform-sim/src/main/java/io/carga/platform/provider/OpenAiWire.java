package io.carga.platform.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.platform.llm.Completion;

/**
 * The OpenAI Chat Completions shapes: {@code chat.completion} and the {@code chat.completion.chunk} stream.
 * A stream is: a first chunk with the role and empty content, one chunk per token, a chunk with an empty
 * delta and the finish reason, then (with {@code stream_options.include_usage}) a chunk with no choices and
 * the usage, then {@code data: [DONE]}. With include_usage every earlier chunk carries {@code "usage":null},
 * as the real API does.
 */
public final class OpenAiWire {
    private final ObjectMapper json;

    public OpenAiWire(ObjectMapper json) {
        this.json = json;
    }

    public static String completionId(Completion c) {
        return "chatcmpl-" + c.id().substring(0, 29);
    }

    public ObjectNode response(Completion c, long created) {
        ObjectNode root = head(c, created, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode msg = choice.putObject("message");
        msg.put("role", "assistant");
        msg.put("content", c.text());
        msg.putNull("refusal");
        msg.putArray("annotations");
        choice.putNull("logprobs");
        choice.put("finish_reason", c.finishReason());
        root.set("usage", usage(c));
        root.put("service_tier", "default");
        root.putNull("system_fingerprint");
        return root;
    }

    /** The first chunk: role and empty content. */
    public ObjectNode roleChunk(Completion c, long created, boolean includeUsage) {
        ObjectNode delta = json.createObjectNode().put("role", "assistant").put("content", "");
        delta.putNull("refusal");
        return chunk(c, created, delta, null, includeUsage);
    }

    public ObjectNode contentChunk(Completion c, long created, String text, boolean includeUsage) {
        return chunk(c, created, json.createObjectNode().put("content", text), null, includeUsage);
    }

    public ObjectNode finishChunk(Completion c, long created, boolean includeUsage) {
        return chunk(c, created, json.createObjectNode(), c.finishReason(), includeUsage);
    }

    public ObjectNode usageChunk(Completion c, long created) {
        ObjectNode root = head(c, created, "chat.completion.chunk");
        root.put("service_tier", "default");
        root.putNull("system_fingerprint");
        root.putArray("choices");
        root.set("usage", usage(c));
        return root;
    }

    private ObjectNode chunk(Completion c, long created, ObjectNode delta, String finish, boolean includeUsage) {
        ObjectNode root = head(c, created, "chat.completion.chunk");
        root.put("service_tier", "default");
        root.putNull("system_fingerprint");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        if (includeUsage) {
            root.putNull("usage");
        }
        return root;
    }

    private ObjectNode head(Completion c, long created, String object) {
        ObjectNode root = json.createObjectNode();
        root.put("id", completionId(c));
        root.put("object", object);
        root.put("created", created);
        root.put("model", c.model().name());
        return root;
    }

    private ObjectNode usage(Completion c) {
        ObjectNode u = json.createObjectNode();
        u.put("prompt_tokens", c.promptTokens());
        u.put("completion_tokens", c.completionTokens());
        u.put("total_tokens", c.totalTokens());
        u.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        u.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        return u;
    }

    /** OpenAI's error envelope. {@code type} is e.g. invalid_request_error, requests, tokens, server_error. */
    public ObjectNode error(String message, String type, String param, String code) {
        ObjectNode root = json.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        e.put("type", type);
        if (param == null) {
            e.putNull("param");
        } else {
            e.put("param", param);
        }
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return root;
    }
}
