package io.carga.report.ledger;

import io.carga.core.metrics.RunAggregate;
import io.carga.report.cost.CostInputs;
import io.carga.report.cost.CostProjection;
import io.carga.report.results.RunMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What one run cost to test, from what it measured and the prices it ran with:
 * <ul>
 *   <li>AI: the events' {@code cost} field (carga-ai prices each answer), summed per {@code model} tag;</li>
 *   <li>instances: instance price × instances × the run's hours;</li>
 *   <li>storage: the results folder's bytes, kept a month at the storage price per GB-month (10^9 bytes).</li>
 * </ul>
 */
public final class TestCost {
    private TestCost() {
    }

    /** The ledger line of the run in {@code dir}; {@code rebuilt} when written after the run, from its folder. */
    public static LedgerEntry of(RunMeta meta, RunAggregate a, Path dir, CostInputs in, boolean rebuilt) {
        double seconds = a.durationSeconds();
        long bytes = folderBytes(dir);
        String stop = meta.finished() ? meta.stopReason() : "ABRUPT";
        return new LedgerEntry(dir.getFileName().toString(), meta.runId(), a.startEpochMs() > 0 ? a.startEpochMs() : meta.startEpochMs(),
                seconds, meta.scenario(), stop, CostProjection.userHours(a), aiByModel(a), in.instanceType(), in.instances(),
                in.instancesHourBrl() * seconds / 3600, bytes, bytes / 1e9 * in.prices().storageGbMonthBrl(),
                in.prices().provenance(), rebuilt);
    }

    /** AI cost (R$) per model: the {@code cost} field of the series tagged with a model. */
    public static Map<String, Double> aiByModel(RunAggregate a) {
        Map<String, Double> out = new TreeMap<>();
        a.requests().forEach((k, t) -> {
            Double c = t.fieldSums().get("cost");
            Object model = k.tags().get("model");
            if (c != null && model != null) {
                out.merge(model.toString(), c, Double::sum);
            }
        });
        return out;
    }

    static long folderBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // a file removed while walking
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dir, e);
        }
    }
}
