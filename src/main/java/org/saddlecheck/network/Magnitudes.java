package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.task.Dataset;

/**
 * Round-off bounds for the loss and gradient of any network of the project, by forward error
 * analysis of sums of products (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>,
 * Section 3.1): a computed sum of n rounded products differs from the exact one by at most
 * γ_n = nu/(1 − nu) (u = 2⁻⁵³) times the sum of the magnitudes of its terms.
 *
 * <p>The sums of magnitudes come from the network's own objective on the absolute-value problem
 * θ → |θ|, X → |X|, Y → −|Y|. For networks built from sums and products of inputs and weights
 * with σ(|z|) ≥ |σ(z)| and σ'(|z|) ≥ |σ'(z)| (linear, ReLU, square, cube, attention) every term is
 * then non-negative, so each residual becomes r̄_μ = Σ_i |term_i| + |y_μ|, the loss L̄ =
 * (1/(2P)) Σ_μ ‖r̄_μ‖², and each gradient entry ḡ_k the sum of the magnitudes of the terms of
 * (1/P) Σ_μ J_μᵀ r_μ. For tanh and x·tanh(x) the linear network of the same shape is evaluated
 * instead; it bounds them since |tanh z| ≤ |z|, |z tanh z| ≤ |z|, |tanh'| ≤ 1 and
 * |(z tanh z)'| ≤ 1.2 (the 1.2 is covered by the doubled chain length).
 *
 * <p>m is the longest chain of roundings from θ and the data to one residual: every input entry,
 * every weight of a unit and every unit's term, plus 8 for scalings, doubled for the conditioning
 * of σ and of reshaped products. Then
 * <ul>
 *   <li>a gradient entry is off by at most (3γ_m + γ_{P+2}) ḡ_k: γ_m from its residual, γ_m from
 *       its Jacobian entry, γ_{P+2} from the sum over samples and the scaling;</li>
 *   <li>the loss is off by at most (6γ_m + 2γ_{P+2}) L̄: each residual by γ_m r̄_μ, so each square
 *       by 3γ_m r̄_μ², and the sum of P squares and its scaling add γ_{P+2} L̄.</li>
 * </ul>
 */
public final class Magnitudes {

    /** The unit round-off of binary64, u = 2⁻⁵³. */
    public static final double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;

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

    /** The magnitudes of the loss and gradient of {@code network} at θ on {@code data}. */
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
        double l = f.lossAndGradient(abs, g);
        return new Magnitudes(l, g, depth(network), data.samples());
    }

    /** γ_n = nu/(1 − nu). */
    public static double gamma(int n) {
        double nu = n * UNIT_ROUNDOFF;
        return nu / (1 - nu);
    }

    /** m = 2(D_in + |u| + |v| + H + 8), the chain length of one residual. */
    public static int depth(Network network) {
        return 2 * (network.inputSize() + network.unitSize() + network.width() + 8);
    }

    /** The chain length m these magnitudes were computed with. */
    public int depth() {
        return depth;
    }

    /** L̄, the loss of the absolute-value problem. */
    public double loss() {
        return loss;
    }

    /** The bound on the round-off of one evaluation of L: (6γ_m + 2γ_{P+2}) L̄. */
    public double lossError() {
        return (6 * gamma(depth) + 2 * gamma(samples + 2)) * loss;
    }

    /** The magnitudes ḡ of the gradient's terms, one per coordinate (a new array). */
    public double[] gradient() {
        return gradient.clone();
    }

    /** The bound on the round-off of ∂L/∂θ_k: (3γ_m + γ_{P+2}) ḡ_k. */
    public double entry(int k) {
        return (3 * gamma(depth) + gamma(samples + 2)) * gradient[k];
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
