package org.saddlecheck.claim;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.task.Dataset;

/**
 * Round-off bounds for the gradient of one unit of a fully connected network whose φ is σ(uᵀx̃)
 * with |σ(z)| ≤ |z| and 0 ≤ σ'(z) ≤ 1 (linear, ReLU, tanh).
 *
 * <p>The gradient of unit i is a function of the unit's own weights and of quantities shared by
 * all units: the residuals R = f(X) − Y in the sample-by-sample form, or G = WΣ_xx − Σ_yx in the
 * second-moment form of the linear network. Given those shared quantities it is linear in u_i
 * (the v part) or in v_i (the u part):
 * <pre>
 *   ∂L/∂v_i = (1/P) Σ_μ σ(u_iᵀx̃_μ) r_μ             or  G u_i
 *   ∂L/∂u_i = (1/P) Σ_μ (r_μᵀv_i) σ'(u_iᵀx̃_μ) x̃_μ   or  Gᵀ v_i
 * </pre>
 * By the standard bound on floating-point dot products (|fl(Σ a_k b_k) − Σ a_k b_k| ≤
 * γ_n Σ |a_k b_k|, γ_n = nu/(1 − nu), u = 2⁻⁵³; Higham, Accuracy and Stability of Numerical
 * Algorithms, Section 3.1), each computed entry differs from the exact value at the same shared
 * quantities by at most γ_m times the same formula evaluated on absolute values, where m counts
 * the roundings along the longest chain of operations: D̃ (the pre-activation, D̃ = |u|), then
 * D_out (r_μᵀv_i), then P (the sum over samples), then 2 (the scaling by 1/P) in the sample form;
 * max(D_in, D_out) in the second-moment form. {@link #entryBounds} returns that absolute-value
 * formula, the larger of the two forms entry by entry, so the bound holds whichever form the
 * network's objective uses.
 */
final class GradientRoundoff {

    /** The unit roundoff of double precision, 2⁻⁵³. */
    static final double UNIT_ROUNDOFF = 0x1p-53;

    private GradientRoundoff() {
    }

    /** γ_n = nu/(1 − nu) for n roundings. */
    static double gamma(int n) {
        double nu = n * UNIT_ROUNDOFF;
        return nu / (1 - nu);
    }

    /**
     * m, the longest chain of roundings in one gradient entry: max(D̃ + P + 2, D_out + P + 2,
     * D_in, D_out) for P samples.
     */
    static int depth(FullyConnected network, int samples) {
        int sample = Math.max(network.uSize(), network.outputSize()) + samples + 2;
        int moments = Math.max(network.inputSize(), network.outputSize());
        return Math.max(sample, moments);
    }

    /**
     * The absolute-value formula of the gradient of unit {@code unit} at θ, one entry per weight
     * of the unit (u_i then v_i): the larger of the sample form and the second-moment form.
     * Does not modify {@code theta}.
     */
    static double[] entryBounds(FullyConnected network, Dataset data, double[] theta, int unit) {
        double[] sample = sampleForm(network, data, theta, unit);
        double[] moments = momentForm(network, data, theta, unit);
        for (int k = 0; k < sample.length; k++) {
            sample[k] = Math.max(sample[k], moments[k]);
        }
        return sample;
    }

    /** (1/P) Σ_μ |u_i|ᵀ|x̃_μ| |r_μ| for v_i and (1/P) Σ_μ (|r_μ|ᵀ|v_i|) |x̃_μ| for u_i. */
    private static double[] sampleForm(FullyConnected network, Dataset data, double[] theta,
            int unit) {
        DMatrixRMaj X = data.X();
        DMatrixRMaj R = network.predict(theta, X);
        DMatrixRMaj Y = data.Y();
        int p = X.numRows;
        int dIn = network.inputSize();
        int dOut = network.outputSize();
        int uSize = network.uSize();
        int u = network.uOffset(unit);
        int v = network.vOffset(unit);
        double[] bound = new double[network.unitSize()];
        for (int mu = 0; mu < p; mu++) {
            double zAbs = 0;
            for (int d = 0; d < uSize; d++) {
                zAbs += Math.abs(theta[u + d]) * (d < dIn ? Math.abs(X.get(mu, d)) : 1);
            }
            double rv = 0;
            for (int k = 0; k < dOut; k++) {
                double r = Math.abs(R.get(mu, k) - Y.get(mu, k));
                rv += r * Math.abs(theta[v + k]);
                bound[uSize + k] += zAbs * r / p;
            }
            for (int d = 0; d < uSize; d++) {
                bound[d] += rv * (d < dIn ? Math.abs(X.get(mu, d)) : 1) / p;
            }
        }
        return bound;
    }

    /** |G|ᵀ|v_i| for u_i and |G||u_i| for v_i, with G = VᵀU Σ_xx − Σ_yx (inputs without bias). */
    private static double[] momentForm(FullyConnected network, Dataset data, double[] theta,
            int unit) {
        int dIn = network.inputSize();
        int dOut = network.outputSize();
        int uSize = network.uSize();
        double[] bound = new double[network.unitSize()];
        DMatrixRMaj W = new DMatrixRMaj(dOut, dIn);
        for (int i = 0; i < network.width(); i++) {
            for (int a = 0; a < dOut; a++) {
                for (int b = 0; b < dIn; b++) {
                    W.add(a, b, theta[network.vOffset(i) + a] * theta[network.uOffset(i) + b]);
                }
            }
        }
        DMatrixRMaj sxx = data.sigmaXX();
        DMatrixRMaj syx = data.sigmaYX();
        int u = network.uOffset(unit);
        int v = network.vOffset(unit);
        for (int a = 0; a < dOut; a++) {
            for (int b = 0; b < dIn; b++) {
                double g = -syx.get(a, b);
                for (int c = 0; c < dIn; c++) {
                    g += W.get(a, c) * sxx.get(c, b);
                }
                g = Math.abs(g);
                bound[b] += g * Math.abs(theta[v + a]);
                bound[uSize + a] += g * Math.abs(theta[u + b]);
            }
        }
        return bound;
    }
}
