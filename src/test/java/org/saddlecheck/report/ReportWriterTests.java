package org.saddlecheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.report.results.ClaimResult;
import org.saddlecheck.report.results.Results;
import org.saddlecheck.report.results.TableFigure;
import org.saddlecheck.report.results.WeightsFigure;

class ReportWriterTests {

    private static String page;

    @BeforeAll
    static void render() {
        page = ReportWriter.html(SampleResults.run());
    }

    @Test
    void scriptTagInAStatementIsShownAsText() {
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page.toLowerCase(Locale.ROOT)).doesNotContain("<script");
    }

    @Test
    void pageLoadsNothingFromOutside() {
        String lower = page.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<link").doesNotContain("<img").doesNotContain("<iframe")
                .doesNotContain("@import").doesNotContain(" src=").doesNotContain("url(http");
        // The only absolute addresses are XML namespace names, which browsers never fetch.
        Matcher urls = Pattern.compile("https?://[^'\"\\s<]+").matcher(page);
        while (urls.find()) {
            assertThat(urls.group()).isIn("http://www.w3.org/2000/svg",
                    "http://www.w3.org/1999/xlink", "http://www.jfree.org/jfreesvg/svg");
        }
        assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\""
                + "default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
    }

    @Test
    void everyIdOnThePageIsDistinct() {
        Matcher ids = Pattern.compile("\\sid=['\"]([^'\"]+)['\"]").matcher(page);
        Set<String> seen = new HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as("id %s is unique", ids.group(1)).isTrue();
        }
        assertThat(seen).hasSizeGreaterThan(20);
    }

    @Test
    void everyInternalLinkHasATarget() {
        Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(page);
        int count = 0;
        while (links.find()) {
            assertThat(page).contains("id=\"" + links.group(1) + "\"");
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(SampleResults.run().claims().size());
    }

    @Test
    void failuresAndErrorsStartOpenAndTheRestClosed() {
        Matcher details = Pattern.compile("<details class=\"claim (\\w+)\" id=\"[^\"]+\"( open)?>")
                .matcher(page);
        int count = 0;
        while (details.find()) {
            boolean open = details.group(2) != null;
            assertThat(open).isEqualTo(details.group(1).equals("failed")
                    || details.group(1).equals("error"));
            count++;
        }
        assertThat(count).isEqualTo(SampleResults.run().claims().size());
    }

    @Test
    void summaryCountsAndReproducingCommand() {
        assertThat(page).contains("<title>saddlecheck report: 1 failed, 1 error, 4 held, 1 skipped"
                + "</title>");
        assertThat(page).contains("<pre class=\"cmd\"><code>./saddlecheck verify --seed 20251223"
                + "</code></pre>");
        assertThat(page).contains("<dt>Seed</dt><dd>20251223</dd>");
    }

    @Test
    void sectionsFollowThePapersOrder() {
        List<Integer> at = new ArrayList<>();
        for (String s : new String[] {"2", "4", "5", "6.1", "6.2", "6.4", "6.5"}) {
            at.add(page.indexOf("<section class=\"paper\" id=\"section-" + s + "\">"));
        }
        assertThat(at).doesNotContain(-1).isSorted();
    }

    @Test
    void sectionOrderComparesNumbersAsNumbers() {
        List<String> sections = new ArrayList<>(List.of("6.10", "A", "6.2", "", "10", "4"));
        sections.sort(Sections.ORDER);
        assertThat(sections).containsExactly("4", "6.2", "6.10", "10", "A", "");
    }

    @Test
    void counterexampleShowsMeasuredPredictedAndReplay() {
        assertThat(page).contains("<td class=\"num\">9.8</td><td class=\"num\">7.1</td>")
                .contains("./saddlecheck replay counterexample.json --claim linear.drop-times")
                .contains("Shrunk in 14 steps.");
    }

    @Test
    void unmetCoverageIsHighlighted() {
        assertThat(page).contains("<tr class=\"unmet\"><td>nearly equal</td>")
                .contains("<span class=\"badge warn\">coverage unmet</span>");
    }

    @Test
    void everyFigureOfTheSampleIsOnThePage() {
        Results r = SampleResults.run();
        int svgs = 0;
        for (ClaimResult c : r.claims()) {
            for (var f : c.evidence()) {
                svgs += f instanceof WeightsFigure w ? w.panels().size()
                        : f instanceof TableFigure ? 0 : 1;
            }
        }
        svgs += r.maps().size();
        assertThat(Pattern.compile("<svg ").matcher(page).results().count()).isEqualTo(svgs);
        assertThat(page).contains("<table class=\"data\">");
    }

    @Test
    void writingReplacesThePageWholeAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("reports/index.html");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");
        ReportWriter.write(SampleResults.run(), target);
        assertThat(Files.readString(target)).isEqualTo(page);
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void unwritablePlaceIsReportedAsBadInput(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> ReportWriter.write(SampleResults.run(), file.resolve("index.html")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("the folder of output file '" + file.resolve("index.html")
                        + "' cannot be created");
    }

    @Test
    void runWithoutClaimsStillGivesAPage() {
        Results empty = new Results(SampleResults.run().run(), List.of(), List.of());
        String html = ReportWriter.html(empty);
        assertThat(html).contains("The run checked no claims.").contains("<title>saddlecheck report:"
                + " no claims</title>").endsWith("</html>\n");
    }
}
