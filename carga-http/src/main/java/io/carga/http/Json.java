package io.carga.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the module: configured here, never changed afterwards, so it is safe to share. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static byte[] write(Object value) {
        return write(value, new PlainJson());
    }

    /** As {@link #write(Object)}, with a writer kept by the caller (one thread's). */
    static byte[] write(Object value, PlainJson writer) {
        byte[] plain = writer.encode(value);
        if (plain != null) {
            return plain;
        }
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
