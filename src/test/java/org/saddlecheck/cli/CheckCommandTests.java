package org.saddlecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.dynamics.GradientDescent;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.scenario.ResolvedScenario;
import org.saddlecheck.scenario.ScenarioJson;
import org.saddlecheck.scenario.ScenarioResolver;

class CheckCommandTests {
    private static final double ETA = 0.05;

    /** One export shared by the tests (it is read-only for them). */
    @TempDir
    static Path dir;

    @BeforeAll
    static void export() {
        assertThat(Main.run(new String[] {"export-vectors", "--out", dir.toString(), "--case",
                "linear-aligned"}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))).isZero();
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    /** Exports the linear-aligned vector and writes this project's own GD replay with loss × c. */
    private Path[] vectorAndRun(double c) throws Exception {
        Path scenario = dir.resolve("linear-aligned/scenario.json");
        ResolvedScenario r = ScenarioResolver.resolve(ScenarioJson.read(scenario));
        Trajectory t = new GradientDescent(ETA).run(r.objective(), r.theta0(), r.plan());
        List<String> lines = new ArrayList<>(List.of("time,loss"));
        for (int k = 0; k < t.size(); k++) {
            lines.add(t.time(k) + "," + t.loss(k) * c);
        }
        Path csv = dir.resolve("run-" + c + ".csv");
        Files.write(csv, lines);
        return new Path[] {scenario, csv};
    }

    @Test
    void exitStatusIsZeroForAFaithfulRunAndOneForAMissingHalf() throws Exception {
        Path[] good = vectorAndRun(1);
        Path html = dir.resolve("report.html");
        assertThat(run("check", "--trajectory", good[1].toString(), "--scenario", good[0].toString(),
                "--learning-rate", "0.05", "--format", "html", "--out", html.toString())).isZero();
        assertThat(Files.readString(html)).contains("<svg").contains("HOLDS");

        Path[] bad = vectorAndRun(2);
        assertThat(run("check", "--trajectory", bad[1].toString(), "--scenario", bad[0].toString(),
                "--learning-rate", "0.05")).isEqualTo(1);
        assertThat(out.toString()).contains("has no ½");
    }

    @Test
    void exitStatusIsTwoForInputThatCannotBeJudgedAndOneForADivergedRun() throws Exception {
        String scenario = dir.resolve("linear-aligned/scenario.json").toString();
        Path malformed = dir.resolve("m.csv");
        Files.writeString(malformed, "time,loss\n0,1\n1,x\n");
        assertThat(run("check", "--trajectory", malformed.toString(), "--scenario", scenario))
                .isEqualTo(2);
        assertThat(err.toString()).contains("line 3");

        Path diverged = dir.resolve("d.csv");
        Files.writeString(diverged, "step,loss\n0,1\n1,4\n2,inf\n");
        assertThat(run("check", "--trajectory", diverged.toString(), "--scenario", scenario,
                "--learning-rate", "0.05", "--format", "json")).isEqualTo(1);
        assertThat(out.toString()).contains("\"verdict\" : \"DIVERGED\"").contains("diverged");
    }
}
