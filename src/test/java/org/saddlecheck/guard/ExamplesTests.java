package org.saddlecheck.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.scenario.ScenarioJson;

/** Runs examples/numpy (as ci/run-examples.sh does) when /usr/bin/python3 has NumPy. */
class ExamplesTests {
    private static final String PYTHON = "/usr/bin/python3";
    private static final double ETA = 0.05;

    @TempDir
    Path dir;

    private static boolean numpyAvailable() throws Exception {
        if (!new File(PYTHON).canExecute()) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON, "-c", "import numpy").start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private CheckResult replay(String script, String... extra) throws Exception {
        Path vec = dir.resolve("linear");
        Path out = dir.resolve(script + extra.length + ".csv");
        List<String> cmd = new ArrayList<>(List.of(PYTHON,
                Paths.get("examples", "numpy", script).toString(), vec.toString(), out.toString(),
                "--learning-rate", Double.toString(ETA)));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        return RunChecker.check(RunReader.read(out), ScenarioJson.read(vec.resolve("scenario.json")),
                ETA);
    }

    @Test
    void numpyReplayPassesAndEachTypicalBugIsCaughtByName() throws Exception {
        Assumptions.assumeTrue(numpyAvailable(), "skipped: " + PYTHON + " with numpy is not"
                + " installed (apt-get install -y python3-numpy)");
        VectorExporter.export(VectorCatalogue.linear(), dir);

        assertThat(replay("replay.py").verdict()).isEqualTo(CheckResult.Verdict.HOLDS);

        CheckResult half = replay("buggy.py", "--bug", "missing-half");
        assertThat(half.verdict()).isEqualTo(CheckResult.Verdict.VIOLATED);
        assertThat(half.summary()).contains("no ½");

        CheckResult scale = replay("buggy.py", "--bug", "init-scale");
        assertThat(scale.verdict()).isEqualTo(CheckResult.Verdict.VIOLATED);
        assertThat(CheckReport.text(scale)).contains("initialization scale");

        CheckResult transposed = replay("buggy.py", "--bug", "transposed");
        assertThat(transposed.verdict()).isEqualTo(CheckResult.Verdict.VIOLATED);
        assertThat(transposed.summary()).contains("drop-times");
        assertThat(CheckReport.text(transposed)).contains("layer is transposed");
    }
}
