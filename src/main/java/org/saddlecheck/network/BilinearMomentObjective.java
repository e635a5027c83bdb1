package org.saddlecheck.network;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.saddlecheck.Require;

/**
 * The exact loss of a network whose output is a bilinear form of its units,
 * <pre>
 *   f_μ = Σ_i v_i (k_i·a_μ)(q_i·c_μ) = ⟨M, a_μ c_μᵀ⟩,     M = Σ_i v_i k_i q_iᵀ  (D × D)
 * </pre>
 * written with the moments of the features z_μ = vec(a_μ c_μᵀ), so that one evaluation costs
 * O(D⁴ + H·D²) whatever the number of samples P. Two networks have this form:
 * <ul>
 *   <li>the quadratic fully connected network with one output and no bias (paper, Eq. (13) with
 *       σ(z) = z²): a = c = x and k_i = q_i = u_i, so M = Σ_i v_i u_i u_iᵀ;</li>
 *   <li>linear self-attention with a separate key and query per head: a_μ the value-weighted
 *       context mean (1/N) Σ_n y_n x_n, c_μ the query x_q, k_i and q_i the head's key and query
 *       ({@link LinearAttention}).</li>
 * </ul>
 * The loss is then least squares in m = vec(M): with Σ_zz = (1/P) Σ z zᵀ, σ_yz = (1/P) Σ y z,
 * G = Σ_zz m − σ_yz (reshaped D × D; G = (1/P) Σ r_μ a_μ c_μᵀ with r the residuals) and
 * m* = Σ_zz⁺ σ_yz the least-squares solution,
 * <pre>
 *   L     = ½ ⟨m − m*, G⟩ + L_irr,     L_irr = ½ ((1/P) Σ y² − m*·σ_yz)
 *   ∇_k_i = v_i G q_i,   ∇_q_i = v_i Gᵀ k_i,   ∇_v_i = k_iᵀ G q_i
 * </pre>
 * (for the quadratic network the key and query gradients land on the same u_i and add up to
 * v_i (G + Gᵀ) u_i = 2 v_i G u_i). When the key is the query, M and x xᵀ are symmetric and only
 * their upper triangles are used as features (D(D+1)/2 of them, off-diagonal products doubled),
 * which keeps Σ_zz invertible for generic data. G = Σ_zz (m − m*) because σ_yz lies in the range
 * of Σ_zz, so
 * writing the reducible part as ½⟨m − m*, G⟩ avoids the cancellation of expanding the square, as
 * {@link LinearStatisticsObjective} does for linear networks.
 *
 * <h2>Accuracy and cost</h2>
 * This is an exact reformulation of the sample loss, not an approximation: the two agree to
 * round-off (tested). Its round-off differs from the sample form's: a gradient entry sums D²
 * products Σ_zz m instead of P residual terms, and m* comes from a Cholesky solve (or, when Σ_zz is
 * singular, EJML's SVD pseudo-inverse, which treats singular values below its default threshold as
 * zero), whose error grows with the condition number of Σ_zz. The exact claims bound the
 * round-off of the sample form, so the networks keep the sample form as their default objective;
 * this one is chosen by name ({@link FullyConnected#momentObjective}, {@link
 * LinearAttention#momentObjective}) where speed matters. Building it costs O(P·F²) for Σ_zz and a
 * Cholesky factorization of F × F (F the number of features); worthwhile when P is larger than
 * about F.
 */
public final class BilinearMomentObjective implements Objective {
    /** D, the length of the features a_μ, c_μ and of each key and query. */
    private final int d;
    private final int units;
    private final int unitSize;
    private final int keyAt;
    private final int queryAt;
    private final int valueAt;

    private final DMatrixRMaj sigmaZZ;
    private final double[] sigmaYZ;
    private final double[] optimum;
    private final double irreducibleLoss;

    private final boolean symmetric;
    private final double[] scaledKeys;
    private final double[] full;
    private final double[] m;
    private final double[] gPacked;
    private final double[] g;
    private final double[] gT;
    private final double[] gq;
    private final double[] gk;

    /**
     * @param a the left features a_μ (P × D)
     * @param c the right features c_μ (P × D)
     * @param y the targets (P × 1)
     * @param units H
     * @param unitSize the length of each unit's block in θ
     * @param keyAt where k_i starts inside a unit's block (D entries)
     * @param queryAt where q_i starts inside a unit's block (D entries; equal to keyAt when shared)
     * @param valueAt where the scalar v_i sits inside a unit's block
     */
    BilinearMomentObjective(DMatrixRMaj a, DMatrixRMaj c, DMatrixRMaj y, int units, int unitSize,
            int keyAt, int queryAt, int valueAt) {
        Require.that(a.numRows == c.numRows && a.numCols == c.numCols && y.numRows == a.numRows
                && y.numCols == 1, "the features and targets must have one row per sample and one"
                + " target column");
        this.d = a.numCols;
        this.units = units;
        this.unitSize = unitSize;
        this.keyAt = keyAt;
        this.queryAt = queryAt;
        this.valueAt = valueAt;
        this.symmetric = keyAt == queryAt;
        Require.that(!symmetric || a == c, "a unit whose key is its query needs the same features"
                + " on both sides");
        int features = symmetric ? d * (d + 1) / 2 : d * d;
        int p = a.numRows;

        sigmaZZ = new DMatrixRMaj(features, features);
        sigmaYZ = new double[features];
        double[] z = new double[features];
        double yy = 0;
        for (int mu = 0; mu < p; mu++) {
            features(a, c, mu, z);
            double target = y.get(mu, 0);
            yy += target * target;
            for (int j = 0; j < features; j++) {
                sigmaYZ[j] += target * z[j];
                Kernels.chain(z, j, 0, z, 0, 0, 1, sigmaZZ.data, j * features, features);
            }
        }
        CommonOps_DDRM.scale(1.0 / p, sigmaZZ);
        for (int j = 0; j < features; j++) {
            sigmaYZ[j] /= p;
        }
        optimum = leastSquares(sigmaZZ, sigmaYZ);
        double fitted = 0;
        for (int j = 0; j < features; j++) {
            fitted += optimum[j] * sigmaYZ[j];
        }
        irreducibleLoss = Math.max(0, 0.5 * (yy / p - fitted));

        scaledKeys = new double[units * d];
        full = new double[d * d];
        m = new double[features];
        gPacked = new double[features];
        g = new double[d * d];
        gT = new double[d * d];
        gq = new double[d];
        gk = new double[d];
    }

    /**
     * z_μ: all products a_r c_s (index r·D + s), or for a unit whose key is its query (a = c) the
     * upper triangle r ≤ s row by row with the off-diagonal products doubled, since
     * ⟨M, x xᵀ⟩ = Σ_r M_rr x_r² + Σ_{r&lt;s} M_rs · 2 x_r x_s for symmetric M.
     */
    private void features(DMatrixRMaj a, DMatrixRMaj c, int mu, double[] z) {
        int j = 0;
        for (int r = 0; r < d; r++) {
            double ar = a.get(mu, r);
            for (int s = symmetric ? r : 0; s < d; s++) {
                double product = ar * c.get(mu, s);
                z[j++] = symmetric && s != r ? 2 * product : product;
            }
        }
    }

    /**
     * m* with Σ_zz m* = σ_yz: by Cholesky when Σ_zz is positive definite (the features are linearly
     * independent over the samples, which needs P at least the number of features), else the
     * minimum-norm solution Σ_zz⁺ σ_yz by EJML's SVD pseudo-inverse.
     */
    private static double[] leastSquares(DMatrixRMaj sigmaZZ, double[] sigmaYZ) {
        int n = sigmaYZ.length;
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1, true, sigmaYZ);
        DMatrixRMaj solution = new DMatrixRMaj(n, 1);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (chol.setA(sigmaZZ.copy())) {
            chol.solve(rhs, solution);
            boolean finite = true;
            for (double x : solution.data) {
                finite &= Double.isFinite(x);
            }
            if (finite) {
                return solution.data;
            }
        }
        DMatrixRMaj pinv = new DMatrixRMaj(n, n);
        CommonOps_DDRM.pinv(sigmaZZ, pinv);
        CommonOps_DDRM.mult(pinv, rhs, solution);
        return solution.data;
    }

    /** L_irr, the loss of the best M; the floor under every plateau. */
    public double irreducibleLoss() {
        return irreducibleLoss;
    }

    @Override
    public int dimension() {
        return units * unitSize;
    }

    @Override
    public double loss(double[] theta) {
        residual(theta);
        return reducibleLoss() + irreducibleLoss;
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        residual(theta);
        double loss = reducibleLoss() + irreducibleLoss;
        // for a shared key and query G is symmetric entry for entry, so Gᵀ is G itself
        double[] rowsOfGT = g;
        if (!symmetric) {
            Kernels.transpose(g, d, d, gT);
            rowsOfGT = gT;
        }
        for (int i = 0; i < units; i++) {
            int unit = i * unitSize;
            double v = theta[unit + valueAt];
            // G q_i = Σ_b q_ib Gᵀ[b, :]; Gᵀ k_i = Σ_a k_ia G[a, :], which for a shared key and
            // query is G q_i again, since G is then symmetric entry for entry
            Kernels.rowTimesMatrix(theta, unit + queryAt, d, rowsOfGT, d, gq, 0);
            double kGq = 0;
            for (int r = 0; r < d; r++) {
                kGq = Math.fma(theta[unit + keyAt + r], gq[r], kGq);
            }
            if (symmetric) {
                for (int r = 0; r < d; r++) {
                    gradient[unit + keyAt + r] = 2 * (v * gq[r]);
                }
            } else {
                Kernels.rowTimesMatrix(theta, unit + keyAt, d, g, d, gk, 0);
                for (int r = 0; r < d; r++) {
                    gradient[unit + keyAt + r] = v * gq[r];
                    gradient[unit + queryAt + r] = v * gk[r];
                }
            }
            gradient[unit + valueAt] = kGq;
        }
        return loss;
    }

    /** m = vec(Σ_i v_i k_i q_iᵀ) and G = Σ_zz m − σ_yz, both left in the workspaces. */
    private void residual(double[] theta) {
        Require.length("θ", theta, dimension());
        for (int i = 0; i < units; i++) {
            int unit = i * unitSize;
            double v = theta[unit + valueAt];
            for (int r = 0; r < d; r++) {
                scaledKeys[i * d + r] = v * theta[unit + keyAt + r];
            }
        }
        // row r of M is the chain over the units of (v_i k_ir) · q_i
        Arrays.fill(full, 0);
        for (int r = 0; r < d; r++) {
            Kernels.chain(scaledKeys, r, d, theta, queryAt, unitSize, units, full, r * d, d);
        }
        if (!symmetric) {
            System.arraycopy(full, 0, m, 0, m.length);
        } else {
            for (int r = 0, j = 0; r < d; r++) {
                for (int s = r; s < d; s++) {
                    m[j++] = full[r * d + s];
                }
            }
        }
        // the feature-space gradient Σ_zz m − σ_yz (Σ_zz is symmetric, so m Σ_zz is Σ_zz m)
        int f = m.length;
        Kernels.rowTimesMatrix(m, 0, f, sigmaZZ.data, f, gPacked, 0);
        for (int j = 0; j < f; j++) {
            gPacked[j] -= sigmaYZ[j];
        }
        // G = (1/P) Σ_μ r_μ a_μ c_μᵀ; packed entries hold E[r x_r x_s] on the diagonal and twice it
        // off the diagonal
        if (!symmetric) {
            System.arraycopy(gPacked, 0, g, 0, f);
        } else {
            for (int r = 0, j = 0; r < d; r++) {
                for (int s = r; s < d; s++, j++) {
                    double entry = s == r ? gPacked[j] : 0.5 * gPacked[j];
                    g[r * d + s] = entry;
                    g[s * d + r] = entry;
                }
            }
        }
    }

    /** ½⟨m − m*, G⟩. */
    private double reducibleLoss() {
        double sum = 0;
        for (int j = 0; j < m.length; j++) {
            sum += (m[j] - optimum[j]) * gPacked[j];
        }
        return 0.5 * sum;
    }

    @Override
    public Objective copy() {
        return new BilinearMomentObjective(this);
    }

    /** A copy with its own workspaces that shares the (immutable) moments. */
    private BilinearMomentObjective(BilinearMomentObjective o) {
        d = o.d;
        units = o.units;
        unitSize = o.unitSize;
        keyAt = o.keyAt;
        queryAt = o.queryAt;
        valueAt = o.valueAt;
        sigmaZZ = o.sigmaZZ;
        sigmaYZ = o.sigmaYZ;
        optimum = o.optimum;
        irreducibleLoss = o.irreducibleLoss;
        symmetric = o.symmetric;
        scaledKeys = new double[units * d];
        full = new double[d * d];
        m = new double[o.m.length];
        gPacked = new double[o.m.length];
        g = new double[d * d];
        gT = new double[d * d];
        gq = new double[d];
        gk = new double[d];
    }
}
