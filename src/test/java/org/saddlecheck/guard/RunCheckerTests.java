package org.saddlecheck.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.dynamics.GradientDescent;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.scenario.ResolvedScenario;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;

class RunCheckerTests {
    private static final double ETA = 0.05;
    private static final Scenario SCENARIO = ScenarioResolver.resolve(
            VectorCatalogue.linear().scenario()).resolvedToExplicit();
    /** An independent replay: this project's gradient descent, written out as another program would. */
    private static final Trajectory RUN = replay();

    /** The golden run at η, computed once and shared by the checks below. */
    private static final Expectation GOLDEN = Golden.compute(ScenarioResolver.resolve(SCENARIO), ETA,
            false, false);

    private static CheckResult check(RunData run) {
        return RunChecker.check(run, SCENARIO, ETA, GOLDEN);
    }

    private static Trajectory replay() {
        ResolvedScenario r = ScenarioResolver.resolve(SCENARIO);
        return new GradientDescent(ETA).run(r.objective(), r.theta0(), r.plan());
    }

    /** The run as CSV with the loss multiplied by c and time divided by d. */
    private static RunData csv(double c, double d) {
        List<String> lines = new ArrayList<>(List.of("time,loss"));
        for (int k = 0; k < RUN.size(); k++) {
            lines.add(RUN.time(k) / d + "," + RUN.loss(k) * c);
        }
        return RunReader.parseCsv(lines, "run 'r.csv'");
    }

    @Test
    void aFaithfulReplayHoldsAndEachConventionIsNamed() {
        assertThat(check(csv(1, 1)).verdict())
                .isEqualTo(CheckResult.Verdict.HOLDS);

        CheckResult noHalf = check(csv(2, 1));
        assertThat(noHalf.verdict()).isEqualTo(CheckResult.Verdict.VIOLATED);
        assertThat(noHalf.conventions()).anySatisfy(c -> assertThat(c).contains("no ½"));

        // PyTorch's MSELoss: mean over the D_out = 3 outputs, no ½, so the loss is 2/3 of ours.
        CheckResult mse = check(csv(2.0 / 3, 1));
        assertThat(mse.conventions()).anySatisfy(c -> assertThat(c).contains("MSELoss"));

        CheckResult steps = check(csv(1, ETA));
        assertThat(steps.verdict()).isEqualTo(CheckResult.Verdict.VIOLATED);
        assertThat(steps.conventions()).anySatisfy(c -> assertThat(c).contains("counts steps"));
        assertThat(CheckReport.html(steps, "r.csv")).contains("VIOLATED").doesNotContain("<script");
        assertThat(CheckReport.json(steps)).contains("\"exitStatus\" : 1");
    }

    @Test
    void aTrajectoryFileOfTheFlowHoldsAgainstTheFlow() throws Exception {
        ResolvedScenario r = ScenarioResolver.resolve(SCENARIO);
        Trajectory flow = r.run();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("run", ".json");
        try {
            java.nio.file.Files.writeString(file, org.saddlecheck.scenario.TrajectoryJson.write(r, flow));
            CheckResult c = RunChecker.check(RunReader.read(file), SCENARIO, Double.NaN);
            assertThat(c.verdict()).as(CheckReport.text(c)).isEqualTo(CheckResult.Verdict.HOLDS);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void tooFewPointsAroundADropCannotBeJudged() {
        List<String> lines = new ArrayList<>(List.of("time,loss"));
        for (int k = 0; k <= 14; k++) {
            lines.add(5.0 * k + "," + RUN.loss(0));
        }
        RunData sparse = RunReader.parseCsv(lines, "run");
        assertThatThrownBy(() -> check(sparse))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("too few points");
    }

    @Test
    void divergedRunsGetTheirOwnVerdict() {
        RunData nan = RunReader.parseCsv(List.of("time,loss", "0,1", "1,3", "2,NaN"), "run");
        RunData growing = RunReader.parseCsv(List.of("time,loss", "0,1", "1,3", "2,9"), "run");
        for (RunData r : List.of(nan, growing)) {
            CheckResult c = check(r);
            assertThat(c.verdict()).isEqualTo(CheckResult.Verdict.DIVERGED);
            assertThat(c.summary()).contains("diverged");
            assertThat(c.verdict().exitStatus()).isEqualTo(1);
        }
    }

    @Test
    void inputThatCannotBeJudgedIsRejectedWithOneSentence() {
        RunData few = RunReader.parseCsv(List.of("time,loss", "0,1", "1,0.9"), "run");
        assertThatThrownBy(() -> check(few))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("records");
        RunData steps = RunReader.parseCsv(List.of("step,loss", "0,1", "1,0.9"), "run");
        assertThatThrownBy(() -> RunChecker.check(steps, SCENARIO, Double.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--learning-rate");
        RunData wide = RunReader.parseCsv(List.of("time,loss,w1,w2", "0,1,1,1"), "run");
        assertThatThrownBy(() -> check(wide))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("H = 6");
    }
}
