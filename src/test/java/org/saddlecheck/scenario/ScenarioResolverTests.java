package org.saddlecheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.Network;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.WhitenedRegression;

class ScenarioResolverTests {

    private static final Scenario WHITENED = new Scenario(
            NetworkSpec.fullyConnected("linear", 3, 2, 4),
            DataSpec.generated("whitened-regression", 5, 12, 1, 0.5),
            InitSpec.gaussian(1e-3, 9),
            DynamicsSpec.gradientDescent(1, 0.1).withSnapshots(0.5));

    @Test
    void gaussianInitIsScaleTimesSuccessiveDrawsInLayoutOrder() {
        double[] theta = ScenarioResolver.initialTheta(InitSpec.gaussian(0.25, 42), 7);

        Well19937c random = new Well19937c(42L);
        for (int j = 0; j < 7; j++) {
            assertThat(theta[j]).isEqualTo(0.25 * random.nextGaussian());
        }
    }

    @Test
    void gaussianInitHasVarianceEpsilonSquared() {
        int n = 20_000;
        double epsilon = 1e-6;
        // Seed fixed so the check is reproducible; any seed passes with the stated probability.
        double[] theta = ScenarioResolver.initialTheta(InitSpec.gaussian(epsilon, 2024), n);

        double meanSquare = 0;
        for (double x : theta) {
            meanSquare += (x / epsilon) * (x / epsilon);
        }
        meanSquare /= n;
        // (1/n) Σ g² has mean 1 and standard deviation √(2/n); five of them bound a false alarm
        // below 6e-7 (normal tail; n is large enough for the chi-square to be near normal).
        assertThat(Math.abs(meanSquare - 1)).isLessThanOrEqualTo(5 * Math.sqrt(2.0 / n));
    }

    @Test
    void eachFlowKindNamesItsOwnIntegrator() {
        // Same tolerance, two integrators: the file's kind, not a default, decides which runs, so
        // that a trial replays with the integrator that produced it.
        assertThat(ScenarioResolver.integrator(DynamicsSpec.flow(1, 1e-8)))
                .isInstanceOf(org.saddlecheck.dynamics.GradientFlow.class);
        assertThat(ScenarioResolver.integrator(DynamicsSpec.flowDp54(1, 1e-8)))
                .isInstanceOf(org.saddlecheck.dynamics.DormandPrince54Flow.class);
    }

    @Test
    void explicitInitIsCopied() {
        double[] given = {1, 2, 3};
        double[] theta = ScenarioResolver.initialTheta(InitSpec.explicit(given), 3);
        theta[0] = 7;
        assertThat(given[0]).isEqualTo(1);
    }

    @Test
    void generatedDataIsTheGeneratorsData() {
        Network network = ScenarioResolver.network(WHITENED.network());
        Dataset data = ScenarioResolver.data(WHITENED.data(), WHITENED.network(), network);

        Dataset direct = WhitenedRegression.generate(3, 2, 12, new double[] {1, 0.5}, 5).data();
        assertThat(data.X().data).isEqualTo(direct.X().data);
        assertThat(data.Y().data).isEqualTo(direct.Y().data);
        assertThat(network).isInstanceOf(FullyConnected.class);
        assertThat(network.parameterCount()).isEqualTo(4 * (3 + 2));
    }

    @Test
    void explicitScenarioReplaysTheSameDataAndInitialization() {
        ResolvedScenario first = ScenarioResolver.resolve(WHITENED);
        Scenario explicit = first.resolvedToExplicit();

        ResolvedScenario replay = ScenarioResolver.resolve(explicit);

        assertThat(explicit.data().kind()).isEqualTo("explicit");
        assertThat(replay.data().X().data).isEqualTo(first.data().X().data);
        assertThat(replay.data().Y().data).isEqualTo(first.data().Y().data);
        assertThat(replay.theta0()).isEqualTo(first.theta0());
        assertThat(replay.resolvedToExplicit()).isEqualTo(explicit);
        assertThat(replay.run().losses()).isEqualTo(first.run().losses());
    }

    @Test
    void planFollowsTheRecordingFields() {
        DynamicsSpec d = DynamicsSpec.gradientDescent(8, 0.1).withSnapshots(1, 2)
                .withRecording(0.2, 10, 0.05, true);
        Network network = ScenarioResolver.network(WHITENED.network());

        RunPlan plan = ScenarioResolver.plan(d, network);

        assertThat(plan.endTime()).isEqualTo(8);
        assertThat(plan.firstTime()).isEqualTo(0.2);
        assertThat(plan.pointsPerDecade()).isEqualTo(10);
        assertThat(plan.lossChange()).isEqualTo(0.05);
        assertThat(plan.snapshotTimes()).containsExactly(1, 2);
        assertThat(plan.unitSize()).isEqualTo(network.unitSize());
        assertThat(ScenarioResolver.plan(d.withRecording(0.2, 10, 0.05, false), network).unitSize())
                .isZero();
    }

    @Test
    void generatorRejectionsNameTheDataKind() {
        Scenario kinks = new Scenario(new NetworkSpec("relu", 3, 1, 1, true, 0, 0, 0, 0),
                DataSpec.reluKinks(10, new double[] {0.5, 0.2}, new double[] {1, 1}),
                InitSpec.gaussian(0.1, 1), DynamicsSpec.gradientDescent(1, 0.1));
        Network network = ScenarioResolver.network(kinks.network());

        assertThatThrownBy(() -> ScenarioResolver.data(kinks.data(), kinks.network(), network))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("data (relu-kinks): kinks[1] (0.2) must be larger");
    }
}
