package io.carga.ui.page;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.carga.report.html.HtmlReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /}: the one page, with the chart library (uPlot, from its WebJar) inlined as the report does, so
 * it works on a machine without internet. The page holds no state of its own: it draws what the API says.
 */
public final class PageHandler implements HttpHandler {
    private final byte[] page;

    public PageHandler() {
        this.page = resource("index.html")
                .replace("/*UPLOT_CSS*/", HtmlReport.chartLibraryCss())
                .replace("/*CSS*/", resource("ui.css"))
                .replace("/*UPLOT_JS*/", HtmlReport.chartLibraryJs())
                .replace("/*APP_JS*/", resource("ui.js"))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            boolean get = ex.getRequestMethod().equals("GET") || ex.getRequestMethod().equals("HEAD");
            if (!get || !(path.equals("/") || path.equals("/index.html"))) {
                byte[] b = ("carga: nothing at " + path + " (the page is /, the API /api/v1)\n").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                ex.sendResponseHeaders(get ? 404 : 405, b.length);
                ex.getResponseBody().write(b);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            // no other origin may frame the page (its buttons would be clicked through an overlay)
            ex.getResponseHeaders().set("X-Frame-Options", "DENY");
            ex.getResponseHeaders().set("Content-Security-Policy", "frame-ancestors 'none'");
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
        }
    }

    private static String resource(String name) {
        try (InputStream in = PageHandler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from carga-ui's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
