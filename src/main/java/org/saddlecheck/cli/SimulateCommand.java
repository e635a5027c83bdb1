package org.saddlecheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.scenario.AtomicFile;
import org.saddlecheck.scenario.ResolvedScenario;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioJson;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.scenario.TrajectoryCsv;
import org.saddlecheck.scenario.TrajectoryJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code saddlecheck simulate --scenario S.json --out T.json [--format json|csv]}: runs one scenario
 * and writes its trajectory. Everything is checked before the run starts and the output is written
 * in one atomic step after it ends, so bad input (exit status 2, one sentence naming the field)
 * and failed runs leave no output file behind.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Runs one scenario and writes its trajectory (see docs/formats.md).")
final class SimulateCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        /** The trajectory file, format saddlecheck-trajectory/1, with the explicit scenario. */
        json,
        /** The run CSV: time,loss. */
        csv
    }

    @Option(names = "--scenario", required = true, paramLabel = "S.json",
            description = "The scenario file (format saddlecheck-scenario/1).")
    private Path scenario;

    @Option(names = "--out", required = true, paramLabel = "T.json",
            description = "Where to write the trajectory; replaced atomically if it exists.")
    private Path out;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|csv",
            description = "json: the trajectory with its explicit scenario (default); csv: time,loss.")
    private Format format;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        AtomicFile.requireWritable(out);
        Scenario given = ScenarioJson.read(scenario);
        ResolvedScenario resolved = ScenarioResolver.resolve(given);

        Trajectory run = resolved.run();

        String text = format == Format.json ? TrajectoryJson.write(resolved, run)
                : TrajectoryCsv.write(run);
        AtomicFile.write(out, text);
        PrintWriter console = spec.commandLine().getOut();
        console.println("wrote " + out + ": " + run.size() + " records up to t = " + run.endTime()
                + ", final loss " + run.finalLoss() + ", " + run.gradientEvaluations()
                + " gradient evaluations");
        console.flush();
        return 0;
    }
}
