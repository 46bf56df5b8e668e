package io.carga.pgbench.run;

/** Count, sum, sum of squares, min and max of a series of microsecond values (pgbench's SimpleStats). */
final class SimpleStats {
    long count;
    double sum;
    double sum2;
    double min;
    double max;

    void add(double v) {
        if (count == 0 || v < min) min = v;
        if (count == 0 || v > max) max = v;
        count++;
        sum += v;
        sum2 += v * v;
    }

    void merge(SimpleStats o) {
        if (o.count == 0) return;
        if (count == 0 || o.min < min) min = o.min;
        if (count == 0 || o.max > max) max = o.max;
        count += o.count;
        sum += o.sum;
        sum2 += o.sum2;
    }

    SimpleStats copy() {
        SimpleStats c = new SimpleStats();
        c.merge(this);
        return c;
    }

    double average() {
        return count == 0 ? 0 : sum / count;
    }

    double stddev() {
        if (count == 0) return 0;
        double avg = sum / count;
        return Math.sqrt(Math.max(0, sum2 / count - avg * avg));
    }
}
