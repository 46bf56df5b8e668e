package io.carga.shadow.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The hand-off between the client's path and the mirrors: a bounded queue that the client's path only ever
 * {@link #offer}s to (never waits on), and a fixed number of virtual-thread workers taking from it. When the
 * candidate is slow or dead the workers are busy, the queue fills, and further mirrors are dropped (the caller
 * counts them): a bad candidate costs the primary path one failed {@code offer}.
 */
final class MirrorQueue implements AutoCloseable {
    /** One sampled request with the primary's answer, waiting to be mirrored. */
    record Job(String endpoint, CapturedRequest request, Answer primary) {
    }

    private final BlockingQueue<Job> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final Mirror mirror;
    private volatile boolean closing;

    MirrorQueue(int capacity, int concurrency, Mirror mirror) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.mirror = mirror;
        for (int i = 0; i < concurrency; i++) {
            workers.add(Thread.ofVirtual().name("carga-shadow-mirror-" + i).start(this::work));
        }
    }

    /** Queues {@code job} if there is room; false when it must be dropped. Never blocks. */
    boolean offer(Job job) {
        return !closing && queue.offer(job);
    }

    private void work() {
        while (true) {
            Job job;
            try {
                job = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (job != null) {
                mirror.compare(job.endpoint(), job.request(), job.primary());
            } else if (closing) {
                return;
            }
        }
    }

    /** Accepts no more jobs, lets the queued ones finish for up to {@code grace}, then interrupts the workers. */
    void close(Duration grace) {
        closing = true;
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread w : workers) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !w.join(Duration.ofNanos(left))) {
                    w.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.forEach(Thread::interrupt);
    }

    /** Queued jobs that no worker took before the close: the caller counts them as dropped. */
    List<Job> leftOver() {
        List<Job> rest = new ArrayList<>();
        queue.drainTo(rest);
        return rest;
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
