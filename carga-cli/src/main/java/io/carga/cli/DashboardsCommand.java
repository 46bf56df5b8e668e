package io.carga.cli;

import io.carga.observe.dashboards.Dashboards;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carga dashboards}: writes the Grafana dashboards and the provisioning that loads them. */
@Command(name = "dashboards", mixinStandardHelpOptions = true,
        description = {"Write carga's Grafana dashboards (API, database, AI models, cost, user experience) and the",
            "provisioning files for a Grafana: start it with GF_PATHS_PROVISIONING=DIR/provisioning."})
public final class DashboardsCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder to write dashboards/ and provisioning/ into (created if absent).")
    Path out;

    @Option(names = "--prometheus", paramLabel = "URL", defaultValue = "http://127.0.0.1:9090",
            description = "The Prometheus the datasource points at (default ${DEFAULT-VALUE}).")
    String prometheus;

    @Override
    public Integer call() throws Exception {
        URI uri;
        try {
            uri = URI.create(prometheus);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--prometheus: not a URL: " + prometheus);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new UsageException("--prometheus: expected an http(s) URL, got " + prometheus);
        }
        var written = Dashboards.write(out, prometheus);
        System.out.println("carga dashboards: wrote " + written.size() + " files under " + out.toAbsolutePath().normalize());
        System.out.println("  start Grafana with GF_PATHS_PROVISIONING=" + out.toAbsolutePath().normalize().resolve("provisioning"));
        return ExitCode.OK.code();
    }
}
