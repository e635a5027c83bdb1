package org.saddlecheck.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.Require;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;

/**
 * The exact gradient-flow solution of a two-layer linear network with whitened inputs and an
 * aligned, balanced start (Saxe, McClelland and Ganguli 2014, "Exact solutions to the nonlinear
 * dynamics of learning in deep linear neural networks"; the paper's Theorem 4 and its discussion of
 * linear networks use it for the linear saddle-to-saddle dynamics). The oracle of the integrator
 * tests.
 *
 * <h2>Setting</h2>
 * Inputs whitened, Σ_xx = I, and Σ_yx = Σ_k s_k q_k r_kᵀ = Q diag(s) Rᵀ with orthonormal columns
 * q_k of Q (D_out × m) and r_k of R (D_in × m). Start with unit k carrying mode k only,
 * u_k = √w₀ r_k and v_k = √w₀ q_k for k &lt; m, and every other unit zero. Writing u_k = a r_k and
 * v_k = b q_k, the gradient of the loss ½‖W − Σ_yx‖²_F + L_irr (W = Σ_i v_i u_iᵀ) keeps each unit on
 * its mode, ȧ = b(s_k − ab) and ḃ = a(s_k − ab), so a = b stays balanced and the mode strength
 * w_k = q_kᵀ W r_k = ab obeys the logistic equation
 * <pre>
 *   ẇ_k = 2 w_k (s_k − w_k),      w_k(0) = w₀,
 *   w_k(t) = s_k e^{2 s_k t} / (e^{2 s_k t} − 1 + s_k / w₀) = s_k / (1 + (s_k/w₀ − 1) e^{−2 s_k t}).
 * </pre>
 * The second form is evaluated: it cannot overflow. The zero units stay zero (Theorem 3 (ii)). This
 * is exact [exact]: any deviation of a numerical solution is integration error.
 *
 * <p>Modes are numbered k = 0 … m−1 here (the paper's k = 1 … m).
 */
public final class SaxeSolution {
    private final double[] s;
    private final double w0;

    /**
     * @param singularValues s_k &gt; 0 of Σ_yx, one per mode (not copied by reference)
     * @param initialStrength w₀ &gt; 0, the common initial mode strength (ε² for u_k, v_k of norm ε)
     */
    public SaxeSolution(double[] singularValues, double initialStrength) {
        Require.positive("number of modes", singularValues.length);
        this.s = singularValues.clone();
        for (int k = 0; k < s.length; k++) {
            Require.positive("singular value s_" + k, s[k]);
        }
        this.w0 = Require.positive("initial mode strength w0", initialStrength);
    }

    /** m, the number of modes. */
    public int modes() {
        return s.length;
    }

    /** s_k. */
    public double singularValue(int k) {
        return s[k];
    }

    /** w₀. */
    public double initialStrength() {
        return w0;
    }

    /** w_k(t) = s_k / (1 + (s_k/w₀ − 1) e^{−2 s_k t}), the exact mode strength. */
    public double modeStrength(int k, double t) {
        double sk = s[k];
        return sk / (1 + (sk / w0 - 1) * Math.exp(-2 * sk * t));
    }

    /**
     * ½ Σ_k (s_k − w_k(t))², the loss above the irreducible loss, when Σ_yx has exactly these modes:
     * with Σ_xx = I the loss is ½‖W − Σ_yx‖²_F + L_irr and W − Σ_yx = Σ_k (w_k − s_k) q_k r_kᵀ.
     */
    public double reducibleLoss(double t) {
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            double gap = s[k] - modeStrength(k, t);
            sum += gap * gap;
        }
        return 0.5 * sum;
    }

    /**
     * The exact time at which w_k = s_k / 2, t_k = ln(s_k/w₀ − 1) / (2 s_k), from the closed form
     * (paper, discussion of Theorem 4). Negative when w₀ &gt; s_k/2 (the mode starts past half).
     *
     * @throws org.saddlecheck.InvalidInputException if w₀ ≥ s_k (the mode never rises to s_k/2)
     */
    public double halfLearningTime(int k) {
        Require.that(w0 < s[k], "mode " + k + " starts at w0 = " + w0 + " ≥ s_k = " + s[k]
                + " and never rises through s_k/2");
        return Math.log((s[k] - w0) / w0) / (2 * s[k]);
    }

    /**
     * [asymptotic] The half-learning time of a mode of strength s from the random N(0, ε²) start of
     * width H, t ≈ ln(2s / (Hε²)) / (2s) (paper, after Theorem 4): the closed form with the effective initial
     * strength w₀ ≈ Hε²/2 and s/w₀ − 1 ≈ s/w₀. Valid only as ε → 0, and only on average over starts;
     * not exact for any particular start.
     */
    public static double asymptoticHalfLearningTime(double s, int width, double epsilon) {
        Require.positive("singular value s", s);
        Require.positive("width H", width);
        Require.positive("initialization scale ε", epsilon);
        return Math.log(2 * s / (width * epsilon * epsilon)) / (2 * s);
    }

    /**
     * The aligned, balanced θ(0) of this solution for a linear network without bias: unit k &lt; m
     * has u_k = √w₀ r_k and v_k = √w₀ q_k, every other unit is zero. Returns a new vector in the
     * network's layout.
     *
     * @param Q D_out × m, orthonormal columns q_k (left singular vectors of Σ_yx)
     * @param R D_in × m, orthonormal columns r_k (right singular vectors)
     * @throws org.saddlecheck.InvalidInputException for a non-linear or biased network, a width
     *     below m, wrong shapes, or columns that are not orthonormal to 10⁻¹⁰
     */
    public double[] alignedBalancedTheta(FullyConnected network, DMatrixRMaj Q, DMatrixRMaj R) {
        checkLinear(network);
        Require.that(network.width() >= s.length, "width H (" + network.width()
                + ") must be at least the number of modes (" + s.length + ")");
        Require.shape("Q", Q, network.outputSize(), s.length);
        Require.shape("R", R, network.inputSize(), s.length);
        requireOrthonormal("Q", Q);
        requireOrthonormal("R", R);
        double[] theta = new double[network.parameterCount()];
        double root = Math.sqrt(w0);
        for (int k = 0; k < s.length; k++) {
            int u = network.uOffset(k);
            int v = network.vOffset(k);
            for (int d = 0; d < R.numRows; d++) {
                theta[u + d] = root * R.unsafe_get(d, k);
            }
            for (int d = 0; d < Q.numRows; d++) {
                theta[v + d] = root * Q.unsafe_get(d, k);
            }
        }
        return theta;
    }

    /**
     * The measured mode strength w_k = q_kᵀ W r_k = Σ_i (q_kᵀ v_i)(u_iᵀ r_k) of θ, with
     * W = Σ_i v_i u_iᵀ. Column k of Q and R give q_k and r_k. Reads θ only.
     */
    public static double measuredModeStrength(FullyConnected network, double[] theta,
            DMatrixRMaj Q, DMatrixRMaj R, int k) {
        checkLinear(network);
        Require.length("θ", theta, network.parameterCount());
        double sum = 0;
        for (int i = 0; i < network.width(); i++) {
            int u = network.uOffset(i);
            int v = network.vOffset(i);
            double qv = 0;
            for (int d = 0; d < Q.numRows; d++) {
                qv += Q.unsafe_get(d, k) * theta[v + d];
            }
            double ur = 0;
            for (int d = 0; d < R.numRows; d++) {
                ur += theta[u + d] * R.unsafe_get(d, k);
            }
            sum += qv * ur;
        }
        return sum;
    }

    private static void checkLinear(FullyConnected network) {
        Require.that(network.activation() == Activation.LINEAR && !network.bias(),
                "the closed-form solution needs a linear network without bias, not " + network);
    }

    private static void requireOrthonormal(String role, DMatrixRMaj A) {
        for (int j = 0; j < A.numCols; j++) {
            for (int k = 0; k <= j; k++) {
                double dot = 0;
                for (int d = 0; d < A.numRows; d++) {
                    dot += A.unsafe_get(d, j) * A.unsafe_get(d, k);
                }
                double expected = j == k ? 1 : 0;
                Require.that(Math.abs(dot - expected) <= 1e-10, role + "'s columns " + k + " and "
                        + j + " have inner product " + dot + " but must be orthonormal");
            }
        }
    }
}
