package org.saddlecheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.dynamics.Trajectory;

class TrajectoryJsonTests {

    // A small ReLU net with bias on the kink benchmark: every layout label and field is exercised.
    private static final Scenario SCENARIO = new Scenario(
            new NetworkSpec("relu", 3, 1, 1, true, 0, 0, 0, 0),
            DataSpec.reluKinks(9, new double[] {-0.25, 0.5}, new double[] {1, -2}),
            InitSpec.gaussian(0.1, 4),
            DynamicsSpec.gradientDescent(0.5, 0.1).withSnapshots(0, 0.3));

    @TempDir
    Path folder;

    @Test
    void writtenTrajectoryReadsBackBitForBit() {
        ResolvedScenario resolved = ScenarioResolver.resolve(SCENARIO);
        Trajectory run = resolved.run();

        TrajectoryFile file = TrajectoryJson.parse(TrajectoryJson.write(resolved, run), "test");

        assertThat(file.times()).isEqualTo(run.times());
        assertThat(file.losses()).isEqualTo(run.losses());
        assertThat(file.unitNorms()).hasNumberOfRows(run.size());
        for (int k = 0; k < run.size(); k++) {
            assertThat(file.unitNorms()[k]).isEqualTo(run.unitNorms(k));
        }
        assertThat(file.snapshots()).hasSize(2);
        assertThat(file.snapshots().get(1).time()).isEqualTo(run.snapshots().get(1).time());
        assertThat(file.snapshots().get(1).theta()).isEqualTo(run.snapshots().get(1).theta());
        assertThat(file.finalTheta()).isEqualTo(run.finalTheta());
        assertThat(file.gradientEvaluations()).isEqualTo(run.gradientEvaluations());
        assertThat(file.lossEvaluations()).isEqualTo(run.lossEvaluations());
        assertThat(file.steps()).isEqualTo(run.steps());
        assertThat(file.integrator()).isEqualTo("gd");
    }

    @Test
    void embeddedScenarioIsExplicitAndTheOriginKeepsTheSeeds() {
        ResolvedScenario resolved = ScenarioResolver.resolve(SCENARIO);

        TrajectoryFile file = TrajectoryJson.parse(TrajectoryJson.write(resolved, resolved.run()), "t");

        assertThat(file.scenario()).isEqualTo(resolved.resolvedToExplicit());
        assertThat(file.scenario().data().kind()).isEqualTo("explicit");
        assertThat(file.scenario().data().X()[2][0]).isEqualTo(resolved.data().X().get(2, 0));
        assertThat(file.scenario().init().theta()).isEqualTo(resolved.theta0());
        assertThat(file.origin()).isEqualTo(SCENARIO);
    }

    @Test
    void layoutNamesEveryEntryOfAUnit() {
        ResolvedScenario resolved = ScenarioResolver.resolve(SCENARIO);

        ParameterLayout layout = TrajectoryJson.parse(
                TrajectoryJson.write(resolved, resolved.run()), "t").layout();

        assertThat(layout).isEqualTo(new ParameterLayout("relu", 3, 2, 1, List.of("x[0]", "bias"),
                List.of("y[0]")));
        assertThat(layout.parameterCount()).isEqualTo(resolved.network().parameterCount());
    }

    @Test
    void inconsistentFilesAreRejectedByField() {
        ResolvedScenario resolved = ScenarioResolver.resolve(SCENARIO);
        ObjectNode root = TrajectoryJson.toTree(resolved, resolved.run());

        ObjectNode shortLosses = root.deepCopy();
        shortLosses.withArray("losses").remove(0);
        assertThatThrownBy(() -> TrajectoryJson.parse(shortLosses.toString(), "t"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("losses has");

        ObjectNode extra = root.deepCopy();
        extra.put("comment", 1);
        assertThatThrownBy(() -> TrajectoryJson.parse(extra.toString(), "t"))
                .isInstanceOf(InvalidInputException.class).hasMessage("unknown field comment");

        ObjectNode badTheta = root.deepCopy();
        badTheta.withArray("finalTheta").remove(0);
        assertThatThrownBy(() -> TrajectoryJson.parse(badTheta.toString(), "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("finalTheta has " + (3 * 3 - 1) + " entries but the layout has " + 3 * 3);

        ObjectNode badScenario = root.deepCopy();
        ((ObjectNode) badScenario.get("scenario").get("network")).put("width", 0);
        assertThatThrownBy(() -> TrajectoryJson.parse(badScenario.toString(), "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("scenario.network.width (0) must be positive");

        ObjectNode otherFormat = root.deepCopy();
        otherFormat.put("format", Scenario.FORMAT);
        assertThatThrownBy(() -> TrajectoryJson.parse(otherFormat.toString(), "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("format 'saddlecheck-scenario/1' is not saddlecheck-trajectory/1");
    }

    @Test
    void fileOnDiskReadsLikeText() {
        ResolvedScenario resolved = ScenarioResolver.resolve(SCENARIO);
        String text = TrajectoryJson.write(resolved, resolved.run());
        Path file = folder.resolve("t.json");
        AtomicFile.write(file, text);

        assertThat(TrajectoryJson.read(file)).isEqualTo(TrajectoryJson.parse(text, "same"));
    }
}
