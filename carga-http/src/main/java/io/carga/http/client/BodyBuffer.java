package io.carga.http.client;

import java.util.Arrays;

/** Collects a whole body; sized exactly up front when the length is announced. */
final class BodyBuffer implements BodySink {
    private static final int MAX_PRESIZE = 1 << 20;
    private byte[] bytes;
    private int size;

    BodyBuffer(long contentLength) {
        bytes = contentLength == 0 ? EMPTY : new byte[(int) Math.min(contentLength >= 0 ? contentLength : 1024, MAX_PRESIZE)];
    }

    static final byte[] EMPTY = new byte[0];

    @Override
    public boolean onData(byte[] buf, int off, int len, long arrivalNanos) {
        if (size + len > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + len, bytes.length * 2));
        }
        System.arraycopy(buf, off, bytes, size, len);
        size += len;
        return true;
    }

    byte[] toArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
