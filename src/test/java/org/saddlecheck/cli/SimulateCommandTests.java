package org.saddlecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.saddlecheck.scenario.LossCurve;
import org.saddlecheck.scenario.ScenarioJson;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.scenario.TrajectoryCsv;
import org.saddlecheck.scenario.TrajectoryFile;
import org.saddlecheck.scenario.TrajectoryJson;

class SimulateCommandTests {

    private static final Path EXAMPLES = Path.of("examples", "scenarios");
    private static final Path LINEAR = EXAMPLES.resolve("linear-three-modes.json");

    @TempDir
    Path folder;

    /** The exit status and what the command printed. */
    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleRunsAndWritesAReadableTrajectory(Path example) {
        Path out = folder.resolve("T.json");

        Result r = run("simulate", "--scenario", example.toString(), "--out", out.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote " + out);
        TrajectoryFile file = TrajectoryJson.read(out);
        assertThat(file.origin()).isEqualTo(ScenarioJson.read(example));
        assertThat(file.scenario()).isEqualTo(
                ScenarioResolver.resolve(file.origin()).resolvedToExplicit());
        // Training lowers the loss: the final loss is below the loss at t = 0.
        assertThat(file.losses()[file.size() - 1]).isLessThan(file.losses()[0]);
    }

    @Test
    void csvHoldsTheSameLossCurveAsJson() {
        Path json = folder.resolve("T.json");
        Path csv = folder.resolve("T.csv");

        assertThat(run("simulate", "--scenario", LINEAR.toString(), "--out", json.toString())
                .status()).isZero();
        assertThat(run("simulate", "--scenario", LINEAR.toString(), "--out", csv.toString(),
                "--format", "csv").status()).isZero();

        LossCurve curve = TrajectoryCsv.read(csv);
        TrajectoryFile file = TrajectoryJson.read(json);
        assertThat(curve.times()).isEqualTo(file.times());
        assertThat(curve.losses()).isEqualTo(file.losses());
    }

    /** Writes the linear example changed by {@code edit} (on its text) and returns its path. */
    private Path scenario(UnaryOperator<String> edit) throws IOException {
        String text = edit.apply(Files.readString(LINEAR));
        return Files.writeString(folder.resolve("bad.json"), text);
    }

    /** Runs a bad scenario: exit 2, one line naming {@code field}, and no output file. */
    private void assertRejected(Path scenario, String message) throws IOException {
        Path out = folder.resolve("T.json");
        Path kept = folder.resolve("kept.json");
        Files.writeString(kept, "old");

        Result r = run("simulate", "--scenario", scenario.toString(), "--out", out.toString());
        Result overwrite = run("simulate", "--scenario", scenario.toString(), "--out",
                kept.toString());

        assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(message);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
        assertThat(overwrite.status()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(kept).hasContent("old");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("bad.json", "kept.json");
        }
    }

    @Test
    void unknownNetworkKindIsRejected() throws IOException {
        assertRejected(scenario(s -> s.replace("\"linear\"", "\"lineer\"")),
                "network.kind 'lineer' is not one of: linear, relu");
    }

    @Test
    void wrongShapesAreRejected() throws IOException {
        assertRejected(scenario(s -> s.replace("{\"scale\": 0.001, \"seed\": 7}",
                "{\"theta\": [1, 2, 3]}")), "init.theta has 3 entries but the linear network with"
                        + " H = 10 needs 60");
        assertRejected(scenario(s -> s.replace(
                "{\"kind\": \"whitened-regression\", \"seed\": 1, \"samples\": 30,"
                        + " \"spectrum\": [1.0, 0.5, 0.25]}",
                "{\"kind\": \"explicit\", \"X\": [[1, 2], [3, 4]], \"Y\": [[1, 2, 3], [4, 5, 6]]}")),
                "data.X has 2 columns but the linear network with H = 10 reads 3 inputs");
    }

    @Test
    void nonFiniteNumbersAreRejected() throws IOException {
        assertRejected(scenario(s -> s.replace("0.001", "\"NaN\"")),
                "init.scale (NaN) must be a finite number");
        assertRejected(scenario(s -> s.replace("0.25", "\"Infinity\"")),
                "data.spectrum[2] (Infinity) must be a finite number");
    }

    @Test
    void negativeWidthIsRejected() throws IOException {
        assertRejected(scenario(s -> s.replace("\"width\": 10", "\"width\": -3")),
                "network.width (-3) must be positive");
    }

    @Test
    void unknownFieldIsRejected() throws IOException {
        assertRejected(scenario(s -> s.replace("\"width\": 10", "\"widht\": 10")),
                "unknown field network.widht");
    }

    @Test
    void unreadableFileIsRejected() throws IOException {
        Files.writeString(folder.resolve("bad.json"), "{ not json");
        assertRejected(folder.resolve("bad.json"), "is not valid JSON");
        Path missing = folder.resolve("missing.json");
        Result r = run("simulate", "--scenario", missing.toString(), "--out",
                folder.resolve("T.json").toString());
        assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("scenario file '" + missing + "' does not exist");
        assertThat(folder.resolve("T.json")).doesNotExist();
    }

    @Test
    void badOptionsAreRejected() {
        Path out = folder.resolve("T.json");
        assertThat(run("simulate", "--scenario", LINEAR.toString(), "--out", out.toString(),
                "--format", "xml").status()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run("simulate", "--out", out.toString()).status())
                .isEqualTo(Main.EXIT_BAD_INPUT);
        Result r = run("simulate", "--scenario", LINEAR.toString(), "--out",
                folder.resolve("none/T.json").toString());
        assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("does not exist");
        assertThat(out).doesNotExist();
    }
}
