package io.carga.core.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import org.HdrHistogram.Histogram;

/** Reads the JVM's own gauges once per interval: CPU, GC pause time, heap. */
final class GeneratorMonitor {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final int cores = Runtime.getRuntime().availableProcessors();
    private long lastCpu = os.getProcessCpuTime();
    private long lastWall = System.nanoTime();
    private long lastGc = gcTime();

    GeneratorSample sample(Histogram lag) {
        long cpuNow = os.getProcessCpuTime();
        long wallNow = System.nanoTime();
        long gcNow = gcTime();
        double cpu = wallNow > lastWall ? (double) (cpuNow - lastCpu) / ((wallNow - lastWall) * (double) cores) : 0;
        GeneratorSample s = new GeneratorSample(Math.min(1.0, Math.max(0, cpu)), lag, gcNow - lastGc,
                memory.getHeapMemoryUsage().getUsed(), cpuNow);
        lastCpu = cpuNow;
        lastWall = wallNow;
        lastGc = gcNow;
        return s;
    }

    private long gcTime() {
        long t = 0;
        for (GarbageCollectorMXBean gc : gcs) {
            // Concurrent collectors (ZGC/Shenandoah cycles) report cycle time, not pauses; G1 young/old report pauses.
            if (!gc.getName().contains("Cycles")) {
                t += Math.max(0, gc.getCollectionTime());
            }
        }
        return t;
    }
}
