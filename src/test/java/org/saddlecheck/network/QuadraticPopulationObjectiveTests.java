package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.QuadraticPopulation;

/**
 * The population loss of the quadratic network, L = ½[(tr R)² + 2‖R‖²_F], against three
 * independent computations: Isserlis' sum over index quadruples written from its definition, the
 * sample form on the point set {@link QuadraticPopulation} (exact for degree-4 forms), and exact
 * derivatives of the loss polynomial by central differences.
 *
 * <p>Round-off of the closed form: every entry of R is a sum of H products and one entry of A,
 * the trace adds D entries, the loss D² squares and the gradient D products per entry of G u_i.
 * With n = H + D² + 2D + 10, the loss is off by at most 3γ_n L̄ and a gradient entry by 2γ_n ḡ_k,
 * where L̄ and ḡ are the loss and gradient of the absolute-value problem θ → |θ|, A → −|A|
 * (every term then non-negative; Higham, Section 3.1, as {@link Magnitudes} does for samples).
 */
class QuadraticPopulationObjectiveTests {

    @Test
    void lossIsIsserlisSumOverIndexQuadruples() {
        // fixed seed: any symmetric A and any θ
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            int d = 1 + random.nextInt(5);
            int h = 1 + random.nextInt(6);
            DMatrixRMaj A = symmetric(random, d);
            QuadraticPopulationObjective f = new QuadraticPopulationObjective(d, h, A);
            double[] theta = point(random, f.dimension());
            DMatrixRMaj R = residualMatrix(theta, A, d, h);
            double expected = 0.5 * isserlis(R, R);
            // the quadruple sum has its own chain of d⁴ terms after the h of each R entry
            double bound = lossBound(theta, A, d, h) * (1 + Magnitudes.gamma(d * d * d * d + h + 8)
                    / Magnitudes.gamma(h + d * d + 2 * d + 10));
            assertThat(Math.abs(f.loss(theta) - expected)).as("d=%d h=%d", d, h)
                    .isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void lossAndGradientAreThoseOfTheSamplesOnTheGaussianPointSet() {
        // fixed seed: any λ and any θ of order one
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 12; trial++) {
            int d = 1 + random.nextInt(5);
            int h = 1 + random.nextInt(6);
            double[] lambda = new double[1 + random.nextInt(d)];
            for (int k = 0; k < lambda.length; k++) {
                lambda[k] = random.nextDouble(-2, 2);
            }
            Dataset data = QuadraticPopulation.of(d, lambda).data();
            FullyConnected net = new FullyConnected(Activation.SQUARE, d, 1, h, false);
            QuadraticPopulationObjective f = QuadraticPopulationObjective.diagonal(d, h, lambda);
            DMatrixRMaj A = f.target();
            double[] theta = point(random, net.parameterCount());
            double[] gp = new double[theta.length];
            double[] gs = new double[theta.length];
            double lp = f.lossAndGradient(theta, gp);
            double ls = net.sampleObjective(data).lossAndGradient(theta, gs);
            Magnitudes mag = Magnitudes.of(net, data, theta);
            // the points carry round-off of their own: s⁴ within γ_8 of its value
            double rule = Magnitudes.gamma(8);
            assertThat(Math.abs(lp - ls)).isLessThanOrEqualTo(mag.lossError()
                    + rule * mag.loss() + lossBound(theta, A, d, h));
            double[] gBar = gradientMagnitudes(theta, A, d, h);
            for (int j = 0; j < theta.length; j++) {
                double n = Magnitudes.gamma(h + d * d + 2 * d + 10);
                assertThat(Math.abs(gp[j] - gs[j])).as("entry %d", j).isLessThanOrEqualTo(
                        mag.entry(j) + rule * mag.gradient()[j] + 2 * n * gBar[j]);
            }
        }
    }

    @Test
    void gradientIsTheExactDerivativeOfTheLossPolynomial() {
        // L is a polynomial of degree 4 in each coordinate, so the central difference
        // D(h) = (L(θ + h e_j) − L(θ − h e_j))/(2h) = L' + L''' h²/6 exactly, and
        // (4 D(h) − D(2h))/3 = L' up to round-off: each loss is off by at most 3γ_n L̄ (at a
        // shifted θ, bounded with |θ| + 2h), so the combination by (4/3 + 1/6)·2·3γ_n L̄ / (2h)
        SplittableRandom random = new SplittableRandom(23);
        double step = 1e-2;
        for (int trial = 0; trial < 10; trial++) {
            int d = 1 + random.nextInt(4);
            int h = 1 + random.nextInt(5);
            DMatrixRMaj A = symmetric(random, d);
            QuadraticPopulationObjective f = new QuadraticPopulationObjective(d, h, A);
            double[] theta = point(random, f.dimension());
            double[] g = new double[theta.length];
            f.lossAndGradient(theta, g);
            double[] wide = theta.clone();
            for (int j = 0; j < wide.length; j++) {
                wide[j] = Math.abs(wide[j]) + 2 * step;
            }
            double roundOff = (4.0 / 3 + 1.0 / 6) * 2 * lossBound(wide, A, d, h) / (2 * step);
            double[] gBar = gradientMagnitudes(theta, A, d, h);
            double n = Magnitudes.gamma(h + d * d + 2 * d + 10);
            for (int j = 0; j < theta.length; j++) {
                double exact = (4 * central(f, theta, j, step) - central(f, theta, j, 2 * step)) / 3;
                assertThat(Math.abs(g[j] - exact)).as("entry %d", j)
                        .isLessThanOrEqualTo(roundOff + 2 * n * gBar[j]);
            }
        }
    }

    @Test
    void lossAtZeroIsHalfTheTargetsSecondMomentWithItsMean() {
        // ½E[y²] = ½[(tr A)² + 2‖A‖²_F] = 4 on y = x_1² + x_2²; without the trace term (the mean
        // E[y] = tr A) it would be 2
        QuadraticPopulationObjective f = QuadraticPopulationObjective.diagonal(4, 3, new double[] {1, 1});
        double trace = 2;
        double frobenius = 2;
        assertThat(f.loss(new double[f.dimension()])).isEqualTo(0.5 * (trace * trace + 2 * frobenius));
    }

    @Test
    void aTargetWithANonZeroMeanIsFittedWithoutBias() {
        // E[y] = tr A = 2 for y = x_1² + x_2²; two units u = e_1, e_2 with v = 1 give M = A, L = 0
        QuadraticPopulationObjective f = QuadraticPopulationObjective.diagonal(4, 2, new double[] {1, 1});
        double[] theta = {1, 0, 0, 0, 1, 0, 1, 0, 0, 1};
        double[] g = new double[theta.length];
        assertThat(f.lossAndGradient(theta, g)).isZero();
        assertThat(g).containsOnly(0.0);
    }

    @Test
    void badInputIsRefusedByName() {
        DMatrixRMaj asymmetric = new DMatrixRMaj(new double[][] {{1, 2}, {0, 1}});
        assertThatThrownBy(() -> new QuadraticPopulationObjective(2, 3, asymmetric))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("symmetric");
        assertThatThrownBy(() -> new QuadraticPopulationObjective(3, 3, asymmetric))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("A has shape 2×2");
        assertThatThrownBy(() -> QuadraticPopulationObjective.of(
                new FullyConnected(Activation.RELU, 2, 1, 3, false), new DMatrixRMaj(2, 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("quadratic network");
        QuadraticPopulationObjective f = QuadraticPopulationObjective.diagonal(2, 1, new double[] {1});
        assertThatThrownBy(() -> f.loss(new double[2]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("θ");
    }

    @Test
    void evaluatingAllocatesNothing() {
        assumeTrue(Allocations.supported());
        QuadraticPopulationObjective f = QuadraticPopulationObjective.diagonal(4, 6,
                new double[] {1, 1, -1, -1});
        double[] theta = point(new SplittableRandom(2), f.dimension());
        double[] g = new double[theta.length];
        long fewest = Allocations.fewestBytesPerRound(() -> {
            f.loss(theta);
            f.lossAndGradient(theta, g);
        }, 50, 400);
        assertThat(fewest).isZero();
    }

    /** E[(xᵀBx)(xᵀCx)] = Σ_abcd B_ab C_cd (δ_ab δ_cd + δ_ac δ_bd + δ_ad δ_bc), term by term. */
    private static double isserlis(DMatrixRMaj B, DMatrixRMaj C) {
        int d = B.numRows;
        double sum = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                for (int c = 0; c < d; c++) {
                    for (int e = 0; e < d; e++) {
                        int pairings = (a == b && c == e ? 1 : 0) + (a == c && b == e ? 1 : 0)
                                + (a == e && b == c ? 1 : 0);
                        sum += pairings * B.get(a, b) * C.get(c, e);
                    }
                }
            }
        }
        return sum;
    }

    /** R = Σ_i v_i u_i u_iᵀ − A, formed entry by entry. */
    private static DMatrixRMaj residualMatrix(double[] theta, DMatrixRMaj A, int d, int h) {
        DMatrixRMaj R = new DMatrixRMaj(d, d);
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                double m = 0;
                for (int i = 0; i < h; i++) {
                    m += theta[i * (d + 1) + d] * theta[i * (d + 1) + p] * theta[i * (d + 1) + q];
                }
                R.set(p, q, m - A.get(p, q));
            }
        }
        return R;
    }

    /** 3γ_n L̄ with L̄ the loss of the absolute-value problem (class documentation). */
    private static double lossBound(double[] theta, DMatrixRMaj A, int d, int h) {
        QuadraticPopulationObjective abs = new QuadraticPopulationObjective(d, h, negatedAbs(A));
        return 3 * Magnitudes.gamma(h + d * d + 2 * d + 10) * abs.loss(absolute(theta));
    }

    /** ḡ, the gradient of the absolute-value problem. */
    private static double[] gradientMagnitudes(double[] theta, DMatrixRMaj A, int d, int h) {
        QuadraticPopulationObjective abs = new QuadraticPopulationObjective(d, h, negatedAbs(A));
        double[] g = new double[theta.length];
        abs.lossAndGradient(absolute(theta), g);
        return g;
    }

    private static double central(Objective f, double[] theta, int j, double step) {
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        plus[j] += step;
        minus[j] -= step;
        return (f.loss(plus) - f.loss(minus)) / (2 * step);
    }

    private static DMatrixRMaj negatedAbs(DMatrixRMaj A) {
        DMatrixRMaj out = A.copy();
        for (int k = 0; k < out.data.length; k++) {
            out.data[k] = -Math.abs(out.data[k]);
        }
        return out;
    }

    private static double[] absolute(double[] theta) {
        double[] out = new double[theta.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.abs(theta[k]);
        }
        return out;
    }

    private static DMatrixRMaj symmetric(SplittableRandom random, int d) {
        DMatrixRMaj A = new DMatrixRMaj(d, d);
        for (int p = 0; p < d; p++) {
            for (int q = p; q < d; q++) {
                double x = random.nextGaussian();
                A.set(p, q, x);
                A.set(q, p, x);
            }
        }
        return A;
    }

    private static double[] point(SplittableRandom random, int n) {
        double[] theta = new double[n];
        for (int j = 0; j < n; j++) {
            theta[j] = random.nextGaussian();
        }
        return theta;
    }
}
