package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.task.Dataset;

/**
 * Minibatch selection of the fully connected sample objective. The batch buffers hold the chosen
 * rows in the chosen order and the kernel runs the same operations on matrices of the same shape
 * as a full objective built on those rows, so the results must agree bit for bit.
 */
class FullyConnectedMinibatchTests {
    // Any seed works; fixed so that a failure can be replayed.
    private static final long SEED = 20251219L;

    private static Dataset gaussianData(int p, int dIn, int dOut, SplittableRandom random) {
        return new Dataset(Generators.gaussianMatrix(p, dIn, random),
                Generators.gaussianMatrix(p, dOut, random));
    }

    private static double[] theta(int n, SplittableRandom random) {
        double[] theta = new double[n];
        for (int k = 0; k < n; k++) {
            theta[k] = 0.5 * Generators.gaussian(random);
        }
        return theta;
    }

    @Test
    void aSelectedSubsetEqualsTheObjectiveOfThoseRows() {
        SplittableRandom random = new SplittableRandom(SEED);
        FullyConnected network = new FullyConnected(Activation.RELU, 3, 2, 5, true);
        Dataset data = gaussianData(17, 3, 2, random);
        double[] theta = theta(network.parameterCount(), random);
        MinibatchObjective batch = network.minibatchObjective(data, 6);
        int[] rows = {4, 0, 16, 4, 9, 2};

        batch.select(rows, 5);
        double[] gradient = new double[theta.length];
        double loss = batch.lossAndGradient(theta, gradient);

        Objective reference = network.objective(Generators.rows(data, rows, 5));
        double[] expected = new double[theta.length];
        assertThat(loss).isEqualTo(reference.lossAndGradient(theta, expected));
        assertThat(gradient).containsExactly(expected);
        assertThat(batch.loss(theta)).isEqualTo(loss);
    }

    @Test
    void selectAllReturnsToTheFullObjective() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        FullyConnected network = new FullyConnected(Activation.TANH, 4, 3, 6, false);
        Dataset data = gaussianData(11, 4, 3, random);
        double[] theta = theta(network.parameterCount(), random);
        MinibatchObjective batch = network.minibatchObjective(data, 20);
        Objective full = network.objective(data);
        double[] expected = new double[theta.length];
        double expectedLoss = full.lossAndGradient(theta, expected);

        batch.select(new int[] {1, 2, 3}, 3);
        batch.loss(theta);
        batch.selectAll();
        double[] gradient = new double[theta.length];
        assertThat(batch.lossAndGradient(theta, gradient)).isEqualTo(expectedLoss);
        assertThat(gradient).containsExactly(expected);

        int[] all = new int[11];
        for (int k = 0; k < all.length; k++) {
            all[k] = k;
        }
        batch.select(all, all.length);
        assertThat(batch.lossAndGradient(theta, gradient)).isEqualTo(expectedLoss);
        assertThat(gradient).containsExactly(expected);
    }

    @Test
    void selectionAndEvaluationAllocateNothing() {
        assumeTrue(Allocations.supported());
        SplittableRandom random = new SplittableRandom(SEED + 2);
        FullyConnected network = new FullyConnected(Activation.RELU, 8, 4, 16, true);
        Dataset data = gaussianData(300, 8, 4, random);
        double[] theta = theta(network.parameterCount(), random);
        double[] gradient = new double[theta.length];
        MinibatchObjective batch = network.minibatchObjective(data, 32);
        int[] rows = new int[32];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = random.nextInt(300);
        }
        long fewest = Allocations.fewestBytesPerRound(() -> {
            batch.select(rows, rows.length);
            batch.lossAndGradient(theta, gradient);
            batch.selectAll();
            batch.lossAndGradient(theta, gradient);
        }, 100, 10);
        assertThat(fewest).isZero();
    }

    @Test
    void aBatchLargerThanTheCapacityIsRejected() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        FullyConnected network = new FullyConnected(Activation.LINEAR, 2, 1, 3, false);
        MinibatchObjective batch = network.minibatchObjective(gaussianData(10, 2, 1, random), 4);
        assertThatThrownBy(() -> batch.select(new int[] {0, 1, 2, 3, 4}, 5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("capacity 4");
        assertThatThrownBy(() -> batch.select(new int[] {0, 10}, 2))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("(10)");
    }
}
