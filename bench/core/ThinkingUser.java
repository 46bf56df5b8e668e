import io.carga.core.api.Task;
import io.carga.core.api.WaitTime;
import io.carga.http.HttpUser;

/** One request, then 2–8 s of think time: 100,000 of these make 20,000 requests/s. */
public class ThinkingUser extends HttpUser {
    @Override
    public WaitTime waitTime() {
        return WaitTime.between(2, 8);
    }

    @Task
    void ping() {
        http().get("/ping").name("GET /ping").send();
    }
}
