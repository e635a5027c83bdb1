package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.saddlecheck.figures.FigureTwo;
import org.saddlecheck.task.Spectra;

class SpectrumSweepClaimsTests {

    // κ = 0.5 against κ = 2 at ε = 10⁻⁸: the spans' bands are far apart and κ = 0.5 has gap ratios
    // 0.71 and 0.82, past the regime of the fixed-spectrum timing claim. Seed 3 is arbitrary.
    private static final double EPSILON = 1e-8;

    private static Trial trial(double low, double high) {
        return Trial.of(FigureTwo.linearSpectrum(high, EPSILON, 3)).with("kappa-low", low)
                .with("kappa-high", high);
    }

    @Test
    void predictedSpanFallsToZeroAsTheSpectrumFlattens() {
        // Ŝ = t̂_3 − t̂_1 with t̂_k = ln(2 s_k/(H ε²))/(2 s_k): at κ = 0 all s_k = 1/3, so Ŝ = 0; for
        // κ > 0, s_3 < s_1 and the slowest mode comes last.
        double previous = -1;
        for (double kappa = 0; kappa <= 2; kappa += 0.25) {
            double[] t = SpectrumSweepClaims.predictedTimes(Spectra.powerLaw(3, kappa), EPSILON);
            double span = t[2] - t[0];
            if (kappa == 0) {
                assertThat(span).isEqualTo(0);
            }
            assertThat(span).isGreaterThan(previous);
            previous = span;
        }
    }

    @Test
    void unionBandContainsTheFixedSpectrumBand() {
        // The union band is the fixed-spectrum band of the timing claim with its lower edge taken
        // from χ²_H instead of χ²_{H−k} (a larger upper quantile, so a lower edge) plus the slacks.
        double s = 0.5;
        double[] union = SpectrumSweepClaims.band(s, 2, EPSILON);
        double[] fixed = LinearStageClaims.band(SpectrumSweepClaims.WIDTH, 2);
        assertThat(union[0]).isLessThan(fixed[0]);
        assertThat(union[1]).isGreaterThan(fixed[1]);
    }

    @Test
    void theCorrectFlowMeetsTheSweepClaim() {
        Trial t = trial(0.5, 2);
        assertThat(SpectrumSweepClaims.regimes(t)).contains("spans-separate", "close-modes");
        Outcome o = SpectrumSweepClaims.checkLinear(t, UnaryOperator.identity());
        assertThat(o.held()).as(o.description()).isTrue();
    }

    @Test
    void aGradientOffByTenPercentMissesTheHalfLearningTimes() {
        // Time runs 1.1 times too fast: t_k ≈ t̂_k/1.1, so δ_1 ≈ −(0.1/1.1)·ln(2 s_1/(H ε²)) ≈ −3.4
        // at κ = 0.5 (s_1 = 0.44), below the band's lower edge −ln(q_{1−α/2}(χ²_50)/50) ≈ −0.76.
        Outcome o = SpectrumSweepClaims.checkLinear(trial(0.5, 2),
                BrokenObjectives.scaledGradient(1.1));
        assertThat(o.held()).isFalse();
        assertThat(o.measured()).isLessThan(-2);
    }

    @Test
    void coupledUnitsMissTheLaterModes() {
        // Every unit given the mean gradient keeps W rank one: modes 2 and 3 are never half learned.
        Trial t = trial(0.5, 2);
        Outcome o = SpectrumSweepClaims.checkLinear(t, BrokenObjectives.meanUnitGradient(6));
        assertThat(o.held()).isFalse();
    }

    @Test
    void attentionSweepThatIgnoresKappaFailsTheRankTest() {
        // Broken variant: both runs of every draw on the same spectrum, so every d is 0 and counts
        // half its rank: the sum is 528/2 = 264, far below the critical 425. Seed 5 is arbitrary.
        Trial same = Trial.of(FigureTwo.attentionSpectrum(1, SpectrumSweepClaims.ATTENTION_EPSILON,
                5)).with("kappa-low", 1).with("kappa-high", 1);
        Outcome o = SpectrumSweepClaims.checkAttention(same, UnaryOperator.identity());
        assertThat(o.held()).isFalse();
        assertThat(o.measured()).isEqualTo(SpectrumSweepClaims.PAIRS * (SpectrumSweepClaims.PAIRS + 1)
                / 4.0);
    }

    @Test
    void signedRankSumRanksMagnitudesAndSharesTies() {
        // |d| = 0.1, 0.5, 0.5, 2, ∞ get ranks 1, 2.5, 2.5, 4, 5; the positive ones are 0.5, 2 and ∞,
        // the zero difference none here: 2.5 + 4 + 5.
        double[] d = {0.5, -0.1, Double.POSITIVE_INFINITY, -0.5, 2};
        assertThat(SpectrumSweepClaims.positiveRankSum(d)).isEqualTo(2.5 + 4 + 5);
        // A zero counts half its rank: |d| = 0, 1 → ranks 1, 2; sum ½ + 2.
        assertThat(SpectrumSweepClaims.positiveRankSum(new double[] {0, 1})).isEqualTo(2.5);
    }

    @Test
    void significanceCountsSubsetsOfRanks() {
        // T ≥ c of n(n + 1)/2 ⇔ the negative ranks sum to at most n(n + 1)/2 − c; the subsets of
        // {1 … n} with a sum that small, counted here by a recursion over the largest rank used
        // (independent of the code's table over sums), out of 2ⁿ equally likely sign patterns.
        int n = SpectrumSweepClaims.PAIRS;
        int most = n * (n + 1) / 2 - SpectrumSweepClaims.CRITICAL_RANK_SUM;
        double expected = subsetsUpTo(n, most, new java.util.HashMap<>()) / Math.pow(2, n);
        assertThat(SpectrumSweepClaims.significance()).isEqualTo(expected);
        assertThat(expected).isLessThanOrEqualTo(1e-3);
    }

    /** The number of subsets of {1 … r} whose sum is at most {@code budget}. */
    private static double subsetsUpTo(int r, int budget, java.util.Map<Long, Double> memo) {
        if (budget < 0) {
            return 0;
        }
        if (r == 0) {
            return 1;
        }
        long key = (long) r << 32 | budget;
        Double known = memo.get(key);
        if (known != null) {
            return known;
        }
        double count = subsetsUpTo(r - 1, budget, memo) + subsetsUpTo(r - 1, budget - r, memo);
        memo.put(key, count);
        return count;
    }
}
