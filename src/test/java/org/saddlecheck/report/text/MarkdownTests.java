package org.saddlecheck.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTests {

    @Test
    void blankLinesSeparateParagraphs() {
        assertThat(Markdown.toHtml("one\ntwo\n\nthree")).isEqualTo("<p>one\ntwo</p><p>three</p>");
    }

    @Test
    void htmlInTheInputIsShownAsText() {
        assertThat(Markdown.toHtml("a <script>alert('x')</script> & b")).isEqualTo(
                "<p>a &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; b</p>");
    }

    @Test
    void inlineCodeIsEscapedAndNotInterpreted() {
        assertThat(Markdown.toHtml("run `a*b* <i>`")).isEqualTo(
                "<p>run <code>a*b* &lt;i&gt;</code></p>");
    }

    @Test
    void emphasisAndStrong() {
        assertThat(Markdown.toHtml("*a* and **b** and _c_")).isEqualTo(
                "<p><em>a</em> and <strong>b</strong> and <em>c</em></p>");
    }

    @Test
    void underscoresInsideWordsAndMathAreNotEmphasis() {
        assertThat(Markdown.toHtml("snake_case_name")).isEqualTo("<p>snake_case_name</p>");
        assertThat(Markdown.toHtml("$s_k$ and $s_j$")).doesNotContain("<em>")
                .contains("<msub><mi>s</mi><mi>k</mi></msub>");
    }

    @Test
    void unmatchedDelimitersStayLiteral() {
        assertThat(Markdown.toHtml("2 * 3 and a_b and `x")).isEqualTo("<p>2 * 3 and a_b and `x</p>");
    }

    @Test
    void bulletAndNumberedLists() {
        assertThat(Markdown.toHtml("Intro\n- one\n- two\n  more\n\n1. first\n2. second"))
                .isEqualTo("<p>Intro</p><ul><li>one</li><li>two\nmore</li></ul>"
                        + "<ol><li>first</li><li>second</li></ol>");
    }

    @Test
    void displayMathIsABlockFormula() {
        assertThat(Markdown.toHtml("$$t_k \\approx 1$$")).startsWith(
                "<div class=\"math-block\"><math display=\"block\">");
        assertThat(Markdown.toHtml("$$\nx\n$$\nafter")).contains("<mi>x</mi>")
                .endsWith("</div><p>after</p>");
    }

    @Test
    void fencedCodeIsEscaped() {
        assertThat(Markdown.toHtml("```\n<b>\n```")).isEqualTo("<pre><code>&lt;b&gt;\n</code></pre>");
    }

    @Test
    void backslashEscapesPunctuation() {
        assertThat(Markdown.toHtml("\\*not em\\* and \\$5")).isEqualTo("<p>*not em* and $5</p>");
    }

    @Test
    void nullAndBlankGiveNothing() {
        assertThat(Markdown.toHtml(null)).isEmpty();
        assertThat(Markdown.toHtml("  \n ")).isEmpty();
    }

    @Test
    void punctuationAfterAFormulaStaysWithIt() {
        assertThat(Markdown.toHtml("at $t$.")).startsWith("<p>at <span class=\"nobr\"><math>")
                .endsWith("</math>.</span></p>");
    }
}
