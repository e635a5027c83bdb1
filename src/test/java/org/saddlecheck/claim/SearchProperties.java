package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchProperties {

    @Test
    void aTrueClaimIsNeverReportedFalseOverTwoHundredSeeds() {
        // Theorem 3 (iii) with its derived round-off tolerance, without its coverage (a handful of
        // tries per seed cannot cover every regime; coverage is checked elsewhere).
        Claim real = ManifoldGradientClaims.proportionalUnits();
        Claim claim = Claim.in(real.family(), real.id()).trials(real.trials())
                .check(real::check).build();
        int judged = 0;
        for (long seed = 1; seed <= 200; seed++) {
            SearchResult r = Search.run(claim, new Search.Settings(seed, 10, 2),
                    SearchListener.NONE);

            assertThat(r.status()).as("seed %d: %s", seed, r.message())
                    .isEqualTo(SearchResult.Status.HELD);
            judged += r.tries() - r.discarded();
        }
        assertThat(judged).isGreaterThan(1900);
    }

    @Test
    void coverageFailsWhenTheGeneratorIsNarrowedToNeverTie() {
        // Spectra of 2 to 4 modes; the narrowed generator draws only distinct ratios.
        Gen<Double> distinct = Gen.scales(-1, -3, 2).map(gap -> 1 - gap);
        Gen<double[]> neverTied = c -> {
            List<Double> r = Gen.lists(distinct, 1, 3).draw(c);
            double[] s = new double[r.size() + 1];
            s[0] = 1;
            for (int k = 1; k < s.length; k++) {
                s[k] = s[k - 1] * r.get(k - 1);
            }
            return s;
        };
        Gen<double[]> usual = c -> {
            List<Double> r = Gen.lists(Generators.gapRatios(), 1, 3).draw(c);
            double[] s = new double[r.size() + 1];
            s[0] = 1;
            for (int k = 1; k < s.length; k++) {
                s[k] = s[k - 1] * r.get(k - 1);
            }
            return s;
        };

        SearchResult narrowed = Search.run(orderedWithTies(neverTied),
                new Search.Settings(Search.DEFAULT_SEED, 100, 2), SearchListener.NONE);
        SearchResult full = Search.run(orderedWithTies(usual),
                new Search.Settings(Search.DEFAULT_SEED, 100, 2), SearchListener.NONE);

        assertThat(narrowed.status()).isEqualTo(SearchResult.Status.FAILED);
        assertThat(narrowed.message()).isEqualTo("coverage: regime 'tied' seen 0 times, 5 required");
        assertThat(narrowed.counterexample()).isNull();
        assertThat(full.status()).isEqualTo(SearchResult.Status.HELD);
    }

    /** A true claim about spectra that requires 5% of the tries to have a tie. */
    private static Claim orderedWithTies(Gen<double[]> spectra) {
        return Claim.in(TestClaims.class, "test.ordered-with-ties")
                .trials(spectra.map(TestClaims::spectrumTrial))
                .regimes(t -> Generators.spectrumRegimes(t.scenario().data().spectrum(), 4, 4))
                .require(Generators.TIED, 0.05)
                .check(t -> Outcome.within(0, 0, 0, "nothing to see"))
                .build();
    }

    @Test
    void aReplayedCounterexampleReproducesTheMeasuredDoubleBitForBit(@TempDir Path folder)
            throws IOException {
        Claim claim = TestClaims.tanhKeepsTheRay();
        SearchResult r = Search.run(claim, new Search.Settings(Search.DEFAULT_SEED, 50, 2),
                SearchListener.NONE);
        Path file = folder.resolve("counterexample.json");
        TrialJson.write(r.counterexample().trial(), file);

        Outcome replayed = claim.check(TrialJson.read(file));

        assertThat(r.counterexample().outcome().measured()).isPositive();
        assertThat(Double.doubleToLongBits(replayed.measured()))
                .isEqualTo(Double.doubleToLongBits(r.counterexample().outcome().measured()));
        assertThat(TrialJson.compact(TrialJson.read(file)))
                .isEqualTo(TrialJson.compact(r.counterexample().trial()));
    }

    @Test
    void oneThreadAndFourThreadsGiveTheSameResults() {
        for (Claim claim : TestClaims.mixed()) {
            SearchResult one = Search.run(claim, new Search.Settings(11, 120, 1),
                    SearchListener.NONE);
            SearchResult four = Search.run(claim, new Search.Settings(11, 120, 4),
                    SearchListener.NONE);

            assertThat(fingerprint(four)).as(claim.id()).isEqualTo(fingerprint(one));
        }
    }

    /** Everything a result reports except the time, with doubles as their bits. */
    private static String fingerprint(SearchResult r) {
        StringBuilder b = new StringBuilder();
        b.append(r.status()).append('|').append(r.message()).append('|').append(r.tries())
                .append('|').append(r.held()).append('|').append(r.discarded()).append('|');
        if (r.worst() != null) {
            b.append(r.worst().tryIndex()).append(':')
                    .append(Double.doubleToLongBits(r.worst().outcome().measured()));
        }
        b.append('|').append(r.coverage());
        if (r.counterexample() != null) {
            b.append('|').append(java.util.Arrays.toString(r.counterexample().choices()))
                    .append(':').append(r.counterexample().foundAtTry()).append(':')
                    .append(r.counterexample().shrinkSteps()).append(':')
                    .append(Double.doubleToLongBits(r.counterexample().outcome().measured()));
        }
        b.append('|').append(r.evidence().stream().map(f -> f.toJson().toString()).toList());
        return b.toString();
    }

    @Test
    void theFailureReportedIsTheFailingTryOfLowestIndex() {
        Claim claim = TestClaims.widthBelowFive();
        int firstFailing = -1;
        for (int i = 0; firstFailing < 0; i++) {
            if (!claim.check(Search.trial(claim, 5, i)).held()) {
                firstFailing = i;
            }
        }

        SearchResult r = Search.run(claim, new Search.Settings(5, 200, 4), SearchListener.NONE);

        assertThat(r.counterexample().foundAtTry()).isEqualTo(firstFailing);
        assertThat(r.tries()).isEqualTo(firstFailing + 1);
        assertThat(r.held()).isEqualTo(firstFailing);
    }

    @Test
    void aClaimThatDiscardsMostTriesIsAnErrorNotAPass() {
        SearchResult r = Search.run(TestClaims.discardsEverything(),
                new Search.Settings(Search.DEFAULT_SEED, 40, 2), SearchListener.NONE);

        assertThat(r.status()).isEqualTo(SearchResult.Status.ERROR);
        assertThat(r.message()).startsWith("40 of 40 tries did not meet the claim's preconditions"
                + " (at most 20 may); the first said: never applicable");
    }

    @Test
    void tryDrawsDependOnTheSeedTheClaimAndTheIndex() {
        long a = Search.trySeed(1, "a", 0);
        assertThat(List.of(Search.trySeed(2, "a", 0), Search.trySeed(1, "b", 0),
                Search.trySeed(1, "a", 1))).doesNotContain(a).doesNotHaveDuplicates();
        assertThat(Search.trySeed(1, "a", 0)).isEqualTo(a);
    }
}
