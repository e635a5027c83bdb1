package org.saddlecheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.claim.Catalogue;
import org.saddlecheck.claim.Claim;
import org.saddlecheck.claim.Outcome;
import org.saddlecheck.claim.ResultsJson;
import org.saddlecheck.claim.RunResults;
import org.saddlecheck.report.ReportWriter;
import org.saddlecheck.claim.SearchResult;
import org.saddlecheck.claim.SpecLibrary;
import org.saddlecheck.claim.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code saddlecheck verify}: checks the claims of the catalogue, shows progress, prints a summary
 * table, writes {@code DIR/results.json} and {@code DIR/counterexamples/<id>.json}, then draws
 * the HTML report {@code DIR/index.html} from the results file. Exit status 0 when every claim run held,
 * 1 when one failed or erred, 2 on bad input (an unknown claim, a malformed spec or option).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks the theory's claims on generated trials and writes results.json.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final Supplier<List<Claim>> catalogue;
    private final Supplier<SpecLibrary> specs;

    /** The command on the project's catalogue and specs. */
    VerifyCommand() {
        this(Catalogue::claims, SpecLibrary::load);
    }

    /** The command on another catalogue and specs (for tests of the command itself). */
    VerifyCommand(Supplier<List<Claim>> catalogue, Supplier<SpecLibrary> specs) {
        this.catalogue = catalogue;
        this.specs = specs;
    }

    @Option(names = "--claim", paramLabel = "ID",
            description = "Check only this claim (repeatable).")
    private List<String> claims = new ArrayList<>();

    @Option(names = "--tries", paramLabel = "N",
            description = "Tries per claim, instead of each spec's budget.")
    private Integer tries;

    @Option(names = "--seed", paramLabel = "S",
            description = "Master seed: a whole number or 'random' (default 20251223, fixed so "
                    + "that runs repeat; or the system property saddlecheck.seed).")
    private String seed;

    @Option(names = "--deep", description = "Also run deep claims, with the deep budgets.")
    private boolean deep;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run only claims whose catalogue index is K-1 modulo N.")
    private String shard = "1/1";

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default reports).")
    private Path out = Paths.get("reports");

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads per claim (default: the number of cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--plain", description = "Plain progress lines even on a terminal.")
    private boolean plain;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        int[] kn = shard(shard);
        long masterSeed = seed == null ? Verification.seedFromProperties()
                : Verification.parseSeed(seed);
        Integer triesGiven = tries != null ? tries : Verification.triesFromProperties();
        Verification.Options options = new Verification.Options(masterSeed, deep, triesGiven,
                kn[0], kn[1], threads, claims, command(masterSeed));
        List<Claim> claimsToRun = catalogue.get();
        Verification.select(claimsToRun, options);
        SpecLibrary library = specs.get();

        Progress progress = new Progress(stdout, plain || System.console() == null);
        RunResults results = Verification.run(claimsToRun, library, options, progress);
        progress.finish();

        Path file = ResultsJson.write(results, out);
        printSummary(stdout, results);
        stdout.println("results: " + file);
        Path page = out.resolve("index.html");
        ReportWriter.write(org.saddlecheck.report.results.ResultsJson.read(file), page);
        stdout.println("report: " + page);
        stdout.flush();
        return results.allHeld() ? 0 : Main.EXIT_VIOLATED;
    }

    /** Parses K/N. */
    private static int[] shard(String text) {
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) {
                int k = Integer.parseInt(parts[0].strip());
                int n = Integer.parseInt(parts[1].strip());
                if (n >= 1 && k >= 1 && k <= n) {
                    return new int[] {k, n};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("--shard (" + text + ") must read K/N with 1 ≤ K ≤ N");
    }

    /** The command line that repeats this run (with the seed made explicit). */
    private String command(long masterSeed) {
        StringBuilder b = new StringBuilder("./saddlecheck verify");
        claims.forEach(c -> b.append(" --claim ").append(c));
        if (tries != null) {
            b.append(" --tries ").append(tries);
        }
        b.append(" --seed ").append(masterSeed);
        if (deep) {
            b.append(" --deep");
        }
        if (!shard.equals("1/1")) {
            b.append(" --shard ").append(shard);
        }
        if (!out.equals(Paths.get("reports"))) {
            b.append(" --out ").append(out);
        }
        return b.toString();
    }

    private void printSummary(PrintWriter o, RunResults results) {
        String format = "%-46s %-11s %-8s %6s  %s%n";
        o.println();
        o.printf(Locale.ROOT, format, "claim", "kind", "verdict", "tries",
                "worst measured / predicted");
        int held = 0;
        int failed = 0;
        int skipped = 0;
        for (RunResults.ClaimRecord r : results.claims()) {
            SearchResult s = r.search();
            String kind = r.spec() == null ? "-" : r.spec().kind().json();
            o.printf(Locale.ROOT, format, r.id(), kind, r.status(), s == null ? "-" : s.tries(),
                    worst(s));
            switch (r.status()) {
                case "held" -> held++;
                case "skipped" -> skipped++;
                default -> failed++;
            }
        }
        for (RunResults.ClaimRecord r : results.claims()) {
            if (!r.ok()) {
                o.println();
                o.println(r.id() + " " + r.status() + ":");
                String replay = Verification.replayCommand(
                        ResultsJson.counterexampleFile(out, r.id()).toString(), r.id());
                o.println(r.search() == null ? r.message()
                        : Verification.failureMessage(r.search(), replay));
            }
        }
        o.printf(Locale.ROOT, "%n%d claims: %d held, %d failed or erred, %d skipped (%.1f s)%n",
                results.claims().size(), held, failed, skipped, results.run().seconds());
    }

    private static String worst(SearchResult s) {
        if (s == null) {
            return "-";
        }
        Outcome w = s.counterexample() != null ? s.counterexample().outcome()
                : s.worst() == null ? null : s.worst().outcome();
        if (w == null || w.verdict() == Outcome.Verdict.ERROR) {
            return "-";
        }
        return brief(w.measured()) + " / " + brief(w.predicted());
    }

    private static String brief(double x) {
        return x == 0 ? "0" : String.format(Locale.ROOT, "%.3g", x);
    }

    /** Progress on the terminal: one live line, or plain lines when not on a terminal. */
    private static final class Progress implements Verification.Listener {
        private final PrintWriter out;
        private final boolean plainLines;
        private volatile String current = "";
        private volatile int index;
        private volatile int total;
        private long lastDraw;

        Progress(PrintWriter out, boolean plainLines) {
            this.out = out;
            this.plainLines = plainLines;
        }

        @Override
        public void claimStarted(Claim claim, int k, int n, int tries) {
            current = claim.id();
            index = k;
            total = n;
            if (!plainLines) {
                draw(0, tries);
            }
        }

        @Override
        public void tryFinished(String claimId, int done, int tries) {
            if (plainLines) {
                return;
            }
            synchronized (this) {
                long now = System.nanoTime();
                if (now - lastDraw > 100_000_000L || done == tries) {
                    lastDraw = now;
                    draw(done, tries);
                }
            }
        }

        @Override
        public void shrinking(String claimId) {
            if (!plainLines) {
                synchronized (this) {
                    out.print(String.format(Locale.ROOT, "\r[%d/%d] %s: shrinking a failing trial"
                            + "          ", index + 1, total, claimId));
                    out.flush();
                }
            }
        }

        @Override
        public void claimFinished(RunResults.ClaimRecord record, int k, int n) {
            String line = String.format(Locale.ROOT, "[%d/%d] %-46s %s", k + 1, n, record.id(),
                    record.status());
            synchronized (this) {
                if (plainLines) {
                    out.println(line);
                } else {
                    out.print("\r" + line + " ".repeat(24) + "\n");
                }
                out.flush();
            }
        }

        private void draw(int done, int tries) {
            out.print(String.format(Locale.ROOT, "\r[%d/%d] %s: %d/%d tries", index + 1, total,
                    current, done, tries));
            out.flush();
        }

        void finish() {
            out.flush();
        }
    }
}
