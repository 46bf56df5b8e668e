package io.carga.shadow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A primary written on plain sockets, for the connection behaviours a framework server would hide: it reads
 * requests one by one and lets {@link Behaviour} answer each, or close the connection instead.
 */
final class RawPrimary implements AutoCloseable {
    /** One request as read: its method, target and body. */
    record Request(String method, String target, String body) {
    }

    interface Behaviour {
        /** The answer's bytes for the {@code n}th request (from 0) of a connection, or null to close it unanswered. */
        String answer(Request r, int n);
    }

    final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket server;
    private final Thread acceptor;

    RawPrimary(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(s, behaviour));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** An answer with a body and a length, keeping the connection, or closing it when {@code close}. */
    static String ok(String body, boolean close) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n" + body;
    }

    private static void serve(Socket s, Behaviour behaviour) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            s.setSoTimeout(10_000);
            for (int n = 0; ; n++) {
                Request r = read(in);
                if (r == null) {
                    return;
                }
                String answer = behaviour.answer(r, n);
                if (answer == null) {
                    return;
                }
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (answer.contains("Connection: close")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the proxy closed its side: this connection is done
        }
    }

    /** Reads one request, or null at the end of the stream. */
    static Request read(InputStream in) throws IOException {
        String head = head(in);
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r\n");
        String[] first = lines[0].split(" ");
        int length = 0;
        for (String l : lines) {
            if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(l.substring(15).trim());
            }
        }
        return new Request(first[0], first[1], new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    /** The bytes up to a blank line, or null at the end of the stream. */
    static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        int last4 = 0; // the last four bytes read, the newest lowest
        while ((c = in.read()) >= 0) {
            b.write(c);
            last4 = last4 << 8 | c;
            if (last4 == 0x0d0a0d0a) { // CR LF CR LF
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
