package org.saddlecheck.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.analysis.ModeStrengths;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.Network;
import org.saddlecheck.task.Dataset;

/**
 * The theory's prediction for a two-layer linear network on whitened data (paper, Section 6.1,
 * Theorem 4 and the Saxe solution): one drop per distinct singular value s_k of Σ_yx, in decreasing
 * order, plateau k at L_irr + ½ Σ_{j&gt;k} s_j², and the half-way time of drop k from the logistic
 * mode strength w_k(t) = s_k / (1 + (s_k/w₀ − 1) e^{−2 s_k t}).
 *
 * <h2>Effective initial strength</h2>
 * Early on u̇_i = Σ_yxᵀ v_i and v̇_i = Σ_yx u_i, so with a_i = r_kᵀ u_i and b_i = q_kᵀ v_i the sum
 * a_i + b_i grows like e^{s_k t} and the difference decays. The growing part gives
 * w_k ≈ Σ_i ((a_i + b_i)/2)² e^{2 s_k t}, so w₀,k = Σ_i ((a_i + b_i)/2)² (exactly w₀ for an
 * aligned, balanced start).
 *
 * <h2>Half-way time</h2>
 * The detector's drop time is when L crosses the middle of the two plateau levels, i.e.
 * (s_k − w_k)² = s_k²/2, w_h = (1 − 1/√2) s_k, so w_h/(s_k − w_h) = √2 − 1 and
 * t_k = ln((√2 − 1)(s_k − w₀)/w₀) / (2 s_k).
 *
 * <h2>Shift under gradient descent (derived)</h2>
 * Gradient descent acts on the weights, not on w: with a balanced unit a = b on mode k,
 * a ← a(1 + η(s − a²)), so w = a² is multiplied by (1 + η(s − w))² per step and
 * d ln w / dt = 2 ln(1 + η(s − w))/η = 2(s − w)(1 − η(s − w)/2 + O(η²)). The time to climb from w₀
 * to w_h is then ∫ dw / (2w(s − w)) · (1 + η(s − w)/2) = t_k + (η/4) ln(w_h/w₀) + O(η²): drop k
 * comes later by Δt_k = (η/4) ln(w_h/w₀,k), about s_k η t_k / 2. This is part of the expectation,
 * not slack. (Explicit Euler on the reduced equation ẇ = 2w(s − w) would give twice this shift;
 * that is not what gradient descent on the weights does.)
 *
 * <p>Limitation: tied singular values make the basis inside their subspace arbitrary, so their
 * common drop time is not predicted (only its level); non-whitened inputs and networks other than
 * a bias-free linear fully connected one get no theory prediction here (their expectation is the
 * golden trajectory alone).
 */
public final class LinearTheory {
    /** Σ_xx counts as whitened when every entry is within this of I (round-off of generated data). */
    private static final double WHITENED = 1e-8;
    /** Two singular values are tied when within this relative distance. */
    private static final double TIED = 1e-6;
    private static final double HALF_WAY = Math.sqrt(2) - 1;

    /**
     * One predicted drop.
     *
     * @param singularValues the s_k learned in this drop (more than one when tied)
     * @param time the predicted half-way time under gradient flow, NaN when tied
     * @param shiftPerLearningRate Δt_k/η, the derived O(η) delay under gradient descent, NaN when
     *     tied
     * @param levelAfter the plateau after the drop, L_irr + ½ Σ over the modes still unlearned
     */
    public record Drop(double[] singularValues, double time, double shiftPerLearningRate,
            double levelAfter) {
    }

    /**
     * @param initialLevel the first plateau, ½ tr Σ_yy (the loss at θ = 0)
     * @param drops the predicted drops, in order
     */
    public record Prediction(double initialLevel, List<Drop> drops) {
        public Prediction {
            drops = List.copyOf(drops);
        }
    }

    private LinearTheory() {
    }

    /** The prediction, or empty when the network or the data are outside the theory's setting. */
    public static Optional<Prediction> predict(Network network, Dataset data, double[] theta0) {
        if (!(network instanceof FullyConnected fc) || !fc.kind().equals("linear") || fc.bias()
                || !whitened(data.sigmaXX())) {
            return Optional.empty();
        }
        ModeStrengths.Bases bases = ModeStrengths.of(data.sigmaYX());
        double[] s = bases.s();
        double total = 0.5 * trace(data.sigmaYY());
        double remaining = total;
        List<Drop> drops = new ArrayList<>();
        int k = 0;
        while (k < s.length && s[k] > TIED * s[0]) {
            int end = k + 1;
            while (end < s.length && Math.abs(s[end] - s[k]) <= TIED * s[k]) {
                end++;
            }
            double[] group = java.util.Arrays.copyOfRange(s, k, end);
            for (double sk : group) {
                remaining -= 0.5 * sk * sk;
            }
            double time = Double.NaN;
            double shift = Double.NaN;
            if (group.length == 1) {
                double w0 = initialStrength(fc, theta0, bases, k);
                time = Math.log(HALF_WAY * (s[k] - w0) / w0) / (2 * s[k]);
                shift = 0.25 * Math.log((1 - 1 / Math.sqrt(2)) * s[k] / w0);
            }
            drops.add(new Drop(group, time, shift, remaining));
            k = end;
        }
        return Optional.of(new Prediction(total, drops));
    }

    /** w₀,k = Σ_i ((r_kᵀ u_i + q_kᵀ v_i)/2)², see the type's documentation. */
    static double initialStrength(FullyConnected fc, double[] theta, ModeStrengths.Bases b, int k) {
        DMatrixRMaj Q = b.Q();
        DMatrixRMaj R = b.R();
        double sum = 0;
        for (int i = 0; i < fc.width(); i++) {
            double a = 0;
            for (int d = 0; d < fc.inputSize(); d++) {
                a += R.get(d, k) * theta[fc.uOffset(i) + d];
            }
            double c = 0;
            for (int d = 0; d < fc.outputSize(); d++) {
                c += Q.get(d, k) * theta[fc.vOffset(i) + d];
            }
            sum += 0.25 * (a + c) * (a + c);
        }
        return sum;
    }

    private static boolean whitened(DMatrixRMaj sigmaXX) {
        for (int r = 0; r < sigmaXX.numRows; r++) {
            for (int c = 0; c < sigmaXX.numCols; c++) {
                if (Math.abs(sigmaXX.get(r, c) - (r == c ? 1 : 0)) > WHITENED) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double trace(DMatrixRMaj A) {
        double t = 0;
        for (int r = 0; r < A.numRows; r++) {
            t += A.get(r, r);
        }
        return t;
    }
}
