package org.saddlecheck.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

class SpectraTests {

    @Test
    void powerLawWithKappaOneIsSixThreeTwoElevenths() {
        double[] s = Spectra.powerLaw(3, 1);

        // n^(−1) and the sum 11/6 are each one rounding, the division one more: 3u relative.
        double tolerance = 3 * RoundOff.U;
        assertThat(s[0]).isCloseTo(6.0 / 11, within(tolerance));
        assertThat(s[1]).isCloseTo(3.0 / 11, within(tolerance));
        assertThat(s[2]).isCloseTo(2.0 / 11, within(tolerance));
    }

    @Test
    void kappaZeroGivesEqualValues() {
        assertThat(Spectra.powerLaw(4, 0)).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void tiesRepeatEachValueByItsMultiplicity() {
        assertThat(Spectra.withTies(new double[] {1, 0.5}, new int[] {2, 3}))
                .containsExactly(1, 1, 0.5, 0.5, 0.5);
    }

    @Test
    void spectraMustBeListedLargestFirstAndBeNonNegative() {
        assertThatThrownBy(() -> Spectra.check("s", new double[] {0.5, 1}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("s[1] (1.0) is larger than s[0] (0.5); list them largest first");
        assertThatThrownBy(() -> Spectra.check("s", new double[] {1, -0.5}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("s[1] (-0.5)");
        assertThatThrownBy(() -> Spectra.powerLaw(3, -1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("exponent κ (-1.0)");
        assertThatThrownBy(() -> Spectra.withTies(new double[] {1}, new int[] {0}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("multiplicity");
    }
}
