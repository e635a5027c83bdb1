package org.saddlecheck.cli;

import java.io.PrintWriter;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.SaddlecheckException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: the only code in this project that prints. Exit status 0 means success (for
 * {@code verify} and {@code check}: every claim held), 1 a claim that did not hold, 2 input that
 * could not be judged (with one sentence naming the field or line), 3 an internal error.
 */
@Command(name = "saddlecheck", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Checks the saddle-to-saddle theory of simplicity bias on exact simulations.")
public final class Main implements Runnable {

    /** Exit status for a claim that did not hold. */
    public static final int EXIT_VIOLATED = 1;
    /** Exit status for input that could not be judged. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit status for an unexpected internal failure. */
    public static final int EXIT_INTERNAL = 3;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The command tree with its error handling. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        Commands.register(cli);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof InvalidInputException) {
                err.println("saddlecheck: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof SaddlecheckException) {
                err.println("saddlecheck: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            err.println("saddlecheck: internal error: " + ex);
            return EXIT_INTERNAL;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("saddlecheck: " + ex.getMessage());
            return EXIT_BAD_INPUT;
        });
        return cli;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Reads the version from the jar's manifest, or says it is a development build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"saddlecheck " + (v == null ? "development build" : v)};
        }
    }
}
