package org.saddlecheck.report.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.report.SampleResults;

class ShardMergeTests {

    private static final int COUNT = 3;
    private static final Instant START = Instant.parse("2026-12-03T17:40:00Z");

    @Test
    void shardsReassembleIntoTheUnshardedRun(@TempDir Path dir) {
        Results whole = SampleResults.run();
        List<Path> folders = writeShards(whole, dir, COUNT);

        Merged merged = ShardMerge.read(folders);

        // The run record follows the documented rules: earliest start, longest shard, shard 1/1.
        RunInfo expectedRun = SampleResults.runInfo(Shard.WHOLE, whole.run().command(),
                duration(COUNT), START);
        assertThat(merged.results())
                .isEqualTo(new Results(expectedRun, whole.claims(), whole.maps()));
        assertThat(merged.shards()).extracting(r -> r.shard().index()).containsExactly(1, 2, 3);
        assertThat(merged.sources()).containsExactly(
                folders.get(0).resolve("results.json").toString(),
                folders.get(1).resolve("results.json").toString(),
                folders.get(2).resolve("results.json").toString());
    }

    @Test
    void orderOfTheFoldersDoesNotMatter(@TempDir Path dir) {
        List<Path> folders = writeShards(SampleResults.run(), dir, COUNT);
        List<Path> reversed = new ArrayList<>(folders);
        Collections.reverse(reversed);
        assertThat(ShardMerge.read(reversed).results())
                .isEqualTo(ShardMerge.read(folders).results());
    }

    @Test
    void singleUnshardedRunIsReturnedAsIs(@TempDir Path dir) {
        Results whole = SampleResults.run();
        List<Path> folders = writeShards(whole, dir, 1);
        // The one shard was written with the sample's own run record, so nothing changes.
        assertThat(ShardMerge.read(folders).results()).isEqualTo(shards(whole, 1).get(0));
    }

    @Test
    void missingShardIsNamed(@TempDir Path dir) {
        List<Path> folders = writeShards(SampleResults.run(), dir, COUNT);
        assertThatThrownBy(() -> ShardMerge.read(List.of(folders.get(0), folders.get(2))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("shard 2 of 3 is missing; give the results folder of every shard");
    }

    @Test
    void severalMissingShardsAreAllNamed(@TempDir Path dir) {
        List<Path> folders = writeShards(SampleResults.run(), dir, 4);
        assertThatThrownBy(() -> ShardMerge.read(List.of(folders.get(2))))
                .hasMessageStartingWith("shards 1, 2, 4 of 4 are missing");
    }

    @Test
    void mismatchedSeedIsRejectedNamingBothFiles(@TempDir Path dir) {
        Results whole = SampleResults.run();
        List<Results> shards = shards(whole, COUNT);
        RunInfo r = shards.get(1).run();
        shards.set(1, new Results(new RunInfo(r.version(), 7L, r.budget(), r.triesOverride(),
                r.shard(), r.started(), r.durationSeconds(), r.threads(), r.command()),
                shards.get(1).claims(), shards.get(1).maps()));
        assertThatThrownBy(() -> ShardMerge.merge(shards, List.of("a", "b", "c")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("b has seed 7 but a has seed 20251223; shards must be slices of the "
                        + "same run");
    }

    @Test
    void sameShardGivenTwiceIsRejected() {
        List<Results> shards = shards(SampleResults.run(), COUNT);
        assertThatThrownBy(() -> ShardMerge.merge(List.of(shards.get(0), shards.get(0)),
                List.of("a", "b"))).hasMessage("a and b are both shard 1 of 3");
    }

    @Test
    void claimInTwoShardsIsRejected() {
        List<Results> shards = shards(SampleResults.run(), 2);
        Results second = shards.get(1);
        List<ClaimResult> claims = new ArrayList<>(second.claims());
        claims.add(shards.get(0).claims().get(0));
        shards.set(1, new Results(second.run(), claims, second.maps()));
        assertThatThrownBy(() -> ShardMerge.merge(shards, List.of("a", "b")))
                .hasMessage("claim \"" + shards.get(0).claims().get(0).id()
                        + "\" appears both in a and in b");
    }

    @Test
    void folderWithoutResultsIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> ShardMerge.read(List.of(dir)))
                .hasMessage("folder " + dir + " holds no results.json");
    }

    @Test
    void shardOptionIsRemovedFromTheCommand() {
        assertThat(ShardMerge.withoutShardOption("./saddlecheck verify --shard 2/4 --seed 5"))
                .isEqualTo("./saddlecheck verify --seed 5");
        assertThat(ShardMerge.withoutShardOption("./saddlecheck verify --seed 5 --shard=4/4"))
                .isEqualTo("./saddlecheck verify --seed 5");
        assertThat(ShardMerge.withoutShardOption("./saddlecheck verify --shardy 2/4"))
                .isEqualTo("./saddlecheck verify --shardy 2/4");
    }

    /** Shard k lasts 10 k seconds, so the longest of n shards lasts 10 n. */
    private static double duration(int shard) {
        return 10.0 * shard;
    }

    /**
     * Splits a run round-robin over n shards (claim i goes to shard i mod n + 1), as a sharded
     * verify would; each map goes with its claim. Shard k starts k minutes after the run's start,
     * minus one, so shard 1 starts first.
     */
    static List<Results> shards(Results whole, int n) {
        List<Results> out = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            List<ClaimResult> claims = new ArrayList<>();
            for (int i = 0; i < whole.claims().size(); i++) {
                if (i % n == k - 1) {
                    claims.add(whole.claims().get(i));
                }
            }
            Set<String> ids = claims.stream().map(ClaimResult::id).collect(Collectors.toSet());
            List<ValidityMap> maps = whole.maps().stream().filter(m -> ids.contains(m.claim()))
                    .toList();
            RunInfo run = n == 1 ? whole.run() : SampleResults.runInfo(new Shard(k, n),
                    whole.run().command() + " --shard " + k + "/" + n, duration(k),
                    START.plusSeconds(60L * (k - 1)));
            out.add(new Results(run, claims, maps));
        }
        return out;
    }

    private static List<Path> writeShards(Results whole, Path dir, int n) {
        List<Path> folders = new ArrayList<>();
        List<Results> shards = shards(whole, n);
        for (int k = 0; k < n; k++) {
            Path folder = dir.resolve("shard-" + (k + 1));
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            ResultsJson.write(shards.get(k), folder.resolve("results.json"));
            folders.add(folder);
        }
        return folders;
    }
}
