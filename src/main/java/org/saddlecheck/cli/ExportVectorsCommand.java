package org.saddlecheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.saddlecheck.guard.Expectation;
import org.saddlecheck.guard.VectorCase;
import org.saddlecheck.guard.VectorCatalogue;
import org.saddlecheck.guard.VectorExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code saddlecheck export-vectors --out DIR [--case NAME]}: writes the conformance vectors, one
 * folder per canonical scenario (see docs/formats.md).
 */
@Command(name = "export-vectors", mixinStandardHelpOptions = true,
        description = "Writes golden trajectories and conformance vectors (see docs/formats.md).")
final class ExportVectorsCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    private Path out;

    @Option(names = "--case", paramLabel = "NAME", description = "Export only this case.")
    private String only;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<VectorCase> cases = only == null ? VectorCatalogue.all()
                : List.of(VectorCatalogue.require(only));
        PrintWriter console = spec.commandLine().getOut();
        for (VectorCase c : cases) {
            Expectation e = VectorExporter.export(c, out);
            console.println("wrote " + out.resolve(c.name()) + ": " + e.flowDropTimes().length
                    + " drops under gradient flow");
        }
        console.flush();
        return 0;
    }
}
