package io.carga.ui.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carga.core.load.LoadChange;
import io.carga.report.html.SeriesTimeline;
import io.carga.report.results.RunMeta;
import java.util.List;

/**
 * The body of {@code GET /api/v1/history}: the charts' columns (uPlot's data layout) from a point on, so a
 * page polling every second fetches only what it has not drawn.
 */
final class HistoryJson {
    private HistoryJson() {
    }

    static ObjectNode of(List<SeriesTimeline.Bucket> buckets, String request, int since, List<LoadChange> changes) {
        String name = request == null || request.isBlank() ? SeriesTimeline.ALL : request;
        ObjectNode n = LiveRun.JSON.createObjectNode();
        n.put("request", name.equals(SeriesTimeline.ALL) ? null : name);
        n.put("next", buckets.size());
        ArrayNode t = n.putArray("t");
        ArrayNode users = n.putArray("users");
        ArrayNode dropped = n.putArray("dropped");
        ArrayNode rps = n.putArray("rps");
        ArrayNode eps = n.putArray("eps");
        ArrayNode p50 = n.putArray("p50");
        ArrayNode p95 = n.putArray("p95");
        ArrayNode p99 = n.putArray("p99");
        for (int i = Math.max(0, since); i < buckets.size(); i++) {
            SeriesTimeline.Bucket b = buckets.get(i);
            SeriesTimeline.Cell c = b.cells().get(name);
            t.add(LiveRun.round(b.endSeconds()));
            users.add(b.users());
            dropped.add(b.dropped());
            rps.add(c == null ? 0 : LiveRun.round(c.count() / b.seconds()));
            eps.add(c == null ? 0 : LiveRun.round(c.errors() / b.seconds()));
            if (c == null) {
                p50.addNull();
                p95.addNull();
                p99.addNull();
            } else {
                p50.add(LiveRun.round(c.pct(50)));
                p95.add(LiveRun.round(c.pct(95)));
                p99.add(LiveRun.round(c.pct(99)));
            }
        }
        n.set("load_changes", RunMeta.loadChangesJson(changes));
        return n;
    }
}
