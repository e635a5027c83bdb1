package org.saddlecheck.task;

import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.Require;

/**
 * Data for ReLU networks (paper, Section 3, type II saddles: the number of rays grows) from a ReLU
 * teacher f*(x̃) = Σ_j a_j relu(r_jᵀ x̃) with K given rays r_j and output weights a_j.
 *
 * <ul>
 *   <li>{@link #orthogonal}: orthogonal inputs, the rows of √D · Oᵀ for a D × P matrix O with
 *       orthonormal columns (P ≤ D). Exact to round-off: x_μᵀ x_ν = D δ_μν, so no two samples
 *       interact through the first layer; the targets are the teacher's values. Σ_xx = (D/P) O Oᵀ
 *       is a projection scaled by D/P, the identity only when P = D.</li>
 *   <li>{@link #kinks}: the one-dimensional kink benchmark. Inputs on the grid
 *       x_μ = −1 + 2μ/(P − 1), μ = 0 … P−1, and y = Σ_j a_j relu(x − k_j), a piecewise linear target
 *       whose slope changes by a_j exactly at the kink k_j. In the space of x̃ = (x, 1) (a network
 *       with bias) the teacher's rays are r_j = (1, −k_j). A network needs one ray per kink; kinks
 *       with no grid point between them cannot be told apart by the data.</li>
 * </ul>
 *
 * @param data X (P × D, or P × 1 for kinks) and Y (P × 1)
 * @param rays the teacher's rays r_j as rows, K × D (K × 2 in x̃ = (x, 1) for kinks; do not modify)
 * @param weights a_j
 * @param kinks the kink positions k_j (empty for orthogonal inputs)
 */
public record ReluData(Dataset data, DMatrixRMaj rays, double[] weights, double[] kinks) {

    /**
     * Orthogonal inputs and a ReLU teacher without bias. Draws: one {@link Well19937c} seeded with
     * {@code seed} gives O ({@link Draws#orthonormalColumns}, D × P).
     *
     * @param inputs D
     * @param samples P, between 1 and D
     * @param rays the rays r_j as rows, K × D; not modified
     * @param weights a_j, K values; not modified
     * @param seed the seed of the draws
     * @throws org.saddlecheck.InvalidInputException naming the argument at fault
     */
    public static ReluData orthogonal(
            int inputs, int samples, DMatrixRMaj rays, double[] weights, long seed) {
        Require.positive("inputs D", inputs);
        Require.positive("samples P", samples);
        Require.that(samples <= inputs, "samples P (" + samples + ") must be at most D = "
                + inputs + " for orthogonal inputs");
        checkTeacher(rays, inputs, weights);

        DMatrixRMaj O = Draws.orthonormalColumns(Draws.generator(seed), inputs, samples);
        double root = Math.sqrt(inputs);
        DMatrixRMaj X = new DMatrixRMaj(samples, inputs);
        for (int mu = 0; mu < samples; mu++) {
            for (int d = 0; d < inputs; d++) {
                X.unsafe_set(mu, d, root * O.unsafe_get(d, mu));
            }
        }
        DMatrixRMaj Y = new DMatrixRMaj(samples, 1);
        for (int mu = 0; mu < samples; mu++) {
            double y = 0;
            for (int j = 0; j < rays.numRows; j++) {
                double z = 0;
                for (int d = 0; d < inputs; d++) {
                    z += rays.unsafe_get(j, d) * X.unsafe_get(mu, d);
                }
                y += weights[j] * Math.max(z, 0);
            }
            Y.unsafe_set(mu, 0, y);
        }
        return new ReluData(new Dataset(X, Y), rays.copy(), weights.clone(), new double[0]);
    }

    /**
     * The one-dimensional kink benchmark described in the type's documentation. Draws nothing.
     *
     * @param samples P ≥ 2 grid points on [−1, 1]
     * @param kinks k_j, strictly increasing, inside (−1, 1); not modified
     * @param weights a_j ≠ 0, the slope change at each kink; not modified
     * @throws org.saddlecheck.InvalidInputException naming the argument at fault
     */
    public static ReluData kinks(int samples, double[] kinks, double[] weights) {
        Require.that(samples >= 2, "samples P (" + samples + ") must be at least 2 grid points");
        Require.that(kinks.length > 0, "kinks is empty; give at least one kink");
        Require.finite("kinks", kinks);
        Require.length("weights", weights, kinks.length);
        Require.finite("weights", weights);
        for (int j = 0; j < kinks.length; j++) {
            Require.that(kinks[j] > -1 && kinks[j] < 1, "kinks[" + j + "] (" + kinks[j]
                    + ") must lie inside the grid interval (−1, 1)");
            if (j > 0) {
                Require.that(kinks[j] > kinks[j - 1], "kinks[" + j + "] (" + kinks[j]
                        + ") must be larger than kinks[" + (j - 1) + "] (" + kinks[j - 1] + ")");
            }
            Require.that(weights[j] != 0, "weights[" + j + "] is 0, which puts no kink at "
                    + kinks[j]);
        }

        DMatrixRMaj X = new DMatrixRMaj(samples, 1);
        DMatrixRMaj Y = new DMatrixRMaj(samples, 1);
        for (int mu = 0; mu < samples; mu++) {
            double x = -1 + 2.0 * mu / (samples - 1);
            double y = 0;
            for (int j = 0; j < kinks.length; j++) {
                y += weights[j] * Math.max(x - kinks[j], 0);
            }
            X.unsafe_set(mu, 0, x);
            Y.unsafe_set(mu, 0, y);
        }
        DMatrixRMaj rays = new DMatrixRMaj(kinks.length, 2);
        for (int j = 0; j < kinks.length; j++) {
            rays.unsafe_set(j, 0, 1);
            rays.unsafe_set(j, 1, -kinks[j]);
        }
        return new ReluData(new Dataset(X, Y), rays, weights.clone(), kinks.clone());
    }

    private static void checkTeacher(DMatrixRMaj rays, int inputs, double[] weights) {
        Require.that(rays.numRows > 0, "the teacher has no rays; give at least one");
        Require.that(rays.numCols == inputs, "the teacher's rays have " + rays.numCols
                + " entries but the inputs have D = " + inputs);
        Require.finite("rays", rays);
        Require.length("weights", weights, rays.numRows);
        Require.finite("weights", weights);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] kinks() {
        return kinks.clone();
    }
}
