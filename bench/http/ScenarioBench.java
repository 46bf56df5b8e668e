// The HTTP scenario API's overhead, through the real engine: 64 users, no think time, for SECONDS each,
// against one endpoint that answers a small JSON document to POSTs.
//   1. quick mode  : QuickHttp (what `carga run --url URL -X POST --body ...` runs), body discarded
//   2. scenario API: an HttpUser that posts a JSON map (Jackson) and checks one JSON field
// Goal (issue 3): the scenario reaches >= 85 % of the quick mode's requests/s.
// Both run 3 s unrecorded first; then ROUNDS (default 2) measured rounds alternate which path goes first.
// Usage: java -cp CLASSPATH bench/http/ScenarioBench.java URL USERS SECONDS [ROUNDS | scenario-only | quick-only]

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
        int rounds = args.length > 3 && !args[3].endsWith("-only") ? Integer.parseInt(args[3]) : 2;
        String base = url.substring(0, url.indexOf('/', "http://".length()));
        Scenario quick = QuickHttp.scenario(url, "POST", List.of(),
                "{\"prompt\":\"Crie um post para Instagram de uma padaria\",\"model\":\"gemini-2.5-flash\"}");
        Scenario api = new Scenario("api", List.of(UserSpec.of(JsonPoster.class)));
        if (args.length > 3 && args[3].endsWith("-only")) {   // for profiling one path
            Scenario one = args[3].equals("quick-only") ? quick : api;
            run("warm-up", one, base, users, Duration.ofSeconds(3));
            run(args[3], one, base, users, d);
            System.exit(0);
        }
        // Both paths are compiled before the clock starts (the quick mode warms up by default too): the goal
        // is the API's steady-state overhead, not which path the JIT reached first.
        Duration warm = Duration.ofSeconds(3);
        run("warm-up quick", quick, base, users, warm);
        run("warm-up scenario", api, base, users, warm);
        List<Double> ratios = new java.util.ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            boolean quickFirst = i % 2 == 1;   // alternate, so neither path always runs on a fresher machine
            double q = quickFirst ? run("quick", quick, base, users, d) : 0;
            double a = run("scenario", api, base, users, d);
            if (!quickFirst) {
                q = run("quick", quick, base, users, d);
            }
            ratios.add(a / q);
            System.out.printf("round %d: scenario/quick ratio=%.3f%n", i, a / q);
        }
        ratios.sort(null);
        int n = ratios.size();
        double median = n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
        System.out.printf("median scenario/quick ratio=%.3f of %d rounds (goal >= 0.85)%n", median, n);
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
