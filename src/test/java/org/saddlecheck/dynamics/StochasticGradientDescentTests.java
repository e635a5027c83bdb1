package org.saddlecheck.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.task.Dataset;

class StochasticGradientDescentTests {

    // Fixed seeds throughout so that a failure replays; the claims hold for every seed.
    private static final long DATA_SEED = 11L;

    private static final int P = 24;

    private static final FullyConnected NETWORK =
            new FullyConnected(Activation.LINEAR, 3, 2, 4, false);

    /** P Gaussian samples with a linear target plus noise: a generic regression problem. */
    private static Dataset data() {
        SplittableRandom random = new SplittableRandom(DATA_SEED);
        DMatrixRMaj X = new DMatrixRMaj(P, 3);
        DMatrixRMaj Y = new DMatrixRMaj(P, 2);
        for (int mu = 0; mu < P; mu++) {
            double x0 = random.nextGaussian();
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            X.set(mu, 0, x0);
            X.set(mu, 1, x1);
            X.set(mu, 2, x2);
            Y.set(mu, 0, x0 - 0.5 * x1 + 0.1 * random.nextGaussian());
            Y.set(mu, 1, 0.3 * x2 + 0.1 * random.nextGaussian());
        }
        return new Dataset(X, Y);
    }

    private static double[] start() {
        SplittableRandom random = new SplittableRandom(5);
        double[] theta = new double[NETWORK.parameterCount()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = 0.1 * random.nextGaussian();
        }
        return theta;
    }

    private static LinearMinibatchObjective objective(boolean keepSelections) {
        return new LinearMinibatchObjective(NETWORK, data(), P, keepSelections);
    }

    @Test
    void withTheWholeDataAsBatchEqualsGradientDescentBitForBit() {
        RunPlan plan = RunPlan.until(5);
        Trajectory gd = new GradientDescent(0.05).run(objective(false), start(), plan);
        Trajectory sgd = new StochasticGradientDescent(0.05, P, 99).run(objective(false), start(), plan);

        assertThat(sgd.steps()).isEqualTo(gd.steps());
        assertThat(sgd.finalTheta()).isEqualTo(gd.finalTheta());
        assertThat(sgd.times()).isEqualTo(gd.times());
        assertThat(sgd.losses()).isEqualTo(gd.losses());
    }

    /**
     * The same equality with the networks' own minibatch objective (rows copied into buffers) and
     * a ReLU network with bias: a batch of every row, drawn in order, must reproduce the full-data
     * gradient bit for bit, since it sums the same rows in the same order.
     */
    @Test
    void withTheNetworksOwnMinibatchObjectiveEqualsGradientDescentBitForBit() {
        FullyConnected relu = new FullyConnected(Activation.RELU, 3, 2, 4, true);
        double[] start = new double[relu.parameterCount()];
        SplittableRandom random = new SplittableRandom(5);
        for (int j = 0; j < start.length; j++) {
            start[j] = 0.3 * random.nextGaussian();
        }
        RunPlan plan = RunPlan.until(5);
        Trajectory gd = new GradientDescent(0.05).run(relu.objective(data()), start, plan);
        Trajectory sgd = new StochasticGradientDescent(0.05, P, 99)
                .run(relu.minibatchObjective(data(), P), start, plan);

        assertThat(sgd.finalTheta()).isEqualTo(gd.finalTheta());
        assertThat(sgd.losses()).isEqualTo(gd.losses());
    }

    @Test
    void isReproducibleFromItsSeedAndDependsOnIt() {
        RunPlan plan = RunPlan.until(5).withSnapshots(1, 2.5);
        Trajectory first = sgd(42).run(objective(false), start(), plan);
        Trajectory again = sgd(42).run(objective(false), start(), plan);
        Trajectory other = sgd(43).run(objective(false), start(), plan);

        assertThat(again.finalTheta()).isEqualTo(first.finalTheta());
        assertThat(again.losses()).isEqualTo(first.losses());
        assertThat(again.snapshots().get(1).theta()).isEqualTo(first.snapshots().get(1).theta());
        assertThat(other.finalTheta()).isNotEqualTo(first.finalTheta());
    }

    private static StochasticGradientDescent sgd(long seed) {
        return new StochasticGradientDescent(0.05, 5, seed);
    }

    @Test
    void eachStepDrawsDistinctRowsInOrder() {
        LinearMinibatchObjective objective = objective(true);
        Trajectory run = new StochasticGradientDescent(0.05, 7, 1).run(objective, start(),
                RunPlan.until(2));

        assertThat(objective.selections).hasSize((int) run.steps());
        for (int[] rows : objective.selections) {
            assertThat(rows).hasSize(7).doesNotHaveDuplicates().isSorted();
            assertThat(rows[0]).isNotNegative();
            assertThat(rows[rows.length - 1]).isLessThan(P);
        }
    }

    @Test
    void everyRowIsDrawnEquallyOften() {
        // Each row is in a given step's batch with probability B/P, independently across steps, so
        // its count over K steps is Binomial(K, B/P). A deviation beyond 6σ has probability below
        // 2e-9 per row; over P = 24 rows the false-alarm rate is below 5e-8.
        int batch = 6;
        long steps = 20_000;
        int[] pool = new int[P];
        for (int mu = 0; mu < P; mu++) {
            pool[mu] = mu;
        }
        int[] rows = new int[batch];
        long[] counts = new long[P];
        SplittableRandom random = new SplittableRandom(2024);
        for (long k = 0; k < steps; k++) {
            StochasticGradientDescent.draw(random, pool, rows);
            for (int mu : rows) {
                counts[mu]++;
            }
        }
        double p = batch / (double) P;
        double sigma = Math.sqrt(steps * p * (1 - p));
        for (long c : counts) {
            assertThat(Math.abs(c - steps * p)).isLessThanOrEqualTo(6 * sigma);
        }
    }

    @Test
    void heapSortSortsAnyOrder() {
        int[] a = {5, 3, 9, 1, 1, 0, 8, 2};
        StochasticGradientDescent.heapSort(a);
        assertThat(a).containsExactly(0, 1, 1, 2, 3, 5, 8, 9);
    }

    @Test
    void leavesTheObjectiveOnTheFullData() {
        LinearMinibatchObjective objective = objective(false);
        Trajectory run = new StochasticGradientDescent(0.05, 5, 3).run(objective, start(),
                RunPlan.until(1));
        assertThat(objective.loss(run.finalTheta())).isEqualTo(objective(false).loss(run.finalTheta()));
        assertThat(run.finalLoss()).isEqualTo(objective.loss(run.finalTheta()));
    }

    @Test
    void needsAMinibatchObjectiveAndABatchThatFits() {
        Dataset data = data();
        assertThatThrownBy(() -> new StochasticGradientDescent(0.1, 4, 1).run(NETWORK.objective(data),
                start(), RunPlan.until(1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("org.saddlecheck.network.MinibatchObjective");
        assertThatThrownBy(() -> new StochasticGradientDescent(0.1, P + 1, 1).run(objective(false),
                start(), RunPlan.until(1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("batch size B (25) must not exceed the number of samples P (24)");
        assertThatThrownBy(() -> new StochasticGradientDescent(0.1, 0, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("batch size B (0)");
    }
}
