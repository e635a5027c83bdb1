package org.saddlecheck.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnicodeMathTests {

    @Test
    void subscriptsUseUnicodeForms() {
        assertThat(UnicodeMath.of("s_{k+1}/s_k")).isEqualTo("sₖ₊₁/sₖ");
    }

    @Test
    void superscriptsTransposeAndNegativePowers() {
        assertThat(UnicodeMath.of("W^\\top")).isEqualTo("Wᵀ");
        assertThat(UnicodeMath.of("10^{-6}")).isEqualTo("10⁻⁶");
        assertThat(UnicodeMath.of("\\varepsilon^2")).isEqualTo("ε²");
    }

    @Test
    void scriptWithoutUnicodeFormsFallsBackToMarkers() {
        assertThat(UnicodeMath.of("x_{\\alpha}")).isEqualTo("x_α");
        assertThat(UnicodeMath.of("u_{i,1}")).isEqualTo("u_(i,1)");
        assertThat(UnicodeMath.of("e^{2 s_k t}")).isEqualTo("e^(2sₖt)");
    }

    @Test
    void relationsAndBinaryOperatorsAreSpaced() {
        assertThat(UnicodeMath.of("t = 40")).isEqualTo("t = 40");
        assertThat(UnicodeMath.of("H-1")).isEqualTo("H − 1");
        assertThat(UnicodeMath.of("-1")).isEqualTo("−1");
        assertThat(UnicodeMath.of("x \\le y")).isEqualTo("x ≤ y");
    }

    @Test
    void fractionsAreSlashedWithParenthesesWhenCompound() {
        assertThat(UnicodeMath.of("\\frac{1}{\\varepsilon}")).isEqualTo("1/ε");
        assertThat(UnicodeMath.of("\\frac{a+b}{2s_k}")).isEqualTo("(a + b)/(2sₖ)");
    }

    @Test
    void functionsAreFollowedByASpaceUnlessParenthesised() {
        assertThat(UnicodeMath.of("\\ln(1/\\varepsilon)")).isEqualTo("ln(1/ε)");
        assertThat(UnicodeMath.of("\\ln \\frac{1}{\\varepsilon}")).isEqualTo("ln 1/ε");
    }

    @Test
    void accentsUseCombiningMarks() {
        assertThat(UnicodeMath.of("\\hat{y}")).isEqualTo("y\u0302");
        assertThat(UnicodeMath.of("\\tilde{x}")).isEqualTo("x\u0303");
    }

    @Test
    void normsAndSumsAndUnknownCommands() {
        assertThat(UnicodeMath.of("\\|u_i\\|")).isEqualTo("‖uᵢ‖");
        assertThat(UnicodeMath.of("\\sum_{j>k} s_j^2")).isEqualTo("∑_(j>k)sⱼ²");
        assertThat(UnicodeMath.of("\\foo")).isEqualTo("\\foo");
    }

    @Test
    void textWithInlineMathConvertsOnlyTheMath() {
        assertThat(UnicodeMath.text("gap ratio $s_{k+1}/s_k$")).isEqualTo("gap ratio sₖ₊₁/sₖ");
        assertThat(UnicodeMath.text("costs \\$5, not $x$")).isEqualTo("costs $5, not x");
        assertThat(UnicodeMath.text("a lone $ stays")).isEqualTo("a lone $ stays");
    }
}
