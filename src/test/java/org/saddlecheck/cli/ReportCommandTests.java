package org.saddlecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.report.SampleResults;
import org.saddlecheck.report.results.ResultsJson;

class ReportCommandTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void writesThePageFromAResultsFolder(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        ResultsJson.write(SampleResults.run(), run.resolve("results.json"));
        Path page = dir.resolve("site/index.html");

        int status = run("report", run.toString(), "--out", page.toString());

        assertThat(status).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEqualTo("saddlecheck: wrote " + page + " (7 claims)\n");
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("Drops come at");
    }

    @Test
    void badInputExitsWithTwoAndOneSentenceAndWritesNothing(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("results.json"), "{\"format\": \"saddlecheck-results/1\"}");
        Path page = dir.resolve("index.html");

        int status = run("report", run.toString(), "--out", page.toString());

        assertThat(status).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).isEqualTo("saddlecheck: " + run.resolve("results.json")
                + ": field run is missing\n");
        assertThat(page).doesNotExist();
    }

    @Test
    void missingFolderIsBadInput(@TempDir Path dir) {
        int status = run("report", dir.resolve("absent").toString(), "--out",
                dir.resolve("index.html").toString());
        assertThat(status).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).isEqualTo("saddlecheck: " + dir.resolve("absent")
                + " does not exist; give a results folder (or its results.json)\n");
        assertThat(dir.resolve("index.html")).doesNotExist();
    }

    @Test
    void noFolderIsAUsageError() {
        assertThat(run("report")).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("Missing required parameter: 'DIR'");
    }
}
