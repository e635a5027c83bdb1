package org.saddlecheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.saddlecheck.guard.CheckReport;
import org.saddlecheck.guard.CheckResult;
import org.saddlecheck.guard.RunChecker;
import org.saddlecheck.guard.RunData;
import org.saddlecheck.guard.RunReader;
import org.saddlecheck.scenario.AtomicFile;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code saddlecheck check --trajectory RUN --scenario S.json [--learning-rate η]
 * [--format text|json|html] [--out FILE]}: judges a run of another implementation. Exit status 0
 * when every claim holds, 1 when one is violated or the run diverged, 2 when the input cannot be
 * judged.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Judges another implementation's run against the theory and the golden run.")
final class CheckCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        /** One line per claim. */
        text,
        /** Format saddlecheck-check/1. */
        json,
        /** A self-contained page. */
        html
    }

    @Option(names = "--trajectory", required = true, paramLabel = "RUN",
            description = "The run: CSV (step or time, loss, sv1…, w1…) or a trajectory JSON.")
    private Path trajectory;

    @Option(names = "--scenario", required = true, paramLabel = "S.json",
            description = "The scenario the run replays.")
    private Path scenario;

    @Option(names = "--learning-rate", paramLabel = "η",
            description = "The run's learning rate; without it the run is compared with the flow.")
    private Double learningRate;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|html",
            description = "Output format (default text).")
    private Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here.")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (out != null) {
            AtomicFile.requireWritable(out);
        }
        if (learningRate != null) {
            org.saddlecheck.Require.positive("--learning-rate", learningRate);
        }
        RunData run = RunReader.read(trajectory);
        Scenario s = ScenarioJson.read(scenario);
        CheckResult result = RunChecker.check(run, s,
                learningRate == null ? Double.NaN : learningRate);
        String text = switch (format) {
            case text -> CheckReport.text(result);
            case json -> CheckReport.json(result);
            case html -> CheckReport.html(result, trajectory.toString());
        };
        PrintWriter console = spec.commandLine().getOut();
        if (out != null) {
            AtomicFile.write(out, text);
            console.println(result.verdict() + ": " + result.summary());
        } else {
            console.print(text);
        }
        console.flush();
        return result.verdict().exitStatus();
    }
}
