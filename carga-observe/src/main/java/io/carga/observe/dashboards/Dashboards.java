package io.carga.observe.dashboards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * carga's Grafana dashboards, kept as data (the JSON files beside this class) and written out with the
 * provisioning files a Grafana needs to load them against a Prometheus. Every dashboard sets the target's
 * own metrics beside carga's, filtered to the runs picked in its {@code run_id} variable through
 * {@code carga_run_info}.
 */
public final class Dashboards {
    /** The datasource uid every panel names; the provisioned datasource carries it. */
    public static final String DATASOURCE_UID = "carga-prometheus";

    /** The resource files, in the spec's order. */
    public static final List<String> FILES = List.of("api-performance.json", "database-performance.json",
            "ai-model-performance.json", "cost-tracking.json", "user-experience.json");

    private Dashboards() {
    }

    /** One dashboard's JSON, as stored. */
    public static String resource(String file) {
        try (InputStream in = Dashboards.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("no dashboard resource " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code out/dashboards/*.json}, {@code out/provisioning/dashboards/carga.yaml} (a file provider
     * on that folder) and {@code out/provisioning/datasources/prometheus.yaml} (at {@code prometheusUrl}).
     *
     * @return the files written
     */
    public static List<Path> write(Path out, String prometheusUrl) throws IOException {
        Path root = out.toAbsolutePath().normalize();
        Path dashboards = Files.createDirectories(root.resolve("dashboards"));
        List<Path> written = new ArrayList<>();
        for (String file : FILES) {
            written.add(Files.writeString(dashboards.resolve(file), resource(file)));
        }
        Path providers = Files.createDirectories(root.resolve("provisioning/dashboards"));
        written.add(Files.writeString(providers.resolve("carga.yaml"), """
                # Written by `carga dashboards`: loads carga's dashboards from the folder beside this one.
                apiVersion: 1
                providers:
                  - name: carga
                    orgId: 1
                    folder: carga
                    type: file
                    disableDeletion: false
                    allowUiUpdates: true
                    updateIntervalSeconds: 30
                    options:
                      path: %s
                """.formatted(yamlString(dashboards.toString()))));
        Path datasources = Files.createDirectories(root.resolve("provisioning/datasources"));
        written.add(Files.writeString(datasources.resolve("prometheus.yaml"), """
                # Written by `carga dashboards`: the Prometheus that scrapes carga's --listen and the target.
                apiVersion: 1
                datasources:
                  - name: Prometheus (carga)
                    uid: %s
                    type: prometheus
                    access: proxy
                    url: %s
                    isDefault: true
                    editable: true
                    jsonData:
                      timeInterval: 5s
                """.formatted(DATASOURCE_UID, yamlString(prometheusUrl))));
        return written;
    }

    /** A YAML double-quoted scalar. */
    private static String yamlString(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
