package org.saddlecheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.claim.Catalogue;
import org.saddlecheck.claim.Claim;
import org.saddlecheck.claim.Outcome;
import org.saddlecheck.claim.Trial;
import org.saddlecheck.claim.TrialJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code saddlecheck replay FILE.json --claim ID}: checks one claim on one trial read from a file
 * (a counterexample written by {@code verify}) and prints the outcome. Exit status 0 when the
 * claim held, 1 when it did not, 2 when the file or the claim cannot be used or the trial does not
 * meet the claim's preconditions.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-checks one claim on one trial file and prints the outcome.")
final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A trial file (scenario JSON"
            + " with parameters), such as reports/counterexamples/<id>.json.")
    private Path file;

    @Option(names = "--claim", paramLabel = "ID", required = true,
            description = "The claim to check.")
    private String claimId;

    @Override
    public Integer call() {
        Claim claim = Catalogue.find(claimId).orElseThrow(() -> new InvalidInputException(
                "unknown claim '" + claimId + "'"));
        return replay(claim, file, spec.commandLine().getOut());
    }

    /**
     * Checks {@code claim} on the trial in {@code file}, prints the outcome to {@code out}, and
     * returns the exit status: 0 held, 1 violated.
     *
     * @throws InvalidInputException if the file is not a trial or the trial does not meet the
     *     claim's preconditions
     */
    static int replay(Claim claim, Path file, PrintWriter out) {
        Trial trial = TrialJson.read(file);
        Outcome outcome = claim.check(trial);
        if (outcome.verdict() == Outcome.Verdict.DISCARDED) {
            throw new InvalidInputException("the trial in " + file + " does not meet the"
                    + " preconditions of " + claim.id() + ": " + outcome.description());
        }
        out.println(claim.id() + ": " + (outcome.held() ? "held" : "failed"));
        out.println(outcome.description());
        out.println(String.format(Locale.ROOT, "measured %s, predicted %s, tolerance %s",
                exact(outcome.measured()), exact(outcome.predicted()),
                Double.isNaN(outcome.tolerance()) ? "none (a bound)" : exact(outcome.tolerance())));
        out.flush();
        return outcome.held() ? 0 : Main.EXIT_VIOLATED;
    }

    /** The shortest decimal that reads back as the same double. */
    private static String exact(double x) {
        return Double.toString(x);
    }
}
