package org.saddlecheck.figures;

import org.apache.commons.math3.random.Well19937c;
import org.saddlecheck.Require;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.task.Draws;

/**
 * The initializations of the paper's Figure 2C/2D (Section 6 as summarised in the theory, 6.3):
 * a linear network 4 → 4 with H = 50 on whitened data whose Σ_yx has singular values (1, ½), started
 * from large weights of low rank r,
 * <pre>
 *   θ_i = (u_i, v_i) = Σ_{j&lt;r} a_ij (p_j, q_j) + ε (g_i, g'_i)
 * </pre>
 * with p_j, q_j random orthonormal directions (not aligned with the target's modes), a_ij
 * ~ N(0, σ²) with σ = {@value #LARGE}, and an isotropic perturbation of scale ε (possibly 0). With
 * ε = 0 the units span an r-dimensional space, so by Theorem 3 (iv) rank[θ_1 … θ_H] = r for all
 * time and W = Σ_i v_i u_iᵀ keeps rank at most r. Draws, from one {@link Well19937c} seeded with the
 * given seed, in this order: P (4 × r orthonormal columns), Q (likewise), then for each unit i the
 * a_ij, the 4 entries of g_i and the 4 of g'_i.
 */
public final class LowRankInit {

    /** The standard deviation σ of the large low-rank coefficients. */
    public static final double LARGE = 0.3;
    /** D_in = D_out of the network. */
    public static final int DIMENSION = 4;

    private LowRankInit() {
    }

    /**
     * The scenario: rank-{@code rank} large initialization with perturbation ε, gradient flow to
     * t = 2.2 ln(1/ε) + 30 (or to 30 when ε = 0).
     */
    public static Scenario scenario(int rank, double epsilon, long seed) {
        Require.that(rank >= 1 && rank <= DIMENSION, "rank r (" + rank + ") must lie in 1…"
                + DIMENSION);
        Require.that(epsilon >= 0 && Double.isFinite(epsilon), "perturbation ε (" + epsilon
                + ") must be finite and not negative");
        int h = FigureOne.WIDE;
        int d = DIMENSION;
        Well19937c random = Draws.generator(seed);
        double[][] p = rows(Draws.orthonormalColumns(random, d, rank));
        double[][] q = rows(Draws.orthonormalColumns(random, d, rank));
        double[] theta = new double[h * 2 * d];
        for (int i = 0; i < h; i++) {
            double[] a = new double[rank];
            for (int j = 0; j < rank; j++) {
                a[j] = LARGE * random.nextGaussian();
            }
            int u = i * 2 * d;
            int v = u + d;
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < rank; j++) {
                    theta[u + k] += a[j] * p[k][j];
                }
                theta[u + k] += epsilon * random.nextGaussian();
            }
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < rank; j++) {
                    theta[v + k] += a[j] * q[k][j];
                }
                theta[v + k] += epsilon * random.nextGaussian();
            }
        }
        double end = epsilon > 0 ? 2.2 * Math.log(1 / epsilon) + 30 : 30;
        return FigureOne.withSnapshotGrid(new Scenario(NetworkSpec.fullyConnected("linear", d, d,
                h), DataSpec.generated(DataSpec.WHITENED, 9, 8, 1, 0.5), InitSpec.explicit(theta),
                DynamicsSpec.flow(end, 1e-8)));
    }

    private static double[][] rows(org.ejml.data.DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0; c < m.numCols; c++) {
                out[r][c] = m.get(r, c);
            }
        }
        return out;
    }
}
