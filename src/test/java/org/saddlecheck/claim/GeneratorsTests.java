package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saddlecheck.scenario.NetworkSpec;

class GeneratorsTests {

    /** Draws {@code gen} from the all-zero sequence: its simplest value. */
    private static <T> T simplest(Gen<T> gen) {
        return gen.draw(Choices.replay(new long[0]));
    }

    @Test
    void theSimplestValueOfEachGeneratorIsItsDocumentedOne() {
        assertThat(simplest(Generators.spectra(4))).containsExactly(1.0);
        assertThat(simplest(Generators.gapRatios())).isEqualTo(1.0);
        assertThat(simplest(Generators.initScales(-2, -12))).isEqualTo(1e-2);
        assertThat(simplest(Generators.learningRates(-1, -4))).isEqualTo(0.1);
        assertThat(simplest(Generators.widths(2, 50))).isEqualTo(2);
        assertThat(simplest(Gen.decimals(0.25, 3.5, 2))).isEqualTo(1.0);
        NetworkSpec n = simplest(Generators.fullyConnected(
                org.saddlecheck.network.Activation.values(), 6, 4, 1, 8, true));
        assertThat(n).isEqualTo(new NetworkSpec("linear", 1, 1, 1, false, 0, 0, 0, 0));
    }

    @Test
    void decimalsAreTheDoublesNearestTheDecimalsTheyName() {
        // Seed fixed so the test is repeatable; any seed would do.
        SplittableRandom random = new SplittableRandom(3);
        Gen<Double> decimals = Gen.decimals(-2, 3, 4);
        for (int k = 0; k < 2000; k++) {
            double x = decimals.draw(Choices.random(random));
            BigDecimal exact = new BigDecimal(x);
            BigDecimal named = exact.setScale(4, java.math.RoundingMode.HALF_EVEN);
            assertThat(x).isBetween(-2.0, 3.0);
            assertThat(Double.parseDouble(named.toPlainString())).isEqualTo(x);
        }
    }

    @Test
    void scalesAreExactMantissasTimesPowersOfTen() {
        SplittableRandom random = new SplittableRandom(5);
        Gen<Double> scales = Gen.scales(-3, -9, 2);
        for (int k = 0; k < 2000; k++) {
            double x = scales.draw(Choices.random(random));
            assertThat(x).isGreaterThanOrEqualTo(1e-9).isLessThan(1e-2);
            String mantissa = String.format(java.util.Locale.ROOT, "%.2e", x);
            assertThat(Double.parseDouble(mantissa)).isEqualTo(x);
        }
    }

    @Test
    void listsDrawEveryLengthInTheirRange() {
        SplittableRandom random = new SplittableRandom(9);
        Map<Integer, Integer> lengths = new HashMap<>();
        Gen<java.util.List<Integer>> lists = Gen.lists(Gen.integers(0, 3), 1, 4);
        int n = 4000;
        for (int k = 0; k < n; k++) {
            lengths.merge(lists.draw(Choices.random(random)).size(), 1, Integer::sum);
        }
        // Each of the 4 lengths has probability 1/4: 1000 expected, standard deviation
        // √(4000 · 1/4 · 3/4) ≈ 27; 200 is more than 7 standard deviations.
        assertThat(lengths.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4);
        lengths.values().forEach(count -> assertThat(count).isBetween(800, 1200));
    }

    @Test
    void spectrumRegimesNameTiesNearTiesSeparationAndRankDeficiency() {
        assertThat(Generators.spectrumRegimes(new double[] {1}, 3, 3))
                .containsExactly(Generators.SINGLE_MODE, Generators.RANK_DEFICIENT);
        assertThat(Generators.spectrumRegimes(new double[] {1, 1}, 2, 2))
                .containsExactly(Generators.TIED);
        assertThat(Generators.spectrumRegimes(new double[] {1, 0.995, 0.5}, 3, 3))
                .containsExactly(Generators.NEARLY_TIED);
        assertThat(Generators.spectrumRegimes(new double[] {1, 0.5, 0.25}, 3, 4))
                .containsExactly(Generators.WELL_SEPARATED);
    }

    @Test
    void powerLawSpectraSumToOneAndTieAtKappaZero() {
        Gen<double[]> law = Generators.powerLawSpectra(3);
        // κ = 1 (digits 0, index 1), 3 modes (index 2): 6/11, 3/11, 2/11 as in the paper's Figure 2.
        double[] s = law.draw(Choices.replay(new long[] {0, 1, 2}));
        assertThat(s).containsExactly(new double[] {6.0 / 11, 3.0 / 11, 2.0 / 11},
                org.assertj.core.data.Offset.offset(4 * Math.ulp(1.0)));
        // κ = 0: all tied.
        assertThat(law.draw(Choices.replay(new long[] {0, 0, 2})))
                .containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3);
    }
}
