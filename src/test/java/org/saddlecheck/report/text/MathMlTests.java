package org.saddlecheck.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MathMlTests {

    /** The MathML of a formula without the math, semantics and annotation wrapper. */
    private static String body(String tex) {
        return MathMl.render(TexParser.parse(tex));
    }

    @Test
    void lettersAreIdentifiersAndDigitsNumbers() {
        assertThat(body("x + 12.5")).isEqualTo("<mrow><mi>x</mi><mo>+</mo><mn>12.5</mn></mrow>");
    }

    @Test
    void minusIsTheMinusSign() {
        assertThat(body("H-1")).isEqualTo("<mrow><mi>H</mi><mo>−</mo><mn>1</mn></mrow>");
    }

    @Test
    void subscriptGroupBecomesMsub() {
        assertThat(body("s_{k+1}")).isEqualTo(
                "<mrow><msub><mi>s</mi><mrow><mi>k</mi><mo>+</mo><mn>1</mn></mrow></msub></mrow>");
    }

    @Test
    void subscriptAndSuperscriptInEitherOrderBecomeOneMsubsup() {
        String expected = "<mrow><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup></mrow>";
        assertThat(body("x_i^2")).isEqualTo(expected);
        assertThat(body("x^2_i")).isEqualTo(expected);
    }

    @Test
    void ungroupedScriptTakesOneTokenAsInTex() {
        assertThat(body("10^{-6}")).isEqualTo(
                "<mrow><msup><mn>10</mn><mrow><mo>−</mo><mn>6</mn></mrow></msup></mrow>");
        assertThat(body("x^10")).isEqualTo("<mrow><msup><mi>x</mi><mn>1</mn></msup><mn>0</mn></mrow>");
    }

    @Test
    void fractionWithGroupsAndWithSingleTokens() {
        assertThat(body("\\frac{1}{2s_k}")).isEqualTo("<mrow><mfrac><mn>1</mn><mrow><mn>2</mn>"
                + "<msub><mi>s</mi><mi>k</mi></msub></mrow></mfrac></mrow>");
        assertThat(body("\\frac12")).isEqualTo("<mrow><mfrac><mn>1</mn><mn>2</mn></mfrac></mrow>");
    }

    @Test
    void greekLettersAndVarepsilon() {
        assertThat(body("\\varepsilon \\epsilon \\Sigma")).isEqualTo("<mrow><mi>ε</mi><mi>ϵ</mi>"
                + "<mi mathvariant=\"normal\">Σ</mi></mrow>");
    }

    @Test
    void sumTakesLimits() {
        assertThat(body("\\sum_{j>k} s_j^2")).isEqualTo("<mrow><munder><mo>∑</mo><mrow><mi>j</mi>"
                + "<mo>&gt;</mo><mi>k</mi></mrow></munder><msubsup><mi>s</mi><mi>j</mi><mn>2</mn>"
                + "</msubsup></mrow>");
    }

    @Test
    void functionIsUprightAndSpacedFromItsArgumentUnlessParenthesised() {
        assertThat(body("\\ln x")).isEqualTo(
                "<mrow><mi>ln</mi><mspace width=\"0.1667em\"></mspace><mi>x</mi></mrow>");
        assertThat(body("\\ln(1/\\varepsilon)")).isEqualTo("<mrow><mi>ln</mi><mo>(</mo><mn>1</mn>"
                + "<mo>/</mo><mi>ε</mi><mo>)</mo></mrow>");
    }

    @Test
    void normBarsTransposeRelationsAndArrows() {
        assertThat(body("\\|W^\\top\\| \\le 1 \\to \\infty")).isEqualTo("<mrow><mo>‖</mo><msup>"
                + "<mi>W</mi><mi mathvariant=\"normal\">⊤</mi></msup><mo>‖</mo><mo>≤</mo><mn>1</mn>"
                + "<mo>→</mo><mi mathvariant=\"normal\">∞</mi></mrow>");
    }

    @Test
    void approxAndCdotAndGe() {
        assertThat(body("a \\approx b \\cdot c \\ge 0")).isEqualTo("<mrow><mi>a</mi><mo>≈</mo>"
                + "<mi>b</mi><mo>⋅</mo><mi>c</mi><mo>≥</mo><mn>0</mn></mrow>");
    }

    @Test
    void mathrmIsOneUprightIdentifier() {
        assertThat(body("\\mathrm{rank}(W)")).isEqualTo(
                "<mrow><mi>rank</mi><mo>(</mo><mi>W</mi><mo>)</mo></mrow>");
        assertThat(body("\\mathrm{d}")).isEqualTo("<mrow><mi mathvariant=\"normal\">d</mi></mrow>");
    }

    @Test
    void hatAndTildeAreAccents() {
        assertThat(body("\\hat{y}")).isEqualTo(
                "<mrow><mover accent=\"true\"><mi>y</mi><mo>^</mo></mover></mrow>");
        assertThat(body("\\tilde x")).isEqualTo(
                "<mrow><mover accent=\"true\"><mi>x</mi><mo>~</mo></mover></mrow>");
    }

    @Test
    void unknownCommandIsShownAsTextAndItsGroupKept() {
        assertThat(body("\\foo{x}")).isEqualTo("<mrow><mtext>\\foo</mtext><mrow><mi>x</mi></mrow></mrow>");
    }

    @Test
    void unbalancedBracesDoNotFail() {
        assertThat(body("x^{2")).isEqualTo("<mrow><msup><mi>x</mi><mn>2</mn></msup></mrow>");
        assertThat(body("a}")).isEqualTo("<mrow><mi>a</mi><mo>}</mo></mrow>");
        assertThat(body("x^")).isEqualTo("<mrow><msup><mi>x</mi><mrow></mrow></msup></mrow>");
    }

    @Test
    void leftAndRightPassTheirDelimiterAndDropTheEmptyOne() {
        assertThat(body("\\left( x \\right.")).isEqualTo("<mrow><mo>(</mo><mi>x</mi></mrow>");
    }

    @Test
    void blackboardAndBoldLetters() {
        assertThat(body("\\mathbb{R}^n")).isEqualTo(
                "<mrow><msup><mi mathvariant=\"normal\">ℝ</mi><mi>n</mi></msup></mrow>");
        assertThat(body("\\mathbf{x}")).isEqualTo(
                "<mrow><mi mathvariant=\"normal\">\uD835\uDC31</mi></mrow>");
    }

    @Test
    void markupInTexIsEscaped() {
        assertThat(body("a<b")).isEqualTo("<mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>");
        assertThat(MathMl.inline("\\text{<script>}")).contains("<mtext>&lt;script&gt;</mtext>")
                .doesNotContain("<script>");
    }

    @Test
    void inlineAndBlockWrapTheTexSourceAsAnnotation() {
        assertThat(MathMl.inline("x")).isEqualTo("<math><semantics><mrow><mi>x</mi></mrow>"
                + "<annotation encoding=\"application/x-tex\">x</annotation></semantics></math>");
        assertThat(MathMl.block("x")).startsWith("<math display=\"block\">");
    }
}
