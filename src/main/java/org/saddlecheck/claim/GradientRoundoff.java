package org.saddlecheck.claim;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.Require;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.Magnitudes;
import org.saddlecheck.network.Network;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.Tokens;

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
 *
 * <h2>Networks of degree-1 φ, written with readout slots</h2>
 * Every network for which Theorem 3 (iii) or (iv) holds is of one form: unit i has a readout weight
 * v_ip for each slot p = 1 … |v|, slot p reads the feature vector ξ_p(x) ∈ R^{|u|} and feeds output
 * o(p), and
 * <pre>
 *   f_o(x) = Σ_i Σ_{p: o(p) = o} v_ip σ(u_iᵀ ξ_p(x)),        σ linear or ReLU
 * </pre>
 * Fully connected: ξ_p = x̃ (x with a trailing 1 for the bias) for every slot, o(p) = p.
 * Convolutional: ξ_p = x_p, the p-th patch, one output. Merged key-query attention: one slot,
 * ξ = vec Z with Z = (1/N) Σ_n y_n x_n x_qᵀ, one output. Two quantities follow, both computed
 * here from that definition, independently of the networks' gradient code:
 * <ul>
 *   <li>{@link #absoluteGradient}: ḡ, the gradient of the absolute-value problem (every weight and
 *       feature replaced by its magnitude, y by −|y|), whose entries bound the sums of magnitudes
 *       of the terms of each gradient entry; {@link #gradientErrors} turns it into the round-off
 *       bound (3γ_m + γ_{P+2}) ḡ of {@link Magnitudes}.</li>
 *   <li>{@link #ownJacobianBound}: a, a bound on the spectral norm of the Jacobian of one unit's
 *       gradient with respect to its own weights at fixed residuals r_μ = f(x_μ) − y_μ. With
 *       ∂L/∂v_ip = (1/P) Σ_μ r_μo(p) σ(u_iᵀξ_μp) and ∂L/∂u_i = (1/P) Σ_μ Σ_p r_μo(p) v_ip
 *       σ'(u_iᵀξ_μp) ξ_μp, the Jacobian is [[0, Cᵀ], [C, 0]] (σ'' = 0 off the kinks) with
 *       C_pd = (1/P) Σ_μ r_μo(p) σ'(u_iᵀξ_μp) ξ_μpd, so its norm is ‖C‖₂ ≤ ‖C‖_F ≤
 *       ‖(1/P) Σ_μ |r_μo(p)| ξ̄_μpd‖_F, using 0 ≤ σ' ≤ 1 and |ξ| ≤ ξ̄ entry by entry.</li>
 * </ul>
 * ξ̄ is |x̃| or |x_p| for the first two; for attention ξ̄_ab = (1/N) Σ_n |y_n| |x_na| |x_qb| ≥ |Z_ab|.
 */
final class GradientRoundoff {

    /** The kinds of slot form, read from {@link Network#kind} so that wrapped networks count. */
    static final List<String> SLOT_FORM = List.of("linear", "relu", "linear-conv", "relu-conv",
            "attention-merged");

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

    // ------------------------------------------------------------ networks with readout slots

    /**
     * Whether {@code network} has the slot form above: fully connected linear or ReLU (with or
     * without bias), linear or ReLU convolutional, merged key-query attention. Read from the kind
     * and the sizes only, so that a wrapped network counts as what it wraps.
     */
    static boolean slotForm(Network network) {
        return SLOT_FORM.contains(network.kind());
    }

    /** o(p), the output slot p feeds. */
    static int output(Network network, int slot) {
        return fullyConnected(network) ? slot : 0;
    }

    /** Fully connected, of any activation: the kinds without a family suffix or prefix. */
    private static boolean fullyConnected(Network network) {
        String kind = network.kind();
        return !kind.endsWith("-conv") && !kind.startsWith("attention");
    }

    /**
     * ξ̄_μpd, the magnitudes of the features of sample μ, written to {@code out[p·|u| + d]}.
     * Modifies only {@code out} (|v|·|u| entries).
     */
    static void absoluteFeatures(Network network, DMatrixRMaj X, int mu, double[] out) {
        int uSize = network.uSize();
        String kind = network.kind();
        if (fullyConnected(network)) {
            for (int p = 0; p < network.vSize(); p++) {
                for (int d = 0; d < uSize; d++) {
                    out[p * uSize + d] = d < X.numCols ? Math.abs(X.get(mu, d)) : 1;
                }
            }
        } else if (kind.endsWith("-conv")) {
            for (int k = 0; k < network.vSize() * uSize; k++) {
                out[k] = Math.abs(X.get(mu, k));
            }
        } else {
            attentionFeatures(network, X, mu, out);
        }
    }

    /**
     * ξ̄_ab = (1/N) Σ_n |y_n| |x_na| |x_qb| at a·D + b, with D² = |u| and N(D + 1) + D the
     * length of a token row ({@link Tokens}).
     */
    private static void attentionFeatures(Network network, DMatrixRMaj X, int mu,
            double[] out) {
        int dim = (int) Math.round(Math.sqrt(network.uSize()));
        int n = (network.inputSize() - dim) / (dim + 1);
        int row = mu * X.numCols;
        int query = row + Tokens.queryOffset(dim, n);
        for (int a = 0; a < dim; a++) {
            double mean = 0;
            for (int t = 0; t < n; t++) {
                mean += Math.abs(X.data[row + Tokens.yOffset(dim, t)])
                        * Math.abs(X.data[row + Tokens.xOffset(dim, t) + a]);
            }
            mean /= n;
            for (int b = 0; b < dim; b++) {
                out[a * dim + b] = mean * Math.abs(X.data[query + b]);
            }
        }
    }

    /**
     * ḡ, the gradient of the absolute-value problem at θ, for a network of slot form: with
     * φ̄_μip = |u_i|ᵀ ξ̄_μp and r̄_μo = Σ_i Σ_{p: o(p) = o} |v_ip| φ̄_μip + |y_μo|,
     * <pre>
     *   ḡ(v_ip) = (1/P) Σ_μ r̄_μo(p) φ̄_μip,      ḡ(u_id) = (1/P) Σ_μ Σ_p r̄_μo(p) |v_ip| ξ̄_μpd
     * </pre>
     * (a new array in θ's layout). Does not modify {@code theta}.
     */
    static double[] absoluteGradient(Network network, Dataset data, double[] theta) {
        requireSlotForm(network);
        DMatrixRMaj X = data.X();
        DMatrixRMaj Y = data.Y();
        int p = X.numRows;
        int uSize = network.uSize();
        int vSize = network.vSize();
        int h = network.width();
        double[] xi = new double[vSize * uSize];
        double[] phi = new double[h * vSize];
        double[] r = new double[network.outputSize()];
        double[] out = new double[theta.length];
        for (int mu = 0; mu < p; mu++) {
            absoluteFeatures(network, X, mu, xi);

            // φ̄ and r̄ of this sample
            for (int o = 0; o < r.length; o++) {
                r[o] = Math.abs(Y.get(mu, o));
            }
            for (int i = 0; i < h; i++) {
                for (int s = 0; s < vSize; s++) {
                    double z = 0;
                    for (int d = 0; d < uSize; d++) {
                        z += Math.abs(theta[network.uOffset(i) + d]) * xi[s * uSize + d];
                    }
                    phi[i * vSize + s] = z;
                    r[output(network, s)] += Math.abs(theta[network.vOffset(i) + s]) * z;
                }
            }

            // the terms of this sample in ḡ
            for (int i = 0; i < h; i++) {
                for (int s = 0; s < vSize; s++) {
                    double rs = r[output(network, s)];
                    double v = Math.abs(theta[network.vOffset(i) + s]);
                    out[network.vOffset(i) + s] += rs * phi[i * vSize + s] / p;
                    for (int d = 0; d < uSize; d++) {
                        out[network.uOffset(i) + d] += rs * v * xi[s * uSize + d] / p;
                    }
                }
            }
        }
        return out;
    }

    /**
     * The round-off bound of every computed gradient entry, (3γ_m + γ_{P+2}) ḡ_k with m =
     * {@link Magnitudes#depth} (a new array; see {@link Magnitudes} for the chain of roundings).
     */
    static double[] gradientErrors(Network network, Dataset data, double[] theta) {
        double[] g = absoluteGradient(network, data, theta);
        double factor = 3 * Magnitudes.gamma(Magnitudes.depth(network))
                + Magnitudes.gamma(data.samples() + 2);
        for (int k = 0; k < g.length; k++) {
            g[k] *= factor;
        }
        return g;
    }

    /**
     * a = ‖(1/P) Σ_μ |r_μo(p)| ξ̄_μpd‖_F over slots p and weights d, with r = f(X; θ) − Y from
     * {@link Network#predict}: bounds the norm of the Jacobian of one unit's gradient with respect
     * to its own weights at the residuals of θ (off the ReLU kinks). For a fully connected
     * network of another activation it is the bound a degree-1 φ of the same shape would have (a
     * reference scale, not a bound).
     */
    static double ownJacobianBound(Network network, Dataset data, double[] theta) {
        Require.that(slotForm(network) || fullyConnected(network), "network ("
                + network.kind() + ") is neither fully connected nor of the readout-slot form");
        DMatrixRMaj X = data.X();
        DMatrixRMaj R = network.predict(theta, X);
        int p = X.numRows;
        int uSize = network.uSize();
        int vSize = network.vSize();
        double[] xi = new double[vSize * uSize];
        double[] c = new double[vSize * uSize];
        for (int mu = 0; mu < p; mu++) {
            absoluteFeatures(network, X, mu, xi);
            for (int s = 0; s < vSize; s++) {
                int o = output(network, s);
                double r = Math.abs(R.get(mu, o) - data.Y().get(mu, o));
                for (int d = 0; d < uSize; d++) {
                    c[s * uSize + d] += r * xi[s * uSize + d];
                }
            }
        }
        double sum = 0;
        for (double x : c) {
            sum += (x / p) * (x / p);
        }
        return Math.sqrt(sum);
    }

    private static void requireSlotForm(Network network) {
        Require.that(slotForm(network), "network (" + network.kind() + ") is not of the"
                + " readout-slot form with a degree-1 φ");
    }
}
