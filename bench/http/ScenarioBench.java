// The HTTP scenario API's overhead, through the real engine: 64 users, no think time, for SECONDS each,
// against one endpoint that answers a small JSON document to POSTs.
//   1. quick mode  : QuickHttp (what `carga run --url URL -X POST --body ...` runs), body discarded
//   2. scenario API: an HttpUser that posts a JSON map (Jackson) and checks one JSON field
// Goal (issue 3): the scenario reaches >= 85 % of the quick mode's requests/s.
// Usage: java -cp CLASSPATH bench/http/ScenarioBench.java URL USERS SECONDS [scenario-only]

import io.carga.core.api.Task;
import io.carga.core.config.RunConfig;
import io.carga.core.config.Scenario;
import io.carga.core.config.UserSpec;
import io.carga.core.engine.Engine;
import io.carga.core.load.ClosedModel;
import io.carga.core.metrics.MetricsHub;
import io.carga.core.output.RunResult;
import io.carga.http.Checks;
import io.carga.http.HttpUser;
import io.carga.http.QuickHttp;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

public class ScenarioBench {

    public static class JsonPoster extends HttpUser {
        @Task
        void generate() {
            http().post("/json")
                    .json(Map.of("prompt", "Crie um post para Instagram de uma padaria", "model", "gemini-2.5-flash"))
                    .check(Checks.jsonPath("$.status", "ok"))
                    .send();
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int users = Integer.parseInt(args[1]);
        Duration d = Duration.ofSeconds(Long.parseLong(args[2]));
        String base = url.substring(0, url.indexOf('/', "http://".length()));
        Scenario quick = QuickHttp.scenario(url, "POST", List.of(),
                "{\"prompt\":\"Crie um post para Instagram de uma padaria\",\"model\":\"gemini-2.5-flash\"}");
        Scenario api = new Scenario("api", List.of(UserSpec.of(JsonPoster.class)));
        boolean only = args.length > 3 && args[3].equals("scenario-only");   // for profiling the API path
        double q = only ? 1 : run("quick", quick, base, users, d);
        double a = run("scenario", api, base, users, d);
        System.out.printf("scenario/quick ratio=%.3f (goal >= 0.85)%n", a / q);
        System.exit(0);
    }

    static double run(String label, Scenario s, String base, int users, Duration d) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        RunConfig config = RunConfig.of(s, ClosedModel.of(users, 0, d)).withTarget(base).withSeed(1);
        long cpu0 = os.getProcessCpuTime();
        RunResult r = new Engine(config, new MetricsHub(), List.of(), label).run();
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        long n = r.aggregate().total().count();
        double rps = n / r.aggregate().durationSeconds();
        System.out.printf("%s requests=%d errors=%d rps=%.0f cpu_us_per_req=%.2f p99_ms=%.2f%n", label, n,
                r.aggregate().total().errors(), rps, cpu * 1e6 / n, r.aggregate().total().latencyMs(99));
        return rps;
    }
}
