package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.saddlecheck.Require;

/**
 * A generator: a value made from a {@link Choices} sequence. Because every random decision goes
 * through the sequence, every generator built from these primitives shrinks for free: a shorter
 * sequence, or one with smaller entries, gives a simpler value. Each primitive is laid out so that
 * choice 0 is its simplest value: the lower end of a range, the first of a list of options, a
 * number with fewer decimal digits, a list that stops.
 *
 * <p>A generator must draw only through its argument and must be a pure function of it, so that
 * the same sequence always gives the same value (on any thread).
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface Gen<T> {

    /** Draws one value from {@code choices}. */
    T draw(Choices choices);

    /** This generator with its draws recorded as one span named {@code label}. */
    default Gen<T> named(String label) {
        return c -> c.span(label, () -> draw(c));
    }

    /** The values of this generator passed through {@code f}. */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return c -> f.apply(draw(c));
    }

    /** Integers in [lo, hi], uniform; simplest is {@code lo}. */
    static Gen<Integer> integers(int lo, int hi) {
        checkRange(lo, hi);
        return c -> lo + (int) c.draw((long) hi - lo);
    }

    /**
     * Integers in [lo, hi] whose logarithm is uniform, so that small values are drawn as often
     * as large ones per factor of two; simplest is {@code lo}. For sizes: widths, dimensions.
     */
    static Gen<Integer> sizes(int lo, int hi) {
        Require.positive("smallest size", lo);
        checkRange(lo, hi);
        double logLo = Math.log(lo);
        double logHi = Math.log(hi + 1.0);
        return c -> lo + (int) c.draw((long) hi - lo, (random, bound) -> {
            double v = Math.floor(Math.exp(logLo + (logHi - logLo) * random.nextDouble()));
            return Math.max(0, Math.min(bound, (long) v - lo));
        });
    }

    /** One of {@code options}, uniform; simplest is the first. */
    @SafeVarargs
    static <T> Gen<T> oneOf(T... options) {
        Require.positive("number of options", options.length);
        List<T> copy = new ArrayList<>();
        for (T option : options) {
            copy.add(option);
        }
        return c -> copy.get((int) c.draw(copy.size() - 1L));
    }

    /** A seed for a named random construction: an integer in [0, 999 999]; simplest is 0. */
    static Gen<Long> seeds() {
        return c -> c.draw(999_999L);
    }

    /**
     * Decimal numbers in [lo, hi] with at most {@code digits} digits after the point. The
     * value is drawn as two choices, the number of digits p and then an integer k on the grid of
     * step 10^−p, counted up from the grid's first point at or above {@code lo}; simplest is the
     * coarsest grid's lowest point. Rounder numbers are therefore simpler, and the shrinker's
     * rounding pass can lower p. In random mode most values are drawn on the finest grid and a
     * few on coarser ones. Each value is computed as the integer k' divided by 10^p, so it is the
     * double nearest to the decimal it names.
     *
     * @param lo the lower end, a decimal with at most {@code digits} digits after the point
     * @param hi the upper end, likewise, not below {@code lo}
     */
    static Gen<Double> decimals(double lo, double hi, int digits) {
        return decimals(lo, hi, digits, r -> lo + (hi - lo) * r.nextDouble());
    }

    /**
     * Decimals as in {@link #decimals(double, double, int)}, with random values taken from
     * {@code sampler} (a double in [lo, hi]) and rounded onto the drawn grid.
     */
    static Gen<Double> decimals(double lo, double hi, int digits,
            ToDoubleFunction<SplittableRandom> sampler) {
        return new DecimalGen(lo, hi, digits, sampler).named(DecimalGen.LABEL);
    }

    /**
     * Positive numbers m·10^e, log-uniform over whole decades: the decade e runs from
     * {@code firstExponent} towards {@code lastExponent} (either way), the mantissa m is a
     * decimal in [1, 10) with {@code digits} digits after the point. Simplest is exactly
     * 10^{@code firstExponent}: the first decade with mantissa 1. For initialization scales,
     * learning rates and gaps.
     */
    static Gen<Double> scales(int firstExponent, int lastExponent, int digits) {
        Require.nonNegative("mantissa digits", digits);
        Require.that(Math.abs(lastExponent - firstExponent) <= 30,
                "a scale range of more than 30 decades is not supported");
        int step = lastExponent >= firstExponent ? 1 : -1;
        long decades = (long) Math.abs(lastExponent - firstExponent);
        long top = (long) Math.pow(10, digits) * 10 - 1;
        double ln10 = Math.log(10);
        Gen<Double> mantissa = decimals(1, top / Math.pow(10, digits), digits,
                r -> Math.exp(ln10 * r.nextDouble()));
        Gen<Double> scale = c -> {
            int e = firstExponent + step * (int) c.draw(decades);
            double m = mantissa.draw(c);
            return DecimalGen.times10(m, e, digits);
        };
        return scale.named("scale");
    }

    /**
     * Lists of {@code min} to {@code max} elements. After the first {@code min} elements, each
     * further element is announced by a yes-or-no choice (no, choice 0, ends the list), and the
     * announcement and the element form one span: the shrinker shortens a list by deleting such
     * spans. In random mode every length in [min, max] is equally likely.
     */
    static <T> Gen<List<T>> lists(Gen<T> element, int min, int max) {
        Require.nonNegative("fewest elements", min);
        checkRange(min, max);
        Gen<T> named = element.named("element");
        return c -> {
            List<T> out = new ArrayList<>();
            for (int k = 0; k < min; k++) {
                out.add(named.draw(c));
            }
            while (out.size() < max) {
                int left = max - out.size();
                double more = left / (left + 1.0);
                T next = c.span("more", () -> c.flag(more) ? named.draw(c) : null);
                if (next == null) {
                    break;
                }
                out.add(next);
            }
            return out;
        };
    }

    private static void checkRange(long lo, long hi) {
        Require.that(lo <= hi, "the range [" + lo + ", " + hi + "] is empty");
    }
}
