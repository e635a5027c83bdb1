package org.saddlecheck.network;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.saddlecheck.task.Dataset;

/**
 * Builds data for which a given θ* is an exact critical point with a non-zero residual, for any
 * network: ∇L(θ*) = (1/P) Jᵀ r with J the (P·D_out) × dim Jacobian of the outputs, so choosing the
 * residual r in the null space of Jᵀ (and the targets Y = f(θ*) − r) makes ∇L(θ*) = 0 while the
 * loss stays positive. J is read off the network's own gradient, which is affine in the targets:
 * ∇L(Y) − ∇L(Y + e_μk) = (1/P) J_{μk}ᵀ, exactly in exact arithmetic.
 */
final class FixedPoints {
    private FixedPoints() {
    }

    /**
     * Data on the inputs X whose targets make θ* a critical point of {@code network} with residuals
     * of norm about √(P·D_out) (standard normal before projection).
     */
    static Dataset withResidual(Network network, DMatrixRMaj X, double[] thetaStar,
            SplittableRandom random) {
        int p = X.numRows;
        int out = network.outputSize();
        int dim = thetaStar.length;
        DMatrixRMaj f = network.predict(thetaStar, X);

        // Row (μ, k) of J from two gradients whose targets differ by one in entry (μ, k).
        DMatrixRMaj J = new DMatrixRMaj(p * out, dim);
        double[] base = new double[dim];
        double[] moved = new double[dim];
        network.minibatchObjective(new Dataset(X, f), 1).lossAndGradient(thetaStar, base);
        for (int row = 0; row < p * out; row++) {
            DMatrixRMaj Y = f.copy();
            Y.data[row] += 1;
            network.minibatchObjective(new Dataset(X, Y), 1).lossAndGradient(thetaStar, moved);
            for (int j = 0; j < dim; j++) {
                J.set(row, j, p * (base[j] - moved[j]));
            }
        }

        // r = (I − Q Qᵀ) z with Q an orthonormal basis of the range of J.
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(p * out, dim, true, false, true);
        svd.decompose(J);
        DMatrixRMaj Q = svd.getU(null, false);
        double[] sigma = svd.getSingularValues();
        double largest = 0;
        for (double s : sigma) {
            largest = Math.max(largest, s);
        }
        double[] r = new double[p * out];
        for (int k = 0; k < r.length; k++) {
            r[k] = Generators.gaussian(random);
        }
        for (int c = 0; c < sigma.length; c++) {
            // Directions with σ below 10⁻¹⁰ σ_max are null directions blurred by round-off.
            if (sigma[c] <= 1e-10 * largest) {
                continue;
            }
            double dot = 0;
            for (int k = 0; k < r.length; k++) {
                dot += Q.get(k, c) * r[k];
            }
            for (int k = 0; k < r.length; k++) {
                r[k] -= dot * Q.get(k, c);
            }
        }
        DMatrixRMaj Y = f.copy();
        for (int k = 0; k < r.length; k++) {
            Y.data[k] -= r[k];
        }
        return new Dataset(X, Y);
    }
}
