package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.Require;

/**
 * The population loss of the quadratic fully connected network (paper, Eq. (1) with
 * φ(x; u) = (uᵀx)², one output, no bias) on Gaussian inputs and a quadratic target:
 * <pre>
 *   f(x) = Σ_i v_i (u_iᵀx)² = xᵀ M x,     M = Σ_i v_i u_i u_iᵀ,
 *   y(x) = xᵀ A x,  A symmetric,          x ~ N(0, I_D),
 *   L(θ) = ½ E[(f(x) − y(x))²].
 * </pre>
 *
 * <h2>Closed form</h2>
 * The residual is the quadratic form r(x) = xᵀ R x with R = M − A. Isserlis' theorem gives, for
 * symmetric B and C, E[(xᵀBx)(xᵀCx)] = Σ_abcd B_ab C_cd (δ_ab δ_cd + δ_ac δ_bd + δ_ad δ_bc)
 * = tr(B) tr(C) + 2 tr(BC), so with τ = tr(R)
 * <pre>
 *   L = ½ [ τ² + 2 ‖R‖²_F ] = ½ ⟨R, G⟩,     G = τ I + 2 R.
 * </pre>
 * G is ∂L/∂M, and also E[r(x) x xᵀ] (the same theorem with one factor of rank one): the population
 * value of the residual statistic that {@link BilinearMomentObjective} forms from samples. Since
 * M is linear in v_i and quadratic in u_i,
 * <pre>
 *   ∇_{u_i} L = 2 v_i G u_i,      ∇_{v_i} L = u_iᵀ G u_i.
 * </pre>
 * The minimum is L = 0 at M = A, so there is no irreducible loss.
 *
 * <h2>The trace term</h2>
 * E[f] = tr(M) and E[y] = tr(A): the term ½τ² is half the squared difference of the means, and it
 * couples every unit to every other through tr(M) even where the units' directions are orthogonal.
 * A network without bias can still fit a target with a non-zero mean, since its own mean is
 * tr(M). At θ = 0 the drive of the early flow is −G = tr(A) I + 2A (Section 6.2's Σ_yZ), which
 * for a target with tr(A) ≠ 0 shifts every eigenvalue by tr(A), also in directions the target does
 * not use.
 *
 * <h2>Parameter layout and cost</h2>
 * As {@link FullyConnected} without bias: unit after unit, u_i (D entries) then v_i. One evaluation
 * costs O(H·D²) and allocates nothing. The loss is a polynomial in θ, so the result is exact up to
 * round-off; no samples are drawn.
 */
public final class QuadraticPopulationObjective implements Objective {
    private final int d;
    private final int units;
    private final double[] a;
    private final double[] r;
    private final double[] g;
    private final double[] gu;

    /**
     * @param inputs D
     * @param units H
     * @param A the target's matrix, D × D, symmetric and finite; copied
     * @throws org.saddlecheck.InvalidInputException if a size is not positive, A does not have
     *     shape D × D, or A is not finite or not symmetric
     */
    public QuadraticPopulationObjective(int inputs, int units, DMatrixRMaj A) {
        Require.positive("inputs D", inputs);
        Require.positive("width H", units);
        Require.that(A.numRows == inputs && A.numCols == inputs, "A has shape " + A.numRows + "×"
                + A.numCols + " but the network reads " + inputs + " inputs");
        Require.finite("A", A);
        for (int p = 0; p < inputs; p++) {
            for (int q = p + 1; q < inputs; q++) {
                Require.that(A.get(p, q) == A.get(q, p), "A must be symmetric, but A[" + p + ", "
                        + q + "] = " + A.get(p, q) + " and A[" + q + ", " + p + "] = " + A.get(q, p));
            }
        }
        this.d = inputs;
        this.units = units;
        this.a = A.data.clone();
        this.r = new double[d * d];
        this.g = new double[d * d];
        this.gu = new double[d];
    }

    /**
     * The objective of the target y = Σ_k λ_k x_k², A = diag(λ) padded with zeros to D × D.
     *
     * @param lambda λ_1 … λ_K, K ≤ D, finite; not modified
     */
    public static QuadraticPopulationObjective diagonal(int inputs, int units, double[] lambda) {
        Require.that(lambda.length > 0 && lambda.length <= inputs, "λ has " + lambda.length
                + " values but between 1 and D = " + inputs + " are needed");
        Require.finite("λ", lambda);
        DMatrixRMaj A = new DMatrixRMaj(inputs, inputs);
        for (int k = 0; k < lambda.length; k++) {
            A.set(k, k, lambda[k]);
        }
        return new QuadraticPopulationObjective(inputs, units, A);
    }

    /**
     * The objective for {@code network}, which must be the quadratic network with one output and
     * no bias.
     *
     * @throws org.saddlecheck.InvalidInputException for any other network
     */
    public static QuadraticPopulationObjective of(FullyConnected network, DMatrixRMaj A) {
        Require.that(network.activation() == Activation.SQUARE && network.outputSize() == 1
                && !network.bias(), "the population form needs the quadratic network with one"
                + " output and no bias, not " + network);
        return new QuadraticPopulationObjective(network.inputSize(), network.width(), A);
    }

    /** The target's matrix A, a new D × D copy. */
    public DMatrixRMaj target() {
        return new DMatrixRMaj(d, d, true, a.clone());
    }

    /** The loss of the best M (M = A): 0. */
    public double irreducibleLoss() {
        return 0;
    }

    /**
     * G = tr(R) I + 2R = E[r(x) x xᵀ] at θ, a new D × D matrix: −G drives the early growth of a
     * small unit, v̇ = −uᵀGu and u̇ = −2vGu. Does not modify {@code theta}.
     */
    public DMatrixRMaj residualStatistic(double[] theta) {
        residual(theta);
        return new DMatrixRMaj(d, d, true, g.clone());
    }

    @Override
    public int dimension() {
        return units * (d + 1);
    }

    @Override
    public double loss(double[] theta) {
        return residual(theta);
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        double loss = residual(theta);
        int size = d + 1;
        for (int i = 0; i < units; i++) {
            int unit = i * size;
            double v = theta[unit + d];
            // G u_i, then u_iᵀ G u_i
            double uGu = 0;
            for (int p = 0; p < d; p++) {
                double s = 0;
                for (int q = 0; q < d; q++) {
                    s = Math.fma(g[p * d + q], theta[unit + q], s);
                }
                gu[p] = s;
                uGu = Math.fma(theta[unit + p], s, uGu);
            }
            for (int p = 0; p < d; p++) {
                gradient[unit + p] = 2 * (v * gu[p]);
            }
            gradient[unit + d] = uGu;
        }
        return loss;
    }

    /**
     * R = M − A and G = tr(R) I + 2R into the workspaces; returns L = ½⟨R, G⟩. Only the upper
     * triangle of M is accumulated and mirrored, so R and G are symmetric entry for entry.
     */
    private double residual(double[] theta) {
        Require.length("θ", theta, dimension());
        int size = d + 1;
        for (int p = 0; p < d; p++) {
            for (int q = p; q < d; q++) {
                double m = 0;
                for (int i = 0; i < units; i++) {
                    int unit = i * size;
                    m = Math.fma(theta[unit + d] * theta[unit + p], theta[unit + q], m);
                }
                r[p * d + q] = m - a[p * d + q];
                r[q * d + p] = r[p * d + q];
            }
        }
        double trace = 0;
        for (int p = 0; p < d; p++) {
            trace += r[p * d + p];
        }
        double sum = 0;
        for (int j = 0; j < d * d; j++) {
            g[j] = 2 * r[j];
            sum += r[j] * r[j];
        }
        for (int p = 0; p < d; p++) {
            g[p * d + p] += trace;
        }
        return 0.5 * (trace * trace + 2 * sum);
    }

    @Override
    public Objective copy() {
        return new QuadraticPopulationObjective(d, units, new DMatrixRMaj(d, d, true, a.clone()));
    }
}
