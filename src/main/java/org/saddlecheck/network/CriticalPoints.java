package org.saddlecheck.network;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.task.Dataset;

/**
 * Exact critical points with a non-zero residual, for any network: given inputs X and any θ*,
 * targets Y that make ∇L(θ*) = 0 while L(θ*) &gt; 0.
 *
 * <p>The gradient is ∇L(θ) = (1/P) Jᵀ r, with r = f(X; θ) − Y the residuals (P·D_out of them)
 * and J the Jacobian of the outputs (paper, Section 2). Choosing r in the null space of Jᵀ, and
 * Y = f(X; θ*) − r, makes θ* critical. J is read off the network's own gradient, which is affine
 * in the targets: ∇L with target entry (μ, k) raised by one minus ∇L with the targets f(X; θ*)
 * is −(1/P) row (μ, k) of J, exactly in exact arithmetic. A null space exists when P·D_out
 * exceeds the rank of J, for example when P·D_out &gt; dim θ.
 *
 * <p>The computed point is critical up to round-off: the residual is projected with an SVD of J
 * (backward stable, so r is orthogonal to the range of J to a few units of round-off relative to
 * ‖J‖‖r‖), and J itself is differenced from two gradients (error γ_m relative to the gradient's
 * magnitudes). Claims therefore compare gradients at embedded points with the gradient computed at
 * θ* itself, never with zero.
 */
public final class CriticalPoints {

    /** Singular values below this share of the largest count as null directions. */
    private static final double NULL_SHARE = 1e-10;

    private CriticalPoints() {
    }

    /**
     * Data on {@code X} whose targets make θ* a critical point of {@code network}; the residual is
     * a standard normal vector projected onto the null space of Jᵀ. Does not modify its arguments.
     *
     * @throws InvalidInputException if Jᵀ has no null space (too few samples)
     */
    public static Dataset withResidual(Network network, DMatrixRMaj X, double[] thetaStar,
            SplittableRandom random) {
        int rows = X.numRows * network.outputSize();
        DMatrixRMaj J = jacobian(network, X, thetaStar);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(rows, thetaStar.length, true, false, false);
        if (!svd.decompose(J)) {
            throw new InvalidInputException("the SVD of the " + rows + "×" + thetaStar.length
                    + " Jacobian did not converge");
        }
        DMatrixRMaj Q = svd.getU(null, false);
        double[] sigma = svd.getSingularValues();
        double largest = 0;
        for (double s : sigma) {
            largest = Math.max(largest, s);
        }
        double[] r = new double[rows];
        for (int k = 0; k < rows; k++) {
            r[k] = gaussian(random);
        }
        int range = 0;
        for (int c = 0; c < Math.min(Q.numCols, sigma.length); c++) {
            if (sigma[c] <= NULL_SHARE * largest) {
                continue;
            }
            range++;
            double dot = 0;
            for (int k = 0; k < rows; k++) {
                dot += Q.get(k, c) * r[k];
            }
            for (int k = 0; k < rows; k++) {
                r[k] -= dot * Q.get(k, c);
            }
        }
        if (range >= rows) {
            throw new InvalidInputException("the Jacobian has full row rank " + rows
                    + ": no residual can be orthogonal to it; use more samples");
        }
        DMatrixRMaj Y = network.predict(thetaStar, X);
        for (int k = 0; k < rows; k++) {
            Y.data[k] -= r[k];
        }
        return new Dataset(X, Y);
    }

    /** J, (P·D_out) × dim θ, row (μ, k) = ∂f_k(x_μ)/∂θ, from differences of gradients. */
    public static DMatrixRMaj jacobian(Network network, DMatrixRMaj X, double[] theta) {
        int p = X.numRows;
        int rows = p * network.outputSize();
        DMatrixRMaj f = network.predict(theta, X);
        DMatrixRMaj J = new DMatrixRMaj(rows, theta.length);
        double[] base = new double[theta.length];
        double[] moved = new double[theta.length];
        network.minibatchObjective(new Dataset(X, f), 1).lossAndGradient(theta, base);
        for (int row = 0; row < rows; row++) {
            DMatrixRMaj Y = f.copy();
            Y.data[row] += 1;
            network.minibatchObjective(new Dataset(X, Y), 1).lossAndGradient(theta, moved);
            for (int j = 0; j < theta.length; j++) {
                J.set(row, j, p * (base[j] - moved[j]));
            }
        }
        return J;
    }

    /** A standard normal draw by the Box–Muller transform (one of the pair). */
    public static double gaussian(SplittableRandom random) {
        double a = random.nextDouble();
        double b = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-a)) * Math.cos(2 * Math.PI * b);
    }
}
