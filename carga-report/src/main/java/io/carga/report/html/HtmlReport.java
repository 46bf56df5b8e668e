package io.carga.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Fills the report template: the chart library (uPlot, read from its WebJar on the classpath), the
 * report's own CSS and script, and the data as JSON. The result is one file that needs no network.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";

    private HtmlReport() {
    }

    /** The page for {@code dataJson} (the report model serialized). */
    public static String render(String title, String dataJson) {
        String template = resource("report.html");
        String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        // Replace the data last, and guard it: a request name may contain "</script>".
        String safeData = dataJson.replace("</", "<\\/").replace("<!--", "<\\!--");
        return template
                .replace("/*TITLE*/", escape(title))
                .replace("/*UPLOT_CSS*/", classpath(uplot + "uPlot.min.css"))
                .replace("/*CSS*/", resource("report.css"))
                .replace("/*UPLOT_JS*/", classpath(uplot + "uPlot.iife.min.js"))
                .replace("/*SECTIONS_JS*/", resource("report-shadow.js"))
                .replace("/*APP_JS*/", resource("report.js"))
                .replace("/*DATA*/", safeData);
    }

    /** The chart library's script and style sheet, for another page that draws carga's charts (the web UI). */
    public static String chartLibraryJs() {
        return classpath("/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/uPlot.iife.min.js");
    }

    public static String chartLibraryCss() {
        return classpath("/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/uPlot.min.css");
    }

    static String uplotVersion() {
        Properties p = new Properties();
        try (InputStream in = HtmlReport.class.getResourceAsStream("chart-library.properties")) {
            if (in == null) {
                throw new IllegalStateException("chart-library.properties missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("uplot.version");
    }

    private static String resource(String name) {
        return read(HtmlReport.class.getResourceAsStream(name), name);
    }

    private static String classpath(String path) {
        return read(HtmlReport.class.getResourceAsStream(path), path);
    }

    private static String read(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath (is the uPlot WebJar a dependency?)");
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
