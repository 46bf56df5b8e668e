package io.carga.pgbench.script;

/**
 * pgbench's numeric primitives: the hash functions, {@code permute} and the random
 * distributions. Each reproduces pgbench's algorithm so that the same seed gives the same value.
 */
public final class Functions {
    private Functions() {}

    public static final double MIN_GAUSSIAN_PARAM = 2.0;
    public static final double MIN_ZIPFIAN_PARAM = 1.001;
    public static final double MAX_ZIPFIAN_PARAM = 1000.0;

    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long MM2_MUL = 0xc6a4a7935bd1e995L;
    private static final long MM2_MUL_TIMES_8 = 0x35253c9ade8f4ca8L;
    private static final int MM2_ROT = 47;

    /** FNV-1a over the eight little-endian bytes of {@code val}. */
    public static long hashFnv1a(long val, long seed) {
        long result = FNV_OFFSET_BASIS ^ seed;
        for (int i = 0; i < 8; i++) {
            long octet = val & 0xff;
            val >>= 8; // arithmetic shift, as on int64 in C
            result ^= octet;
            result *= FNV_PRIME;
        }
        return result;
    }

    /** 64-bit MurmurHash2 of one 8-byte word. */
    public static long hashMurmur2(long val, long seed) {
        long result = seed ^ MM2_MUL_TIMES_8;
        long k = val;
        k *= MM2_MUL;
        k ^= k >>> MM2_ROT;
        k *= MM2_MUL;
        result ^= k;
        result *= MM2_MUL;
        result ^= result >>> MM2_ROT;
        result *= MM2_MUL;
        result ^= result >>> MM2_ROT;
        return result;
    }

    /**
     * Pseudorandom permutation of [0, size): six rounds of masked odd multiply, xor and
     * rotate on the overlapping lower and upper halves, then a random offset.
     */
    public static long permute(long val, long isize, long seed) {
        if (isize < 2) return 0;
        Prng rng = new Prng(seed);
        long size = isize;
        long v = Long.remainderUnsigned(val, size);
        int masklen = 63 - Long.numberOfLeadingZeros(size);
        long mask = (1L << masklen) - 1;
        for (int i = 0; i < 6; i++) {
            long m = (rng.nextLong() & mask) | 1;
            long r = rng.nextLong() & mask;
            if (Long.compareUnsigned(v, mask) <= 0) {
                v = ((v * m) ^ r) & mask;
                v = ((v << 1) & mask) | (v >>> (masklen - 1));
            }
            m = (rng.nextLong() & mask) | 1;
            r = rng.nextLong() & mask;
            long t = size - 1 - v;
            if (Long.compareUnsigned(t, mask) <= 0) {
                t = ((t * m) ^ r) & mask;
                t = ((t << 1) & mask) | (t >>> (masklen - 1));
                v = size - 1 - t;
            }
            r = rng.uint64Range(0, size - 1);
            v = Long.remainderUnsigned(v + r, size);
        }
        return v;
    }

    /** Uniform in [min, max]. */
    public static long random(Prng rng, long min, long max) {
        return min + rng.uint64Range(0, max - min);
    }

    /** Exponential in [min, max]: density at max is exp(-parameter) of density at min. */
    public static long randomExponential(Prng rng, long min, long max, double parameter) {
        double cut = StrictMath.exp(-parameter);
        double uniform = 1.0 - rng.nextDouble();
        double rand = -StrictMath.log(cut + (1.0 - cut) * uniform) / parameter;
        return min + (long) ((max - min + 1) * rand);
    }

    /** Gaussian in [min, max], truncated at {@code parameter} standard deviations. */
    public static long randomGaussian(Prng rng, long min, long max, double parameter) {
        double stdev;
        do {
            stdev = rng.nextNormal();
        } while (stdev < -parameter || stdev >= parameter);
        double rand = (stdev + parameter) / (parameter * 2.0);
        return min + (long) ((max - min + 1) * rand);
    }

    /** Zipfian in [min, max] by Devroye's rejection method. */
    public static long randomZipfian(Prng rng, long min, long max, double s) {
        long n = max - min + 1;
        return min - 1 + iterativeZipfian(rng, n, s);
    }

    private static long iterativeZipfian(Prng rng, long n, double s) {
        double b = StrictMath.pow(2.0, s - 1.0);
        if (n <= 1) return 1;
        while (true) {
            double u = rng.nextDouble();
            double v = rng.nextDouble();
            double x = Math.floor(StrictMath.pow(u, -1.0 / (s - 1.0)));
            double t = StrictMath.pow(1.0 + 1.0 / x, s - 1.0);
            if (v * x * (t - 1.0) / (b - 1.0) <= t / b && x <= n) return (long) x;
        }
    }

    /** Poisson-distributed delay around {@code center} (used by -R throttling). */
    public static long poisson(Prng rng, double center) {
        double uniform = 1.0 - rng.nextDouble();
        return (long) (-StrictMath.log(uniform) * center + 0.5);
    }
}
