package org.saddlecheck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.claim.PaperFigures;
import org.saddlecheck.figures.FigureOne;
import org.saddlecheck.figures.FigureOne.Panel;
import org.saddlecheck.scenario.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code saddlecheck figure N [--out DIR] [--panel KIND]... [--quick]}: regenerates the data behind the
 * paper's Figure N and writes {@code DIR/figureN.json} (format {@code saddlecheck-figure/1}, see
 * {@code docs/figures.md}). Exit status 2 for a figure or panel this project does not regenerate.
 */
@Command(name = "figure", mixinStandardHelpOptions = true,
        description = "Regenerates the data behind one of the paper's figures as JSON"
                + " (see docs/figures.md).")
final class FigureCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "N", description = "The figure: 1 or 2.")
    private int number;

    @Option(names = "--out", defaultValue = "reports/figures", paramLabel = "DIR",
            description = "The folder to write figureN.json into (default reports/figures).")
    private Path out;

    @Option(names = "--panel", paramLabel = "KIND",
            description = "Only this panel (repeatable); Figure 1: the network kinds linear,"
                    + " linear-conv, relu, relu-conv, attention, quadratic.")
    private List<String> panels = new ArrayList<>();

    @Option(names = "--quick", description = "Figure 2: the linear panels only, with fewer values"
            + " (seconds instead of a minute).")
    private boolean quick;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path file = out.resolve("figure" + number + ".json");
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new InvalidInputException("the output folder '" + out + "' cannot be created: "
                    + e.getMessage(), e);
        }
        AtomicFile.requireWritable(file);
        ObjectNode root = switch (number) {
            case 1 -> PaperFigures.figureOne(figureOnePanels());
            case 2 -> PaperFigures.figureTwo(quick);
            default -> throw new InvalidInputException("figure N (" + number
                    + ") must be 1 or 2, the figures this version regenerates");
        };
        AtomicFile.write(file, PaperFigures.text(root));
        PrintWriter console = spec.commandLine().getOut();
        console.println("wrote " + file);
        console.flush();
        return 0;
    }

    private List<Panel> figureOnePanels() {
        if (panels.isEmpty()) {
            return Arrays.asList(Panel.values());
        }
        List<Panel> chosen = new ArrayList<>();
        for (String kind : panels) {
            chosen.add(FigureOne.panelOf(kind));
        }
        return chosen;
    }
}
