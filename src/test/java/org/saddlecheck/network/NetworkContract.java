package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.saddlecheck.task.Dataset;

/**
 * The contract every {@link Network} must meet, checked at seeded generated points. Each network's
 * test class extends this one and supplies the network ({@link #entry()}) and, where it has more
 * than one, the objective under test ({@link #objective}).
 *
 * <p>Numerical checks compare against an independent computation with a derived round-off bound
 * ({@link Magnitudes}, {@link GradientCheck}); the declared {@link PhiTraits} are checked on
 * integer inputs and weights that are multiples of 1/4, where every sum and product involved is
 * exact in binary floating point (the integers stay far below 2⁵³ and the attention context
 * length is a power of two), so a declared identity must hold bit for bit, and an undeclared one
 * must fail by far more than any rounding could explain.
 */
abstract class NetworkContract {
    // One fixed seed for all networks, mixed with the network's name, so that every failure can be
    // replayed; the properties hold for any seed.
    private static final long SEED = 0x5ADD1EL;
    private static final int SAMPLES = 24;
    /** Violations of an undeclared trait must exceed this fraction of the term's size: 10⁹ ulps. */
    private static final double VIOLATION = 1e-6;

    /** The network under test, with its data generator and magnitude network. */
    abstract Catalogue.Entry entry();

    /** The objective under test; the network's own by default. */
    Objective objective(Dataset data) {
        return entry().network().objective(data);
    }

    /** δL for the objective under test: the sample-sum bound, plus more for the statistics form. */
    double lossError(Dataset data, double[] theta) {
        return magnitudes(data, theta).lossError();
    }

    final Network network() {
        return entry().network();
    }

    final SplittableRandom random(int salt) {
        return new SplittableRandom(SEED ^ (31L * entry().name().hashCode() + salt));
    }

    final Magnitudes magnitudes(Dataset data, double[] theta) {
        return Magnitudes.of(network(), data, theta);
    }

    /** Generated points: θ ~ N(0, s²) for s = 0.3, 0.7 and 1.2 (small, medium and large units). */
    final List<double[]> points(SplittableRandom random) {
        return List.of(Generators.gaussianTheta(network(), 0.3, random),
                Generators.gaussianTheta(network(), 0.7, random),
                Generators.gaussianTheta(network(), 1.2, random));
    }

    @Test
    void gradientMatchesCentralDifferencesOfTheLoss() {
        SplittableRandom random = random(1);
        Dataset data = entry().data(SAMPLES, random);
        Objective f = objective(data);
        for (double[] theta : points(random)) {
            GradientCheck.Result result =
                    GradientCheck.check(f, theta, lossError(data, theta), magnitudes(data, theta));
            assertThat(result.largestRatio()).as("error/bound, worst at coordinate %d (error %s)",
                    result.worstCoordinate(), result.largestError()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void predictIsTheSumOfTheUnitTerms() {
        SplittableRandom random = random(2);
        Dataset data = entry().data(SAMPLES, random);
        for (double[] theta : points(random)) {
            DMatrixRMaj f = network().predict(theta, data.X());
            double[] sum = new double[f.data.length];
            double[] magnitude = new double[f.data.length];
            for (int i = 0; i < network().width(); i++) {
                DMatrixRMaj t = network().unitTerm(theta, i, data.X());
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += t.data[k];
                    magnitude[k] += Math.abs(t.data[k]);
                }
            }
            // Two sums of the same H terms: each within γ_H Σ|t| of the exact sum.
            for (int k = 0; k < sum.length; k++) {
                assertThat(Math.abs(f.data[k] - sum[k])).isLessThanOrEqualTo(
                        2 * Magnitudes.gamma(network().width()) * magnitude[k]);
            }
        }
    }

    @Test
    void lossIsHalfTheMeanSquaredResidualOfPredict() {
        SplittableRandom random = random(3);
        Dataset data = entry().data(SAMPLES, random);
        Objective f = objective(data);
        for (double[] theta : points(random)) {
            DMatrixRMaj prediction = network().predict(theta, data.X());
            double sum = 0;
            for (int k = 0; k < prediction.data.length; k++) {
                double r = data.Y().data[k] - prediction.data[k];
                sum += r * r;
            }
            double expected = sum / (2 * data.samples());
            // Two evaluations of L, each within δL of the exact value.
            assertThat(Math.abs(f.loss(theta) - expected))
                    .isLessThanOrEqualTo(2 * lossError(data, theta));
        }
    }

    @Test
    void aCopyGivesTheSameNumbers() {
        SplittableRandom random = random(4);
        Dataset data = entry().data(SAMPLES, random);
        Objective f = objective(data);
        Objective copy = f.copy();
        for (double[] theta : points(random)) {
            double[] g = new double[theta.length];
            double[] h = new double[theta.length];
            // The same operations on the same numbers in fresh workspaces: bit for bit.
            assertThat(copy.lossAndGradient(theta, h)).isEqualTo(f.lossAndGradient(theta, g));
            assertThat(h).containsExactly(g);
            assertThat(copy.dimension()).isEqualTo(network().parameterCount());
        }
    }

    @Test
    void aMinibatchOfAllRowsIsTheFullObjective() {
        SplittableRandom random = random(5);
        Dataset data = entry().data(SAMPLES, random);
        Objective full = objective(data);
        MinibatchObjective batch = network().minibatchObjective(data, SAMPLES);
        int[] all = new int[SAMPLES];
        Arrays.setAll(all, k -> k);
        for (double[] theta : points(random)) {
            Magnitudes m = magnitudes(data, theta);
            batch.select(all, SAMPLES);
            assertAgree(batch, full, theta, lossError(data, theta) + m.lossError(), m);
            batch.selectAll();
            assertAgree(batch, full, theta, lossError(data, theta) + m.lossError(), m);
        }
    }

    @Test
    void aMinibatchOfSomeRowsIsTheObjectiveOfADatasetOfThoseRows() {
        SplittableRandom random = random(6);
        Dataset data = entry().data(SAMPLES, random);
        MinibatchObjective batch = network().minibatchObjective(data, 10);
        int[] rows = new int[10];
        for (double[] theta : points(random)) {
            int count = 3 + random.nextInt(8);
            for (int k = 0; k < count; k++) {
                rows[k] = random.nextInt(SAMPLES);
            }
            batch.select(rows, count);
            Dataset subset = Generators.rows(data, rows, count);
            Magnitudes m = magnitudes(subset, theta);
            assertAgree(batch, objective(subset), theta, lossError(subset, theta) + m.lossError(), m);
        }
    }

    /** Loss within the given bound; gradients within the sum of both round-off bounds. */
    private static void assertAgree(Objective a, Objective b, double[] theta, double lossBound,
            Magnitudes m) {
        double[] ga = new double[theta.length];
        double[] gb = new double[theta.length];
        assertThat(Math.abs(a.lossAndGradient(theta, ga) - b.lossAndGradient(theta, gb)))
                .isLessThanOrEqualTo(lossBound);
        for (int j = 0; j < theta.length; j++) {
            assertThat(Math.abs(ga[j] - gb[j])).as("coordinate %d", j)
                    .isLessThanOrEqualTo(2 * m.entry(j));
        }
    }

    @Test
    void evaluatingAndSelectingAllocateNothing() {
        assumeTrue(Allocations.supported());
        SplittableRandom random = random(7);
        Dataset data = entry().data(SAMPLES, random);
        Objective full = objective(data);
        MinibatchObjective batch = network().minibatchObjective(data, 8);
        double[] theta = points(random).get(1);
        double[] g = new double[theta.length];
        int[] rows = {3, 1, 4, 1, 5, 9, 2, 6};
        long fewest = Allocations.fewestBytesPerRound(() -> {
            full.loss(theta);
            full.lossAndGradient(theta, g);
            batch.select(rows, rows.length);
            batch.lossAndGradient(theta, g);
            batch.selectAll();
            batch.loss(theta);
        }, 50, 10);
        assertThat(fewest).isZero();
    }

    // ---- The declared traits of φ, on exact integer data. ----

    private DMatrixRMaj integerInputs(SplittableRandom random) {
        return Generators.integerMatrix(8, network().inputSize(), 3, random);
    }

    /**
     * A point for the trait checks: multiples of 1/4 in [−1, 1], with unit 0 made non-trivial (its
     * weights drawn from the non-zero multiples, its readout all ones).
     */
    private double[] traitPoint(SplittableRandom random) {
        double[] theta = Generators.dyadicTheta(network(), random);
        for (int k = network().uOffset(0); k < network().vOffset(0); k++) {
            theta[k] = (1 + random.nextInt(4)) / 4.0 * (random.nextBoolean() ? 1 : -1);
        }
        Arrays.fill(theta, network().vOffset(0), network().unitSize(), 1);
        return theta;
    }

    /** The term of unit 0 with u_0 replaced by {@code u}. */
    private DMatrixRMaj termWith(double[] theta, double[] u, DMatrixRMaj X) {
        double[] t = theta.clone();
        System.arraycopy(u, 0, t, network().uOffset(0), u.length);
        return network().unitTerm(t, 0, X);
    }

    private double[] u0(double[] theta) {
        return Arrays.copyOfRange(theta, network().uOffset(0), network().vOffset(0));
    }

    private static double[] times(double gamma, double[] u) {
        double[] x = new double[u.length];
        for (int k = 0; k < u.length; k++) {
            x[k] = gamma * u[k];
        }
        return x;
    }

    /** max_μ |a_μ − c·b_μ| relative to max_μ max(|a_μ|, |c·b_μ|). */
    private static double relativeGap(DMatrixRMaj a, double c, DMatrixRMaj b) {
        double gap = 0;
        double size = 0;
        for (int k = 0; k < a.data.length; k++) {
            gap = Math.max(gap, Math.abs(a.data[k] - c * b.data[k]));
            size = Math.max(size, Math.max(Math.abs(a.data[k]), Math.abs(c * b.data[k])));
        }
        return size == 0 ? 0 : gap / size;
    }

    @Test
    void theZeroElementIsDeclaredExactlyWhenPhiVanishesAtZero() {
        SplittableRandom random = random(8);
        DMatrixRMaj X = integerInputs(random);
        double[] theta = traitPoint(random);
        DMatrixRMaj t = termWith(theta, new double[network().uSize()], X);
        boolean vanishes = Arrays.stream(t.data).allMatch(x -> x == 0);
        assertThat(vanishes).isEqualTo(network().traits().zeroElement());
    }

    @Test
    void homogeneityIsDeclaredWithTheRightDegree() {
        SplittableRandom random = random(9);
        DMatrixRMaj X = integerInputs(random);
        double[] theta = traitPoint(random);
        double[] u = u0(theta);
        DMatrixRMaj t = termWith(theta, u, X);
        assertThat(Arrays.stream(t.data).anyMatch(x -> x != 0)).as("a non-trivial unit").isTrue();
        int p = network().traits().homogeneityDegree();
        if (p >= 1) {
            for (double gamma : new double[] {2, 3, 0.5}) {
                DMatrixRMaj scaled = termWith(theta, times(gamma, u), X);
                assertThat(relativeGap(scaled, Math.pow(gamma, p), t)).as("γ = %s", gamma).isZero();
            }
        } else {
            for (int degree = 1; degree <= 4; degree++) {
                DMatrixRMaj scaled = termWith(theta, times(2, u), X);
                assertThat(relativeGap(scaled, Math.pow(2, degree), t)).as("degree %d", degree)
                        .isGreaterThan(VIOLATION);
            }
        }
    }

    @Test
    void negativeScalingsAreDeclaredExactlyWhenTheyHold() {
        SplittableRandom random = random(10);
        int p = network().traits().homogeneityDegree();
        assumeTrue(p >= 1, "only a homogeneous φ has negative scalings to declare");
        DMatrixRMaj X = integerInputs(random);
        double[] theta = traitPoint(random);
        double[] u = u0(theta);
        DMatrixRMaj t = termWith(theta, u, X);
        for (double gamma : new double[] {-1, -2, -0.5}) {
            DMatrixRMaj scaled = termWith(theta, times(gamma, u), X);
            double gap = relativeGap(scaled, Math.pow(gamma, p), t);
            if (network().traits().negativeScalings()) {
                assertThat(gap).as("γ = %s", gamma).isZero();
            } else {
                assertThat(gap).as("γ = %s", gamma).isGreaterThan(VIOLATION);
            }
        }
    }

    @Test
    void linearityIsDeclaredExactlyWhenPhiIsAdditive() {
        SplittableRandom random = random(11);
        DMatrixRMaj X = integerInputs(random);
        double[] theta = traitPoint(random);
        double[] u = u0(theta);
        double[] w = u0(traitPoint(random));
        double[] sum = new double[u.length];
        for (int k = 0; k < u.length; k++) {
            sum[k] = u[k] + w[k];
        }
        DMatrixRMaj a = termWith(theta, u, X);
        DMatrixRMaj b = termWith(theta, w, X);
        DMatrixRMaj both = termWith(theta, sum, X);
        DMatrixRMaj added = a.copy();
        for (int k = 0; k < added.data.length; k++) {
            added.data[k] += b.data[k];
        }
        double gap = relativeGap(both, 1, added);
        if (network().traits().linear()) {
            assertThat(gap).isZero();
        } else {
            assertThat(gap).isGreaterThan(VIOLATION);
        }
    }
}
