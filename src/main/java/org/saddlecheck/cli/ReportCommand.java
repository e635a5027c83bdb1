package org.saddlecheck.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.saddlecheck.report.ReportWriter;
import org.saddlecheck.report.results.Merged;
import org.saddlecheck.report.results.ShardMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code saddlecheck report DIR… [--out FILE]}: reads {@code results.json} from each folder,
 * reassembles the shards of one run, and writes the self-contained HTML page. Exit status 0 when
 * the page was written (whatever the verdicts in it), 2 with one sentence when the input is bad,
 * in which case nothing is written.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes the HTML report of a run from its results folder, or from the "
                + "folders of all its shards."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR",
            description = "Results folders, each holding a results.json (or the files themselves);"
                    + " for a sharded run, the folder of every shard.")
    private List<Path> folders;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "reports/index.html",
            description = "Where to write the page (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Merged merged = ShardMerge.read(folders);
        ReportWriter.write(merged, out);
        int claims = merged.results().claims().size();
        spec.commandLine().getOut().println("saddlecheck: wrote " + out + " (" + claims
                + (claims == 1 ? " claim" : " claims") + (merged.shards().size() > 1
                ? ", from " + merged.shards().size() + " shards" : "") + ")");
        return 0;
    }
}
