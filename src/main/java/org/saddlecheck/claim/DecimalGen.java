package org.saddlecheck.claim;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.saddlecheck.Require;

/**
 * Decimal numbers drawn as (number of digits, grid index): see
 * {@link Gen#decimals(double, double, int)}. The span label {@link #LABEL} lets the shrinker find
 * these pairs and round them.
 */
final class DecimalGen implements Gen<Double> {

    /** The span label of one decimal draw: two choices, the digits offset and the index. */
    static final String LABEL = "decimal";

    /** 10^k for k = 0 … 22, each exact in double precision. */
    private static final double[] POWERS = new double[23];

    static {
        POWERS[0] = 1;
        for (int k = 1; k < POWERS.length; k++) {
            POWERS[k] = POWERS[k - 1] * 10;
        }
    }

    private final long loUnits;
    private final long hiUnits;
    private final int digits;
    private final int coarsest;
    private final ToDoubleFunction<SplittableRandom> sampler;

    DecimalGen(double lo, double hi, int digits, ToDoubleFunction<SplittableRandom> sampler) {
        Require.nonNegative("decimal digits", digits);
        Require.that(digits <= 15, "decimal digits (" + digits + ") must be at most 15");
        Require.finite("lower end", lo);
        Require.finite("upper end", hi);
        Require.that(lo <= hi, "the range [" + lo + ", " + hi + "] is empty");
        double scale = POWERS[digits];
        this.loUnits = Math.round(lo * scale);
        this.hiUnits = Math.round(hi * scale);
        Require.that(loUnits / scale == lo && hiUnits / scale == hi, "the ends " + lo + " and "
                + hi + " must be decimals with at most " + digits + " digits after the point");
        this.digits = digits;
        this.sampler = sampler;
        int p = 0;
        while (firstIndex(p) > lastIndex(p)) {
            p++;
        }
        this.coarsest = p;
    }

    @Override
    public Double draw(Choices c) {
        int p = coarsest + (int) c.draw(digits - coarsest, (random, bound) -> {
            // Mostly the finest grid; now and then a rounder number.
            return bound == 0 || random.nextDouble() < 0.7 ? bound : random.nextLong(bound);
        });
        long first = firstIndex(p);
        long last = lastIndex(p);
        long k = c.draw(last - first, (random, bound) -> {
            long nearest = Math.round(sampler.applyAsDouble(random) * POWERS[p]) - first;
            return Math.max(0, Math.min(bound, nearest));
        });
        return (first + k) / POWERS[p];
    }

    /** The index on the grid of step 10^−p of the first point at or above the lower end. */
    private long firstIndex(int p) {
        return Math.floorDiv(loUnits + (long) POWERS[digits - p] - 1, (long) POWERS[digits - p]);
    }

    /** The index of the last grid point at or below the upper end. */
    private long lastIndex(int p) {
        return Math.floorDiv(hiUnits, (long) POWERS[digits - p]);
    }

    /**
     * m·10^e for a decimal m with at most {@code digits} digits after the point, computed as one
     * integer divided (or multiplied) by an exact power of ten, so the result is the double
     * nearest to the decimal m·10^e.
     */
    static double times10(double m, int e, int digits) {
        long units = Math.round(m * POWERS[digits]);
        int shift = e - digits;
        if (shift >= 0) {
            return units * POWERS[shift];
        }
        Require.that(-shift < POWERS.length, "the scale 10^" + e + " is too small to be exact");
        return units / POWERS[-shift];
    }
}
