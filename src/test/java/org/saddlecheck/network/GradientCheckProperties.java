package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.saddlecheck.task.Dataset;

/** The gradient check can fail: a gradient 1% off must be caught for every network. */
class GradientCheckProperties {
    // Fixed so that a failure replays; any generic point shows the same.
    private static final long SEED = 1_01L;

    static List<Catalogue.Entry> networks() {
        return Catalogue.all(3);
    }

    /** An objective whose gradient is the wrapped one times a factor; the loss is unchanged. */
    private record Scaled(Objective inner, double factor) implements Objective {
        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double loss(double[] theta) {
            return inner.loss(theta);
        }

        @Override
        public double lossAndGradient(double[] theta, double[] gradient) {
            double loss = inner.lossAndGradient(theta, gradient);
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] *= factor;
            }
            return loss;
        }

        @Override
        public Objective copy() {
            return new Scaled(inner.copy(), factor);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void aGradientOffByOnePercentFailsTheCheck(Catalogue.Entry entry) {
        SplittableRandom random = new SplittableRandom(SEED + entry.name().hashCode());
        Dataset data = entry.data(24, random);
        double[] theta = Generators.gaussianTheta(entry.network(), 0.7, random);
        Objective f = entry.network().objective(data);
        Magnitudes m = Magnitudes.of(entry.network(), data, theta);
        double lossError = m.lossError();
        if (f instanceof LinearStatisticsObjective) {
            lossError += StatisticsRoundOff.extraLossError(entry.network(), data, theta);
        }
        assertThat(GradientCheck.check(f, theta, lossError, m).passed()).isTrue();
        assertThat(GradientCheck.check(new Scaled(f, 1.01), theta, lossError, m).passed()).isFalse();
    }
}
