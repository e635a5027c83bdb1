package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.task.Dataset;

/**
 * Round-off bounds for the loss and the gradient, from the standard forward error analysis of sums
 * of products (Higham, Accuracy and Stability of Numerical Algorithms, Section 3.1): a sum of n
 * rounded products has absolute error at most γ_n = nε/(1 − nε) times the sum of the magnitudes of
 * its terms.
 *
 * <p>The sums of magnitudes are obtained by evaluating a network's own sample objective on the
 * absolute-value problem: θ → |θ|, X → |X|, Y → −|Y|. For a network built from sums and products
 * of inputs and weights with σ(|z|) ≥ |σ(z)| and σ'(|z|) ≥ |σ'(z)| on the relevant range (linear,
 * ReLU, square, cube, attention), every term is then non-negative, so the residual becomes
 * r̄_μ = Σ_i |t_μi| + |y_μ| (with each |t_μi| itself a sum of magnitudes) and the gradient becomes
 * the sum of the magnitudes of the terms of (1/P) Σ_μ J_μᵀ r_μ. For tanh and x·tanh(x) the
 * magnitudes of the linear network of the same shape are used instead, which bound them because
 * |tanh z| ≤ |z|, |z tanh z| ≤ |z|, |tanh'| ≤ 1 and |(z tanh z)'| ≤ 1.2 (the factor is absorbed in
 * the doubled depth below).
 */
final class Magnitudes {
    /** Unit round-off of binary64, ε = 2⁻⁵³. */
    static final double EPSILON = Math.ulp(1.0) / 2;

    private final double loss;
    private final double[] gradient;
    private final int depth;
    private final int samples;

    private Magnitudes(double loss, double[] gradient, int depth, int samples) {
        this.loss = loss;
        this.gradient = gradient;
        this.depth = depth;
        this.samples = samples;
    }

    /**
     * The magnitudes of the loss and gradient of {@code network} at θ on {@code data}, evaluated
     * with {@code magnitudeNetwork} (the network itself, or the linear network for tanh and x·tanh).
     */
    static Magnitudes of(Network network, Network magnitudeNetwork, Dataset data, double[] theta) {
        DMatrixRMaj X = data.X().copy();
        DMatrixRMaj Y = data.Y().copy();
        for (int k = 0; k < X.data.length; k++) {
            X.data[k] = Math.abs(X.data[k]);
        }
        for (int k = 0; k < Y.data.length; k++) {
            Y.data[k] = -Math.abs(Y.data[k]);
        }
        double[] absTheta = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            absTheta[k] = Math.abs(theta[k]);
        }
        Objective f = magnitudeNetwork.minibatchObjective(new Dataset(X, Y), 1);
        double[] gradient = new double[theta.length];
        double loss = f.lossAndGradient(absTheta, gradient);
        // The longest chain of roundings from θ and the data to one residual: every input entry
        // (dot products and context sums), every unit's weights and every unit's term, plus a few
        // scalings; doubled for the conditioning of σ and of the reshaped products.
        int depth = 2 * (network.inputSize() + network.unitSize() + network.width() + 8);
        return new Magnitudes(loss, gradient, depth, data.samples());
    }

    /** m, the chain length used in {@link #lossError()} and {@link #gradientError(int)}. */
    int depth() {
        return depth;
    }

    /** The magnitudes ḡ of the gradient's terms, one per coordinate (a new array). */
    double[] gradient() {
        return gradient.clone();
    }

    /** γ_n = nε / (1 − nε). */
    static double gamma(int n) {
        return n * EPSILON / (1 - n * EPSILON);
    }

    /** L̄ = (1/(2P)) Σ_μ ‖r̄_μ‖², the loss of the absolute-value problem. */
    double loss() {
        return loss;
    }

    /**
     * A bound on the round-off of one evaluation of L: each residual is off by at most γ_m r̄_μ, so
     * each square by at most 3γ_m r̄_μ², and summing P squares and scaling adds γ_{P+2} L̄.
     * Total: (6γ_m + 2γ_{P+2}) L̄.
     */
    double lossError() {
        return (6 * gamma(depth) + 2 * gamma(samples + 2)) * loss;
    }

    /**
     * A bound on the round-off of one evaluation of ∂L/∂θ_k: each term of (1/P) Σ_μ J_μᵀ r_μ has
     * a relative error at most γ_m from the residual and γ_m from the Jacobian, and the sum over P
     * samples adds γ_{P+2}; so (3γ_m + γ_{P+2}) ḡ_k.
     */
    double gradientError(int k) {
        return (3 * gamma(depth) + gamma(samples + 2)) * gradient[k];
    }

    /** The largest {@link #gradientError} over θ's coordinates. */
    double largestGradientError() {
        double worst = 0;
        for (int k = 0; k < gradient.length; k++) {
            worst = Math.max(worst, gradientError(k));
        }
        return worst;
    }
}
