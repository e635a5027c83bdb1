package org.saddlecheck.report;

import java.nio.file.Path;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.report.results.Merged;
import org.saddlecheck.report.results.Results;
import org.saddlecheck.scenario.AtomicFile;

/**
 * Writes the HTML report of a run: one self-contained {@code index.html} (see the package
 * documentation). The file is written whole or not at all: the page goes to a temporary file
 * beside the target, which is then moved over it, so a reader never sees half a page and a
 * failure leaves any earlier report in place.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /**
     * Writes the report of one run (the entry point for the verify command).
     *
     * @param results the run's results
     * @param page where to write the page, such as {@code reports/index.html}; parent folders are
     *     created
     * @throws InvalidInputException when the page cannot be written
     */
    public static void write(Results results, Path page) {
        write(Merged.single(results, ""), page);
    }

    /** Writes the report of results reassembled from shards, with the account of the shards. */
    public static void write(Merged merged, Path page) {
        AtomicFile.writeCreatingFolder(page, html(merged));
    }

    /** The page's HTML. */
    public static String html(Merged merged) {
        return HtmlPage.render(merged);
    }

    /** The page's HTML for one run. */
    public static String html(Results results) {
        return html(Merged.single(results, ""));
    }

}
