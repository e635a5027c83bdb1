package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChoicesTests {

    @Test
    void replayClampsEachChoiceToItsBoundAndDrawsZeroPastThePrefix() {
        Choices c = Choices.replay(new long[] {7, 2});

        assertThat(c.draw(3)).isEqualTo(3);
        assertThat(c.draw(5)).isEqualTo(2);
        assertThat(c.draw(9)).isZero();
        assertThat(c.recorded()).containsExactly(3, 2, 0);
    }

    @Test
    void aRandomSequenceReplaysToTheSameValues() {
        // Any seed would do; this one is fixed so the test is repeatable.
        Gen<double[]> spectra = Generators.spectra(5);
        Choices random = Choices.random(new SplittableRandom(42));
        double[] first = spectra.draw(random);

        double[] again = spectra.draw(Choices.replay(random.recorded()));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void spansRecordWhereEachNamedPartStartsAndEnds() {
        Choices c = Choices.replay(new long[] {1, 2, 3});
        c.draw(9);
        c.span("pair", () -> c.draw(9) + c.draw(9));

        assertThat(c.spans()).containsExactly(new Choices.Span("pair", 1, 3, 1));
    }

    @Test
    void aGeneratorThatNeverStopsIsAbandoned() {
        Choices c = Choices.replay(new long[0]);

        assertThatThrownBy(() -> {
            while (true) {
                c.draw(1);
            }
        }).isInstanceOf(Choices.Overrun.class);
        assertThat(c.size()).isEqualTo(Choices.MAX_DRAWS);
    }

    @Test
    void shortlexOrdersShorterSequencesFirstThenSmallerEntries() {
        assertThat(Shrinker.shortlex(new long[] {9}, new long[] {0, 0})).isNegative();
        assertThat(Shrinker.shortlex(new long[] {0, 1}, new long[] {1, 0})).isNegative();
        assertThat(Shrinker.shortlex(new long[] {1, 0}, new long[] {1, 0})).isZero();
    }
}
