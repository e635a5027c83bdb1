package org.saddlecheck.claim;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.task.Dataset;

/**
 * Round-off bounds for the gradient of any network of the project, by forward error analysis of
 * sums of products (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, Section 3.1): a
 * computed sum of n rounded products differs from the exact one by at most γ_n = nu/(1 − nu)
 * (u = 2⁻⁵³) times the sum of the magnitudes of its terms.
 *
 * <p>The sums of magnitudes come from the network's own objective on the absolute-value problem
 * θ → |θ|, X → |X|, Y → −|Y|. For networks built from sums and products of inputs and weights
 * with σ(|z|) ≥ |σ(z)| and σ'(|z|) ≥ |σ'(z)| (linear, ReLU, square, cube, attention) every term is
 * then non-negative, so each residual becomes Σ_i |term_i| + |y| and each gradient entry ḡ_k the
 * sum of the magnitudes of the terms of (1/P) Σ_μ J_μᵀ r_μ. For tanh and x·tanh(x) the linear
 * network of the same shape is evaluated instead; it bounds them since |tanh z| ≤ |z|,
 * |z tanh z| ≤ |z|, |tanh'| ≤ 1 and |(z tanh z)'| ≤ 1.2 (the 1.2 is covered by the doubled depth).
 *
 * <p>Each gradient entry has a relative error of at most γ_m from its residual and γ_m from its
 * Jacobian entry, and the sum over P samples adds γ_{P+2}: the bound is (3γ_m + γ_{P+2}) ḡ_k with m
 * the longest chain of roundings to one residual: every input entry, every weight of a unit and
 * every unit's term, plus 8 for scalings, doubled for the conditioning of σ.
 */
public final class Magnitudes {

    private final double[] gradient;
    private final double factor;

    private Magnitudes(double[] gradient, double factor) {
        this.gradient = gradient;
        this.factor = factor;
    }

    /** The magnitudes of the gradient of {@code network} at θ on {@code data}. */
    public static Magnitudes of(Network network, Dataset data, double[] theta) {
        DMatrixRMaj X = data.X().copy();
        DMatrixRMaj Y = data.Y().copy();
        for (int k = 0; k < X.data.length; k++) {
            X.data[k] = Math.abs(X.data[k]);
        }
        for (int k = 0; k < Y.data.length; k++) {
            Y.data[k] = -Math.abs(Y.data[k]);
        }
        double[] abs = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            abs[k] = Math.abs(theta[k]);
        }
        Objective f = boundingNetwork(network).minibatchObjective(new Dataset(X, Y), 1);
        double[] g = new double[theta.length];
        f.lossAndGradient(abs, g);
        int m = depth(network);
        return new Magnitudes(g, 3 * gamma(m) + gamma(data.samples() + 2));
    }

    /** γ_n = nu/(1 − nu), u = 2⁻⁵³. */
    public static double gamma(int n) {
        double nu = n * GradientRoundoff.UNIT_ROUNDOFF;
        return nu / (1 - nu);
    }

    /** m = 2(D_in + |u| + |v| + H + 8), the chain length of one residual. */
    public static int depth(Network network) {
        return 2 * (network.inputSize() + network.unitSize() + network.width() + 8);
    }

    /** The bound on the round-off of ∂L/∂θ_k: (3γ_m + γ_{P+2}) ḡ_k. */
    public double entry(int k) {
        return factor * gradient[k];
    }

    /** The Euclidean norm of the entry bounds: bounds ‖computed ∇L − exact ∇L‖. */
    public double norm() {
        double sum = 0;
        for (int k = 0; k < gradient.length; k++) {
            sum += entry(k) * entry(k);
        }
        return Math.sqrt(sum);
    }

    /** The largest entry bound. */
    public double largest() {
        double worst = 0;
        for (int k = 0; k < gradient.length; k++) {
            worst = Math.max(worst, entry(k));
        }
        return worst;
    }

    /** ‖ḡ‖, the size of the gradient's terms (not its round-off). */
    public double scale() {
        double sum = 0;
        for (double g : gradient) {
            sum += g * g;
        }
        return Math.sqrt(sum);
    }

    /** The network whose magnitudes bound {@code network}'s: linear for tanh and x·tanh(x). */
    private static Network boundingNetwork(Network network) {
        if (network instanceof FullyConnected fc && (fc.activation() == Activation.TANH
                || fc.activation() == Activation.XTANH)) {
            return new FullyConnected(Activation.LINEAR, fc.inputSize(), fc.outputSize(),
                    fc.width(), fc.bias());
        }
        return network;
    }
}
