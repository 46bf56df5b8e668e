package io.carga.platform.http;

import io.carga.platform.db.Sql;
import io.carga.platform.llm.BusinessType;
import io.carga.platform.llm.Completion;
import io.carga.platform.llm.ContentGenerator;
import io.carga.platform.llm.LlmException;
import io.carga.platform.llm.LlmSimulator;
import io.carga.platform.llm.ModelProfile;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the platform's AI departments share: ask the simulated LLM, report its schedule, store the
 * {@code ai_generations} row. Provider refusals become the platform's own 429/503 with Retry-After.
 */
public final class AiService {

    /** One department request to the model. */
    public record Ask(String department, ModelProfile model, ContentGenerator.Kind kind, BusinessType business,
                      String city, String prompt, String message, Integer maxTokens, long businessId, Long userId) {}

    /** What came back: the completion, when its chunks were really emitted, and the stored row id. */
    public record Answer(Completion completion, long[] actualOffsetsMicros, long generationId, long latencyMs) {}

    private final LlmSimulator llm;
    private final Sql sql;

    public AiService(LlmSimulator llm, Sql sql) {
        this.llm = llm;
        this.sql = sql;
    }

    public Completion plan(Ask a) {
        String text = llm.generator().write(a.kind(), a.business(), a.city(), a.prompt(), a.message());
        return llm.plan(a.model(), a.prompt(), text, a.maxTokens());
    }

    /**
     * Admits and plays {@code c}; with a sink, chunks are handed over as they become due (streaming).
     * Sets the {@code X-Sim-*} headers before anything is sent.
     */
    public Answer run(Exchange ex, Ask a, Completion c, LlmSimulator.ChunkSink sink) throws Exception {
        try {
            llm.admit(c, ex.waits());
        } catch (LlmException e) {
            throw toApiError(e, "model");
        }
        simHeaders(ex, c);
        long[] actual = llm.play(c, ex.startNanos(), ex.waits(), sink);
        long latency = (System.nanoTime() - ex.startNanos()) / 1_000_000;
        long id = store(a, c, latency);
        return new Answer(c, actual, id, latency);
    }

    /** Headers announcing the planned schedule, so a client can compare what it measured. */
    public static void simHeaders(Exchange ex, Completion c) {
        ex.header("X-Sim-Model", c.model().name());
        ex.header("X-Sim-TTFT-Ms", Completion.ms(c.ttftMicros()));
        ex.header("X-Sim-Total-Ms", Completion.ms(c.totalMicros()));
        ex.header("X-Sim-Chunk-Tokens", String.join(",", c.chunkTokens().stream().map(String::valueOf).toList()));
        ex.header("X-Sim-Schedule-Ms", c.scheduleHeader());
    }

    /**
     * The JSON of the final SSE comment: planned and actual chunk offsets, ms after request arrival with
     * microsecond decimals ({@code actual} is in microseconds), and the arrival itself as the server's
     * {@code System.nanoTime()} ({@code start_ns}: on Linux every process on the machine reads the same
     * monotonic clock, so a client there can tell request delivery apart from response delivery).
     */
    public static String scheduleComment(Completion c, long startNanos, long[] actualMicros) {
        return "x-sim {\"model\":\"" + c.model().name() + "\",\"start_ns\":" + startNanos + ",\"ttft_ms\":" + Completion.ms(c.ttftMicros())
                + ",\"planned_ms\":[" + Completion.msList(c.chunkDueMicros(), ",") + "],\"actual_ms\":["
                + Completion.msList(actualMicros, ",") + "],\"chunk_tokens\":" + c.chunkTokens().toString().replace(" ", "") + "}";
    }

    public static ApiError toApiError(LlmException e, String field) {
        return switch (e.kind()) {
            case RATE_LIMITED -> new ApiError(429, "rate_limited", field, e.getMessage())
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()));
            case UNAVAILABLE -> new ApiError(503, "llm_unavailable", field, e.getMessage())
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()));
        };
    }

    private long store(Ask a, Completion c, long latencyMs) throws SQLException {
        return sql.query("insert_generation", conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO ai_generations (business_id, user_id, department, "
                    + "model, prompt, content, input_tokens, output_tokens, cost, latency_ms) "
                    // A user erased under LGPD may still hold a valid token: keep the row, drop the link.
                    + "VALUES (?, (SELECT id FROM users WHERE id = ?), ?,?,?,?,?,?,?,?) RETURNING id")) {
                ps.setLong(1, a.businessId());
                if (a.userId() == null) {
                    ps.setNull(2, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(2, a.userId());
                }
                ps.setString(3, a.department());
                ps.setString(4, c.model().name());
                ps.setString(5, a.prompt());
                ps.setString(6, c.text());
                ps.setInt(7, c.promptTokens());
                ps.setInt(8, c.completionTokens());
                ps.setBigDecimal(9, java.math.BigDecimal.valueOf(c.cost()));
                ps.setInt(10, (int) Math.min(Integer.MAX_VALUE, latencyMs));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
