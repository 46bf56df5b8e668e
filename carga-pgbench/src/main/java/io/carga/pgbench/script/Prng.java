package io.carga.pgbench.script;

/**
 * PostgreSQL's {@code pg_prng}: xoroshiro128** seeded through splitmix64, so that a given
 * {@code --random-seed} produces the same draws as pgbench. Not thread-safe: one per client.
 */
public final class Prng {
    private long s0;
    private long s1;

    public Prng(long seed) {
        seed(seed);
    }

    private Prng(long s0, long s1) {
        this.s0 = s0;
        this.s1 = s1;
    }

    public Prng copy() {
        return new Prng(s0, s1);
    }

    public void seed(long seed) {
        long[] st = {seed};
        s0 = splitmix64(st);
        s1 = splitmix64(st);
        if (s0 == 0 && s1 == 0) {
            s0 = 0x5851F42D4C957F2DL;
            s1 = 0x14057B7EF767814FL;
        }
    }

    private static long splitmix64(long[] state) {
        long val = (state[0] += 0x9E3779B97F4A7C15L);
        val = (val ^ (val >>> 30)) * 0xBF58476D1CE4E5B9L;
        val = (val ^ (val >>> 27)) * 0x94D049BB133111EBL;
        return val ^ (val >>> 31);
    }

    /** A uniformly distributed 64-bit value (pg_prng_uint64). */
    public long nextLong() {
        long a = s0;
        long sx = s1 ^ a;
        long val = Long.rotateLeft(a * 5, 7) * 9;
        s0 = Long.rotateLeft(a, 24) ^ sx ^ (sx << 16);
        s1 = Long.rotateLeft(sx, 37);
        return val;
    }

    /** Unsigned range [rmin, rmax] by bitmask rejection (pg_prng_uint64_range). */
    public long uint64Range(long rmin, long rmax) {
        if (Long.compareUnsigned(rmax, rmin) > 0) {
            long range = rmax - rmin;
            int rshift = Long.numberOfLeadingZeros(range);
            long val;
            do {
                val = nextLong() >>> rshift;
            } while (Long.compareUnsigned(val, range) > 0);
            return rmin + val;
        }
        return rmin;
    }

    /** [0, 1) with 52 random bits (pg_prng_double). */
    public double nextDouble() {
        return (double) (nextLong() >>> 12) * 0x1p-52;
    }

    /** Box-Muller, one output per two draws (pg_prng_double_normal). */
    public double nextNormal() {
        double u1 = 1.0 - nextDouble();
        double u2 = 1.0 - nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.sin(2.0 * Math.PI * u2);
    }
}
