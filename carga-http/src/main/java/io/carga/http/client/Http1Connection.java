package io.carga.http.client;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 connection over a blocking socket, used by one thread at a time (a virtual thread parks on
 * its reads). One request is in flight at a time: no pipelining.
 *
 * <p>Why blocking sockets: on virtual threads a blocking read costs one park and one unpark, and the code is a
 * plain loop over one reusable buffer. The bench in {@code bench/http} compares it with the JDK's HttpClient.
 *
 * <p>An exchange is {@link #write}, {@link #readHead}, then {@link #readBody}; the timestamps of the last
 * exchange stay readable in {@link #sentNanos()} and {@link #firstByteNanos()}.
 */
final class Http1Connection implements Closeable {

    private static final int BUFFER_SIZE = 16 * 1024;
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_COALESCED_WRITE = 64 * 1024;

    final Origin origin;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final long connectNanos;
    private byte[] buf = new byte[BUFFER_SIZE];
    private int pos;
    private int lim;
    private byte[] writeBuf;
    private long lastReadNanos;
    private long sentNanos;
    private long firstByteNanos;
    private long bytesRead;
    private int exchanges;
    private boolean open = true;
    private final Watchdog watchdog;
    /** The {@link System#nanoTime()} by which the exchange in flight must end; 0 when none is; -1 once expired. */
    private volatile long deadline;
    private static final java.lang.invoke.VarHandle DEADLINE;

    static {
        try {
            DEADLINE = java.lang.invoke.MethodHandles.lookup().findVarHandle(Http1Connection.class, "deadline", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Http1Connection(Origin origin, Socket socket, long connectNanos, Watchdog watchdog) throws IOException {
        this.origin = origin;
        this.watchdog = watchdog;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.connectNanos = connectNanos;
    }

    /** Connects (and shakes hands for https) within the connect timeout; raw I/O exceptions are left to classify. */
    static Http1Connection open(Origin origin, ClientConfig config, Watchdog watchdog) throws IOException {
        long t0 = System.nanoTime();
        long timeoutMs = Math.max(1, config.connectTimeout().toMillis());
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            InetSocketAddress address = new InetSocketAddress(origin.host(), origin.port());
            if (address.isUnresolved()) {
                throw new UnknownHostException(origin.host());
            }
            s.connect(address, (int) Math.min(Integer.MAX_VALUE, timeoutMs));
            Socket sock = s;
            if (origin.secure()) {
                SSLSocket tls = (SSLSocket) config.tls().context().getSocketFactory()
                        .createSocket(s, origin.host(), origin.port(), true);
                SSLParameters p = tls.getSSLParameters();
                if (config.tls().verifyHostname()) {
                    p.setEndpointIdentificationAlgorithm("HTTPS");
                }
                p.setApplicationProtocols(new String[] {"http/1.1"});
                tls.setSSLParameters(p);
                long left = timeoutMs - (System.nanoTime() - t0) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException("connect timed out before the TLS handshake");
                }
                tls.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                tls.startHandshake();
                tls.setSoTimeout(0);
                sock = tls;
            }
            Http1Connection c = new Http1Connection(origin, sock, System.nanoTime() - t0, watchdog);
            watchdog.watch(c);
            return c;
        } catch (IOException | RuntimeException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw e;
        }
    }

    long connectNanos() {
        return connectNanos;
    }

    int exchanges() {
        return exchanges;
    }

    /** Open, and no stray bytes wait in the buffer (a server that sent more than its response). */
    boolean isReusable() {
        return open && pos == lim;
    }

    boolean isOpen() {
        return open;
    }

    long sentNanos() {
        return sentNanos;
    }

    long firstByteNanos() {
        return firstByteNanos;
    }

    long lastReadNanos() {
        return lastReadNanos;
    }

    /** Bytes read from the socket since the last {@link #write}. */
    long bytesRead() {
        return bytesRead;
    }

    /**
     * Writes one request: its cached head, extra header lines (each ending in CRLF, may be null) and the body,
     * in one socket write when they fit.
     */
    void write(byte[] head, String extraHeaders, byte[] body, long deadline) throws IOException {
        this.deadline = deadline;
        try {
            write(head, extraHeaders, body);
        } catch (IOException e) {
            throw timedOut() ? timeout() : e;
        }
    }

    /**
     * Ends the exchange in flight. Returns false when the watchdog expired it first: the socket is then
     * closed, though the response may have arrived whole.
     */
    boolean finish() {
        long d = deadline;
        return d != -1 && DEADLINE.compareAndSet(this, d, 0L);
    }

    /** Called by the watchdog: closes the socket when the exchange in flight is overdue. */
    void expireIfOverdue(long now) {
        long d = deadline;
        if (d > 0 && now - d >= 0 && DEADLINE.compareAndSet(this, d, -1L)) {
            close();
        }
    }

    boolean timedOut() {
        return deadline == -1;
    }

    private static SocketTimeoutException timeout() {
        return new SocketTimeoutException("no complete response within the response timeout");
    }

    private void write(byte[] head, String extraHeaders, byte[] body) throws IOException {
        exchanges++;
        bytesRead = 0;
        firstByteNanos = 0;
        if (pos != lim) {
            throw new IOException("unexpected bytes before the request (the server sent more than its response)");
        }
        pos = lim = 0;
        sentNanos = System.nanoTime();
        if (extraHeaders == null && body.length == 0) {
            out.write(head);
            out.flush();
            return;
        }
        int headLength = head.length;
        int extra = extraHeaders == null ? 0 : extraHeaders.length();
        int total = headLength + extra + body.length;
        if (writeBuf == null || writeBuf.length < Math.min(total, MAX_COALESCED_WRITE)) {
            writeBuf = new byte[Math.max(1024, Math.min(total, MAX_COALESCED_WRITE))];
        }
        int n;
        if (extra == 0) {
            System.arraycopy(head, 0, writeBuf, 0, headLength);
            n = headLength;
        } else {
            if (headLength - 2 + extra + 2 > writeBuf.length) {
                writeBuf = new byte[headLength + extra];
            }
            System.arraycopy(head, 0, writeBuf, 0, headLength - 2);
            n = headLength - 2;
            for (int i = 0; i < extra; i++) {
                writeBuf[n++] = (byte) extraHeaders.charAt(i);
            }
            writeBuf[n++] = '\r';
            writeBuf[n++] = '\n';
        }
        if (n + body.length <= writeBuf.length) {
            System.arraycopy(body, 0, writeBuf, n, body.length);
            out.write(writeBuf, 0, n + body.length);
        } else {
            out.write(writeBuf, 0, n);
            out.write(body);
        }
        out.flush();
    }

    /** Reads the status line and headers, skipping interim 1xx responses. */
    ResponseHead readHead(boolean headRequest) throws IOException {
        while (true) {
            ResponseHead h = readOneHead();
            int s = h.status;
            if (s >= 100 && s < 200 && s != 101) {
                continue;
            }
            if (headRequest || s == 204 || s == 304 || s == 101) {
                h.noBody = true;
            }
            return h;
        }
    }

    private ResponseHead readOneHead() throws IOException {
        int scanned = 0;
        int end;
        while ((end = headEnd(pos + Math.max(0, scanned - 3), lim)) < 0) {
            scanned = lim - pos;
            if (scanned >= MAX_HEAD) {
                throw new HttpFailure(FailureKind.PROTOCOL, "response head larger than 64 KiB", null, 0, 0);
            }
            if (!fill()) {
                throw new EOFException(scanned == 0 ? "connection closed by the server before the response"
                        : "connection closed by the server inside the response head");
            }
        }
        ResponseHead h = parseHead(pos, end);
        pos = end;
        return h;
    }

    /** Index just after the blank line ending a head in [from, to), or -1. */
    private int headEnd(int from, int to) {
        byte[] b = buf;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                if (i + 1 < to && b[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < to && b[i + 1] == '\r' && b[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return -1;
    }

    private ResponseHead parseHead(int start, int end) throws HttpFailure {
        byte[] b = buf;
        int eol = indexOf(b, '\n', start, end);
        int le = eol > start && b[eol - 1] == '\r' ? eol - 1 : eol;
        if (le - start < 12 || b[start] != 'H' || b[start + 1] != 'T' || b[start + 2] != 'T' || b[start + 3] != 'P'
                || b[start + 4] != '/' || b[start + 5] != '1' || b[start + 6] != '.' || b[start + 8] != ' '
                || !digit(b[start + 9]) || !digit(b[start + 10]) || !digit(b[start + 11])) {
            throw new HttpFailure(FailureKind.PROTOCOL, "not an HTTP/1.x status line: '"
                    + new String(b, start, Math.min(le - start, 80), java.nio.charset.StandardCharsets.ISO_8859_1)
                    + "'", null, 0, 0);
        }
        ResponseHead h = new ResponseHead();
        h.status = (b[start + 9] - '0') * 100 + (b[start + 10] - '0') * 10 + (b[start + 11] - '0');
        boolean http10 = b[start + 7] == '0';
        boolean close = false;
        boolean keepAlive = false;
        int[] offsets = new int[32];
        int count = 0;
        int p = eol + 1;
        while (p < end) {
            eol = indexOf(b, '\n', p, end);
            le = eol > p && b[eol - 1] == '\r' ? eol - 1 : eol;
            if (le == p) {
                break;
            }
            int colon = indexOf(b, ':', p, le);
            if (colon <= p) {
                throw new HttpFailure(FailureKind.PROTOCOL, "malformed response header line", null, 0, 0);
            }
            int vs = colon + 1;
            while (vs < le && (b[vs] == ' ' || b[vs] == '\t')) {
                vs++;
            }
            int ve = le;
            while (ve > vs && (b[ve - 1] == ' ' || b[ve - 1] == '\t')) {
                ve--;
            }
            switch (colon - p) {
                case 14 -> {
                    if (nameIs(b, p, "content-length")) {
                        h.contentLength = parseLength(b, vs, ve);
                    }
                }
                case 17 -> {
                    if (nameIs(b, p, "transfer-encoding")) {
                        h.chunked = endsWithIgnoreCase(b, vs, ve, "chunked");
                    }
                }
                case 10 -> {
                    if (nameIs(b, p, "connection")) {
                        close |= containsIgnoreCase(b, vs, ve, "close");
                        keepAlive |= containsIgnoreCase(b, vs, ve, "keep-alive");
                    }
                }
                case 16 -> {
                    if (nameIs(b, p, "content-encoding")) {
                        h.gzip = containsIgnoreCase(b, vs, ve, "gzip");
                    }
                }
                default -> { }
            }
            if (4 * count + 4 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[4 * count] = p - start;
            offsets[4 * count + 1] = colon - start;
            offsets[4 * count + 2] = vs - start;
            offsets[4 * count + 3] = ve - start;
            count++;
            p = eol + 1;
        }
        if (h.chunked) {
            h.contentLength = -1;
        }
        h.keepAlive = !close && (!http10 || keepAlive);
        h.headers = new Headers(Arrays.copyOfRange(b, start, end), offsets, count);
        return h;
    }

    /**
     * Reads the body into the sink. Returns true when the body ended and the connection can carry the next
     * request; false when it was closed (end-of-stream framing, {@code Connection: close}, or the sink stopped).
     */
    boolean readBody(ResponseHead h, BodySink sink) throws IOException {
        boolean complete;
        if (h.noBody) {
            complete = true;
        } else if (h.chunked) {
            complete = readChunked(sink);
        } else if (h.contentLength >= 0) {
            complete = readFixed(h.contentLength, sink);
        } else {
            complete = readToEnd(sink);
            h.keepAlive = false;
        }
        if (complete) {
            sink.onEnd(lastReadNanos);
        }
        if (!complete || !h.keepAlive) {
            close();
            return false;
        }
        return true;
    }

    private boolean readFixed(long length, BodySink sink) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            if (pos == lim && !fill()) {
                throw new EOFException("connection closed by the server with " + remaining + " of "
                        + length + " body bytes missing");
            }
            int n = (int) Math.min(lim - pos, remaining);
            int at = pos;
            pos += n;
            remaining -= n;
            if (!sink.onData(buf, at, n, lastReadNanos)) {
                return false;
            }
        }
        return true;
    }

    private boolean readChunked(BodySink sink) throws IOException {
        while (true) {
            long size = readChunkSize();
            if (size == 0) {
                while (readLineLength() > 0) {
                    // trailer fields are not needed
                }
                return true;
            }
            if (!readFixed(size, sink)) {
                return false;
            }
            if (readLineLength() != 0) {
                throw new HttpFailure(FailureKind.PROTOCOL, "chunk not followed by CRLF", null, 0, 0);
            }
        }
    }

    private boolean readToEnd(BodySink sink) throws IOException {
        while (true) {
            if (pos == lim && !fill()) {
                return true;
            }
            int at = pos;
            int n = lim - pos;
            pos = lim;
            if (!sink.onData(buf, at, n, lastReadNanos)) {
                return false;
            }
        }
    }

    private long readChunkSize() throws IOException {
        int eol = lineEnd();
        long size = 0;
        int digits = 0;
        for (int i = pos; i < eol; i++) {
            int d = Character.digit(buf[i], 16);
            if (d < 0) {
                break;
            }
            size = size * 16 + d;
            if (++digits > 15) {
                throw new HttpFailure(FailureKind.PROTOCOL, "chunk size too large", null, 0, 0);
            }
        }
        if (digits == 0) {
            throw new HttpFailure(FailureKind.PROTOCOL, "malformed chunk size line", null, 0, 0);
        }
        pos = eol + 1;
        return size;
    }

    /** Consumes one line and returns its length without the line break. */
    private int readLineLength() throws IOException {
        int eol = lineEnd();
        int len = eol - pos - (eol > pos && buf[eol - 1] == '\r' ? 1 : 0);
        pos = eol + 1;
        return len;
    }

    private int lineEnd() throws IOException {
        int eol;
        while ((eol = indexOf(buf, '\n', pos, lim)) < 0) {
            if (lim - pos > 8192) {
                throw new HttpFailure(FailureKind.PROTOCOL, "chunk framing line longer than 8 KiB", null, 0, 0);
            }
            if (!fill()) {
                throw new EOFException("connection closed by the server inside the chunked body");
            }
        }
        return eol;
    }

    private boolean fill() throws IOException {
        if (pos == lim) {
            pos = lim = 0;
        } else if (lim == buf.length) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            } else {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
        int n;
        try {
            n = in.read(buf, lim, buf.length - lim);
        } catch (IOException e) {
            throw timedOut() ? timeout() : e;
        }
        lastReadNanos = System.nanoTime();
        if (n <= 0) {
            if (timedOut()) {
                throw timeout();
            }
            return false;
        }
        if (firstByteNanos == 0) {
            firstByteNanos = lastReadNanos;
        }
        lim += n;
        bytesRead += n;
        return true;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            watchdog.forget(this);
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do about a failing close
            }
        }
    }

    private static int indexOf(byte[] b, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static boolean nameIs(byte[] b, int at, String lowerName) {
        for (int i = 0; i < lowerName.length(); i++) {
            if (lower(b[at + i]) != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithIgnoreCase(byte[] b, int s, int e, String lowerWord) {
        return e - s >= lowerWord.length() && nameIs(b, e - lowerWord.length(), lowerWord);
    }

    private static boolean containsIgnoreCase(byte[] b, int s, int e, String lowerWord) {
        for (int i = s; i + lowerWord.length() <= e; i++) {
            if (nameIs(b, i, lowerWord)) {
                return true;
            }
        }
        return false;
    }

    private static long parseLength(byte[] b, int s, int e) throws HttpFailure {
        if (s == e || e - s > 18) {
            throw new HttpFailure(FailureKind.PROTOCOL, "malformed Content-Length", null, 0, 0);
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            if (!digit(b[i])) {
                throw new HttpFailure(FailureKind.PROTOCOL, "malformed Content-Length", null, 0, 0);
            }
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    /** What the head of a response says about its body and the connection. */
    static final class ResponseHead {
        int status;
        Headers headers;
        long contentLength = -1;
        boolean chunked;
        boolean keepAlive;
        boolean gzip;
        boolean noBody;
    }
}
