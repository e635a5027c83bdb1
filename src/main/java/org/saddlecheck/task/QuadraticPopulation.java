package org.saddlecheck.task;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.Require;

/**
 * The Gaussian population of a quadratic target, y = Σ_k λ_k x_k² = xᵀ diag(λ) x with
 * x ~ N(0, I_D), written as a finite point set on which the quadratic network's loss is exactly
 * its population loss ({@link org.saddlecheck.network.QuadraticPopulationObjective}).
 *
 * <h2>Why a point set can be exact</h2>
 * For the quadratic network without bias, f(x) and y(x) are quadratic forms, so every term of the
 * loss (f − y)² and of the statistic Σ_yZ = E[y x xᵀ] is a form of degree 4 in x. The expectation of
 * a degree-4 form is fixed by the moments E[x_a⁴] = 3, E[x_a² x_b²] = 1 (a ≠ b) and the zero mixed
 * moments with an odd power. Equal weights 1/P on the P = 2^D + 2D points
 * <pre>
 *   s_c (±1, …, ±1)    (all 2^D sign patterns),   s_c = (P / 2^D)^{1/4},
 *   ± s_e e_a           (a = 1 … D),              s_e = P^{1/4},
 * </pre>
 * reproduce them: the cube gives E[x_a² x_b²] = 2^D s_c⁴ / P = 1 and every moment with an odd
 * power vanishes by the sign symmetry of each group; the axis points add 2 s_e⁴ / P = 2 to E[x_a⁴]
 * only, which brings it from 1 to 3. Rescaling a point by w^{1/4} weights a degree-4 form by w,
 * which is how equal weights carry a rule whose natural weights differ. The points are not a
 * sample of N(0, I) and their lower moments are not Gaussian (Σ_xx ≠ I), so this data set is for
 * the quadratic network without bias only.
 *
 * <p>Consequences, exact up to round-off: Σ_yZ = 2 diag(λ) + (Σ_k λ_k) I with no correction of the
 * targets; the least-squares optimum is M* = diag(λ) with zero irreducible loss; the initial loss is
 * ½E[y²] = ½[(Σ_k λ_k)² + 2 Σ_k λ_k²].
 *
 * @param data the 2^D + 2D points as the rows of X and the targets y = xᵀ diag(λ) x as Y (P × 1)
 * @param lambda λ padded with zeros to length D
 */
public record QuadraticPopulation(Dataset data, double[] lambda) {

    /** The largest D: the cube has 2^D points. */
    public static final int MAX_INPUTS = 12;

    /**
     * The point set and targets described in the type's documentation; nothing is drawn.
     *
     * @param inputs D, between 1 and {@link #MAX_INPUTS}
     * @param lambda λ_1 … λ_K with K ≤ D, finite; not modified
     * @throws org.saddlecheck.InvalidInputException naming the argument at fault
     */
    public static QuadraticPopulation of(int inputs, double[] lambda) {
        Require.positive("inputs D", inputs);
        Require.that(inputs <= MAX_INPUTS, "inputs D (" + inputs + ") must be at most "
                + MAX_INPUTS + " for the population point set, which has 2^D + 2D points");
        Require.that(lambda.length > 0 && lambda.length <= inputs, "λ has " + lambda.length
                + " values but between 1 and D = " + inputs + " are needed");
        Require.finite("λ", lambda);
        double[] l = Arrays.copyOf(lambda, inputs);
        int cube = 1 << inputs;
        int p = cube + 2 * inputs;
        DMatrixRMaj X = new DMatrixRMaj(p, inputs);
        double sc = Math.pow((double) p / cube, 0.25);
        for (int mu = 0; mu < cube; mu++) {
            for (int a = 0; a < inputs; a++) {
                X.set(mu, a, (mu >> a & 1) == 0 ? sc : -sc);
            }
        }
        double se = Math.pow(p, 0.25);
        for (int a = 0; a < inputs; a++) {
            X.set(cube + 2 * a, a, se);
            X.set(cube + 2 * a + 1, a, -se);
        }
        double[] y = new double[p];
        for (int mu = 0; mu < p; mu++) {
            for (int a = 0; a < inputs; a++) {
                double x = X.get(mu, a);
                y[mu] += l[a] * (x * x);
            }
        }
        return new QuadraticPopulation(new Dataset(X, DMatrixRMaj.wrap(p, 1, y)), l);
    }

    /** P = 2^D + 2D, the number of points for D inputs. */
    public static int samples(int inputs) {
        return (1 << inputs) + 2 * inputs;
    }

    @Override
    public double[] lambda() {
        return lambda.clone();
    }
}
