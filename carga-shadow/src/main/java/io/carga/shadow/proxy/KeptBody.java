package io.carga.shadow.proxy;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;

/** The first {@link Answer#MAX_BODY} bytes of a body read in parts, and whether more came. */
final class KeptBody {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean truncated;

    /** Keeps what fits of {@code part}'s readable bytes, leaving its reader index where it was. */
    void add(ByteBuf part) {
        int n = part.readableBytes();
        int room = Answer.MAX_BODY - bytes.size();
        if (n > room) {
            truncated = true;
        }
        if (room > 0 && n > 0) {
            byte[] b = new byte[Math.min(n, room)];
            part.getBytes(part.readerIndex(), b);
            bytes.writeBytes(b);
        }
    }

    /** The answer these bytes end. */
    Answer answer(int status, java.util.Map<String, java.util.List<String>> headers, long nanos) {
        return new Answer(status, headers, bytes.toByteArray(), truncated, nanos);
    }
}
