package org.saddlecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.report.results.ClaimResult;
import org.saddlecheck.report.results.Results;
import org.saddlecheck.report.results.ResultsJson;
import org.saddlecheck.report.results.ShardMerge;

/**
 * A sweep split with {@code verify --shard K/N} and merged with {@code report} gives the same
 * claims, in the same order, with the same verdicts and numbers as one unsharded run.
 */
class ShardedVerifyTests {

    @Test
    void shardsMergeIntoTheUnshardedRun(@TempDir Path dir) {
        // Four cheap claims at their default budget keep the test fast; the merge does not depend
        // on which claims run.
        String[] common = {"verify", "--plain", "--seed", "7",
            "--claim", "theorem3.zero-unit-gradient", "--claim", "theorem3.equal-units-gradient",
            "--claim", "theorem3.proportional-units-gradient",
            "--claim", "theorem3.proportional-units-break-for-tanh"};
        Path whole = dir.resolve("whole");
        assertThat(run(common, "--out", whole.toString())).isEqualTo(0);
        List<Path> shards = new ArrayList<>();
        for (int k = 3; k >= 1; k--) {
            Path shard = dir.resolve("shard" + k);
            assertThat(run(common, "--out", shard.toString(), "--shard", k + "/3")).isEqualTo(0);
            shards.add(shard);
        }

        Results single = ResultsJson.read(whole.resolve("results.json"));
        Results merged = ShardMerge.read(shards).results();

        assertThat(ids(merged)).isEqualTo(ids(single));
        for (int i = 0; i < single.claims().size(); i++) {
            ClaimResult a = single.claims().get(i);
            ClaimResult b = merged.claims().get(i);
            assertThat(b.status()).as(a.id()).isEqualTo(a.status());
            assertThat(b.worst()).as(a.id()).isEqualTo(a.worst());
        }
        assertThat(Files.exists(whole.resolve("index.html"))).isTrue();
    }

    private static List<String> ids(Results results) {
        return results.claims().stream().map(ClaimResult::id).toList();
    }

    private static int run(String[] common, String... more) {
        String[] args = new String[common.length + more.length];
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(more, 0, args, common.length, more.length);
        StringWriter sink = new StringWriter();
        return Main.run(args, new PrintWriter(sink), new PrintWriter(sink));
    }
}
