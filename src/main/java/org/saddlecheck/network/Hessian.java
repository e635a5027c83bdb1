package org.saddlecheck.network;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;

/**
 * The Hessian ∇²L(θ) of an objective, by central differences of its analytic gradient, and its
 * spectrum: the tools for the saddle statements of the paper's Section 4 (a strict saddle at θ = 0
 * for linear networks with eigenvalues ±s_k, a degenerate one for quadratic networks and attention).
 *
 * <h2>Difference step and error</h2>
 * Column j is (∇L(θ + h_j e_j) − ∇L(θ − h_j e_j)) / (2h_j). Suppose the gradient varies on a
 * length scale s (its third derivatives are at most G/s³ where G is its size) and one evaluation
 * has absolute round-off at most κεG, with ε = 2⁻⁵² and κ a modest count of roundings. The error
 * of an entry is then at most
 * <pre>
 *   E(h) = h² G / (6 s³)  +  κ ε G / h              (truncation + round-off),
 * </pre>
 * smallest at h³ = 3κε s³, that is h ∝ ε^{1/3} s. This class takes h_j = ε^{1/3} · max(|θ_j|, s),
 * so that the step also stays relative to θ_j when θ_j is large, and rounds it so that θ_j ± h_j are
 * exact. With that step E ≈ (1/6 + κ) ε^{2/3} G/s: about 4·10⁻¹¹ (1/6 + κ) relative to the size G/s
 * of the Hessian. The result is symmetrised, (H + Hᵀ)/2, which does not increase the error of any
 * entry. Where the gradient is a polynomial of degree at most 2 along each coordinate (for
 * example at θ = 0 for the linear, quadratic and attention networks) the truncation term is 0 and
 * only round-off remains.
 *
 * <p>Limitation: a loss with kinks (ReLU networks) has no Hessian where a kink lies within h_j of
 * θ along a coordinate; the difference then mixes the two sides. Costs 2·dim gradient evaluations
 * and O(dim²) memory.
 */
public final class Hessian {
    /** ε^{1/3} with ε = 2⁻⁵², the relative difference step. */
    public static final double STEP_FACTOR = Math.cbrt(Math.ulp(1.0));

    private Hessian() {
    }

    /** The Hessian with the length scale s = 1 (data and weights of order one). */
    public static DMatrixRMaj of(Objective f, double[] theta) {
        return of(f, theta, 1.0);
    }

    /**
     * ∇²L(θ) by central differences of the analytic gradient, symmetrised, as a new dim × dim
     * matrix. Evaluates {@code f} at 2·dim points; {@code theta} is restored before returning.
     *
     * @param scale s, the length over which the gradient changes by its own size
     * @throws InvalidInputException if θ has the wrong length or a gradient is not finite
     */
    public static DMatrixRMaj of(Objective f, double[] theta, double scale) {
        int n = f.dimension();
        Require.length("θ", theta, n);
        Require.positive("Hessian length scale s", scale);
        double[] point = theta.clone();
        double[] plus = new double[n];
        double[] minus = new double[n];
        DMatrixRMaj H = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            double h = step(theta[j], scale);
            double up = theta[j] + h;
            double down = theta[j] - h;
            point[j] = up;
            f.lossAndGradient(point, plus);
            point[j] = down;
            f.lossAndGradient(point, minus);
            point[j] = theta[j];
            double width = up - down;
            for (int k = 0; k < n; k++) {
                H.data[k * n + j] = (plus[k] - minus[k]) / width;
            }
        }
        symmetrise(H);
        Require.finite("Hessian", H);
        return H;
    }

    /** h = ε^{1/3} max(|θ_j|, s), rounded so that θ_j + h is exact. */
    static double step(double thetaJ, double scale) {
        double h = STEP_FACTOR * Math.max(Math.abs(thetaJ), scale);
        return (thetaJ + h) - thetaJ;
    }

    /** H ← (H + Hᵀ)/2, in place. */
    private static void symmetrise(DMatrixRMaj H) {
        int n = H.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double mean = 0.5 * (H.data[i * n + j] + H.data[j * n + i]);
                H.data[i * n + j] = mean;
                H.data[j * n + i] = mean;
            }
        }
    }

    /**
     * The eigenvalues of a symmetric matrix, ascending, by EJML's symmetric eigen decomposition
     * (tridiagonalisation and implicit QR; backward stable, so each computed eigenvalue is within a
     * modest multiple of n·ε·‖H‖₂ of an exact one). Does not modify {@code symmetric}.
     *
     * @throws InvalidInputException if the matrix is not square or the decomposition fails
     */
    public static double[] eigenvalues(DMatrixRMaj symmetric) {
        Require.that(symmetric.numRows == symmetric.numCols, "the matrix has shape "
                + symmetric.numRows + "×" + symmetric.numCols + " but must be square");
        int n = symmetric.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new InvalidInputException("the symmetric eigen decomposition of a " + n + "×" + n
                    + " matrix did not converge");
        }
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = eig.getEigenvalue(k).real;
        }
        Arrays.sort(values);
        return values;
    }

    /** The index of a critical point: the number of eigenvalues below −tolerance. */
    public static int index(double[] eigenvalues, double tolerance) {
        Require.finite("eigenvalue tolerance", tolerance);
        int count = 0;
        for (double lambda : eigenvalues) {
            if (lambda < -tolerance) {
                count++;
            }
        }
        return count;
    }
}
