package org.saddlecheck.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTests {

    @Test
    void plainRangeKeepsFourSignificantDigits() {
        assertThat(Numbers.format(12.2123)).isEqualTo("12.21");
        assertThat(Numbers.format(0.5)).isEqualTo("0.5");
        assertThat(Numbers.format(100)).isEqualTo("100");
        assertThat(Numbers.format(-0.25)).isEqualTo("−0.25");
    }

    @Test
    void smallAndLargeNumbersUsePowersOfTen() {
        assertThat(Numbers.format(3.1e-16)).isEqualTo("3.1×10⁻¹⁶");
        assertThat(Numbers.format(1e-6)).isEqualTo("10⁻⁶");
        assertThat(Numbers.format(2.5e7)).isEqualTo("2.5×10⁷");
        // 9.9996e-5 rounds to three digits as 1.00e-4: the exponent follows the rounding.
        assertThat(Numbers.format(9.9996e-5)).isEqualTo("10⁻⁴");
    }

    @Test
    void nonFiniteValuesAreSpelledOut() {
        assertThat(Numbers.format(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.format(Double.POSITIVE_INFINITY)).isEqualTo("∞");
        assertThat(Numbers.format(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
        assertThat(Numbers.format(0.0)).isEqualTo("0");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(Numbers.duration(42.5)).isEqualTo("42.5 s");
        assertThat(Numbers.duration(192)).isEqualTo("3 min 12 s");
        assertThat(Numbers.duration(3720)).isEqualTo("1 h 02 min");
    }
}
