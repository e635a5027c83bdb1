package org.saddlecheck.scenario;

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
}
