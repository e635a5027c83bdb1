package org.saddlecheck.cli;

import org.saddlecheck.scenario.TestScenarios;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.claim.Catalogue;
import org.saddlecheck.claim.Claim;
import org.saddlecheck.claim.Gen;
import org.saddlecheck.claim.Outcome;
import org.saddlecheck.claim.SpecLibrary;
import org.saddlecheck.claim.Trial;
import picocli.CommandLine;

class VerifyCommandTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZERO = "theorem3.zero-unit-gradient";

    /** The output of one run of the command line. */
    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aRunWhereEveryClaimHoldsExitsZeroAndWritesTheResults(@TempDir Path dir)
            throws IOException {
        Run r = run("verify", "--claim", ZERO, "--tries", "60", "--out", dir.toString(), "--plain");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains(ZERO).contains("held").contains("results: ");
        JsonNode root = JSON.readTree(dir.resolve("results.json").toFile());
        assertThat(root.get("format").asText()).isEqualTo("saddlecheck-results/1");
        assertThat(fieldNames(root)).containsExactly("format", "run", "claims", "maps");
        JsonNode run = root.get("run");
        assertThat(fieldNames(run)).containsExactly("version", "seed", "budget", "triesOverride",
                "shard", "started", "durationSeconds", "threads", "command");
        assertThat(run.get("seed").asLong()).isEqualTo(20251223L);
        assertThat(run.get("budget").asText()).isEqualTo("custom");
        assertThat(run.get("triesOverride").asInt()).isEqualTo(60);
        assertThat(run.get("shard").get("index").asInt()).isEqualTo(1);
        assertThat(run.get("command").asText())
                .startsWith("./saddlecheck verify --claim " + ZERO + " --tries 60 --seed 20251223");

        JsonNode claim = root.get("claims").get(0);
        assertThat(fieldNames(claim)).containsExactly("id", "title", "section", "source", "kind",
                "statement", "assumptions", "toleranceRationale", "test", "tags", "status",
                "message", "tries", "held", "discarded", "durationSeconds", "tolerance", "worst",
                "coverage", "counterexample", "evidence");
        assertThat(claim.get("id").asText()).isEqualTo(ZERO);
        assertThat(claim.get("title").asText())
                .isEqualTo(SpecLibrary.load().get(ZERO).title());
        assertThat(claim.get("status").asText()).isEqualTo("held");
        assertThat(claim.get("tries").asInt()).isEqualTo(60);
        assertThat(claim.get("held").asInt() + claim.get("discarded").asInt()).isEqualTo(60);
        assertThat(claim.get("tolerance").asDouble()).isZero();
        assertThat(fieldNames(claim.get("worst")))
                .containsExactly("measured", "predicted", "tolerance", "try");
        assertThat(fieldNames(claim.get("coverage").get(0)))
                .containsExactly("regime", "count", "required", "met");
        assertThat(claim.get("counterexample").isNull()).isTrue();
        assertThat(claim.get("evidence").get(0).get("type").asText()).isEqualTo("table");
    }

    @Test
    void anUnknownClaimIsBadInputNamedInTheMessage(@TempDir Path dir) {
        Run r = run("verify", "--claim", "theorem9.nothing", "--out", dir.toString());

        assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("unknown claim 'theorem9.nothing'");
        assertThat(dir.resolve("results.json")).doesNotExist();
    }

    @Test
    void aMalformedShardIsBadInput(@TempDir Path dir) {
        assertThat(run("verify", "--shard", "3/2", "--out", dir.toString()).status())
                .isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run("verify", "--tries", "0", "--out", dir.toString()).status())
                .isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run("verify", "--seed", "soon", "--out", dir.toString()).status())
                .isEqualTo(Main.EXIT_BAD_INPUT);
    }

    @Test
    void unmetCoverageMakesTheRunExitOne(@TempDir Path dir) throws IOException {
        // One try cannot fall in every required regime.
        Run r = run("verify", "--claim", ZERO, "--tries", "1", "--out", dir.toString(), "--plain");

        assertThat(r.status()).isEqualTo(Main.EXIT_VIOLATED);
        JsonNode claim = JSON.readTree(dir.resolve("results.json").toFile()).get("claims").get(0);
        assertThat(claim.get("status").asText()).isEqualTo("failed");
        assertThat(claim.get("message").asText()).startsWith("coverage: regime '");
    }

    @Test
    void aShardRunsTheClaimsWhoseIndexMatchesModuloTheCount(@TempDir Path dir) throws IOException {
        Run r = run("verify", "--shard", "2/2", "--tries", "1", "--out", dir.toString(), "--plain");

        List<String> expected = new ArrayList<>();
        List<Claim> all = Catalogue.claims();
        for (int i = 1; i < all.size(); i += 2) {
            expected.add(all.get(i).id());
        }
        JsonNode root = JSON.readTree(dir.resolve("results.json").toFile());
        List<String> ran = new ArrayList<>();
        root.get("claims").forEach(c -> ran.add(c.get("id").asText()));
        assertThat(ran).isEqualTo(expected);
        assertThat(root.get("run").get("shard").get("index").asInt()).isEqualTo(2);
        assertThat(root.get("run").get("shard").get("count").asInt()).isEqualTo(2);
        assertThat(r.status()).isNotEqualTo(Main.EXIT_BAD_INPUT);
    }

    @Test
    void aFailingClaimExitsOneAndWritesAReplayableCounterexample(@TempDir Path dir)
            throws IOException {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Files.writeString(specs.resolve("test.below-3.md"), spec("test.below-3"));
        Claim below3 = Claim.in(VerifyCommandTests.class, "test.below-3")
                .trials(Gen.integers(0, 100).map(v -> Trial.of(
                        TestScenarios.point()).with("v", v)))
                .check(t -> Outcome.atMost(t.parameter("v"), 2, "v = " + t.parameter("v")))
                .build();
        CommandLine cli = new CommandLine(new VerifyCommand(() -> List.of(below3),
                () -> SpecLibrary.load(specs)));
        StringWriter printed = new StringWriter();
        cli.setOut(new PrintWriter(printed));
        cli.setErr(new PrintWriter(printed));
        Path out = dir.resolve("out");

        int status = cli.execute("--out", out.toString(), "--plain");

        assertThat(status).as(printed.toString()).isEqualTo(Main.EXIT_VIOLATED);
        assertThat(printed.toString()).contains("test.below-3 failed:").contains("replay: ");
        JsonNode ce = JSON.readTree(out.resolve("results.json").toFile())
                .get("claims").get(0).get("counterexample");
        assertThat(ce.get("trial").get("parameters").get("v").asDouble()).isEqualTo(3.0);
        assertThat(ce.get("replay").asText()).isEqualTo("./saddlecheck replay "
                + out.resolve("counterexamples").resolve("test.below-3.json") + " --claim test.below-3");
        StringWriter replayed = new StringWriter();
        int replayStatus = ReplayCommand.replay(below3,
                out.resolve("counterexamples").resolve("test.below-3.json"),
                new PrintWriter(replayed));
        assertThat(replayStatus).isEqualTo(Main.EXIT_VIOLATED);
        assertThat(replayed.toString()).contains("measured 3.0, predicted 2.0");
    }

    /** A minimal valid spec for a test claim defined in this class. */
    private static String spec(String id) {
        return "---\nid: " + id + "\ntitle: Below three\nsection: 0\nsource: none\nkind: exact\n"
                + "tags: fast\ntest: " + VerifyCommandTests.class.getName() + "\n---\n"
                + "## Statement\ns\n## Assumptions\na\n## Tolerance\nt\n## Test\nt\n";
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
