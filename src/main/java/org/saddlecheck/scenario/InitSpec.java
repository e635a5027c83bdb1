package org.saddlecheck.scenario;

import java.util.Arrays;

/**
 * The initialization θ(0): every weight i.i.d. N(0, ε²) from a seed (paper, Section 1), or an
 * explicit parameter vector in the network's layout.
 *
 * @param scale ε
 * @param seed the seed of the Gaussian draw
 * @param theta explicit θ(0), or null
 */
public record InitSpec(double scale, long seed, double[] theta) {

    public static InitSpec gaussian(double scale, long seed) {
        return new InitSpec(scale, seed, null);
    }

    public static InitSpec explicit(double[] theta) {
        return new InitSpec(0, 0, theta);
    }

    /** Whether θ(0) is given as numbers. */
    public boolean hasTheta() {
        return theta != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InitSpec i && Double.compare(scale, i.scale) == 0 && seed == i.seed
                && Arrays.equals(theta, i.theta);
    }

    @Override
    public int hashCode() {
        return (Double.hashCode(scale) * 31 + Long.hashCode(seed)) * 31 + Arrays.hashCode(theta);
    }

    /** ε and the seed, or the length of an explicit θ(0). */
    @Override
    public String toString() {
        return theta == null ? "InitSpec[scale=" + scale + ", seed=" + seed + "]"
                : "InitSpec[theta=" + theta.length + " entries]";
    }
}
