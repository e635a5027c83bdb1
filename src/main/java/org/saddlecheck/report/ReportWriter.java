package org.saddlecheck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.report.results.Merged;
import org.saddlecheck.report.results.Results;

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
        String html = html(merged);
        Path target = page.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), ".report-", ".html.tmp");
            Files.writeString(temp, html, StandardCharsets.UTF_8);
            readableByAll(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new InvalidInputException("the report " + page + " could not be written: "
                    + e.getMessage(), e);
        }
    }

    /** The page's HTML. */
    public static String html(Merged merged) {
        return HtmlPage.render(merged);
    }

    /** The page's HTML for one run. */
    public static String html(Results results) {
        return html(Merged.single(results, ""));
    }

    /** Temporary files are private to their owner; a report is meant to be read by anyone. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            return;
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The temporary file is hidden and harmless; the original error is the one to report.
            return;
        }
    }
}
