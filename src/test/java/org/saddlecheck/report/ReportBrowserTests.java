package org.saddlecheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.report.results.Merged;
import org.saddlecheck.report.results.Results;
import org.saddlecheck.report.results.ResultsJson;
import org.saddlecheck.report.results.ShardMerge;
import org.saddlecheck.report.results.TableFigure;
import org.saddlecheck.report.results.WeightsFigure;

/**
 * Opens a report in headless Chromium and checks what a reader would see: no script errors and no
 * blocked requests, every figure and formula laid out with a size, no sideways scrolling, and a
 * screenshot kept as {@code target/report-screenshot.png}. The report comes from a synthetic
 * results file with every figure type, a failure with its counterexample, an error and math.
 *
 * <p>The page itself runs no script and its content security policy forbids scripts. The checks
 * run on a probe copy whose policy also allows inline scripts, with two scripts added: one at the
 * top that records errors, console errors and policy violations, one at the end that opens every
 * claim, measures every figure and formula, and writes the findings into the page, which Chromium
 * prints with {@code --dump-dom}; this runs at 1280 px and at 500 px wide. Every other directive
 * of the policy is unchanged, so a request the page tried to make would still be blocked and
 * recorded.
 *
 * <p>Skipped, with a message, only when no Chromium is installed ({@code ci/install-browser.sh}
 * installs it).
 */
class ReportBrowserTests {

    private static final Path OUTPUT = Path.of("target", "report-browser");
    private static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium",
            "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");
    /** Generous: a cold start of Chromium takes 1–3 s here; the limit only guards against hangs. */
    private static final long TIMEOUT_SECONDS = 60;

    private static String browser;
    private static Results sample;
    private static Path page;

    @BeforeAll
    static void writeReport(@TempDir Path dir) throws IOException {
        browser = CANDIDATES.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                .orElse(null);
        sample = SampleResults.run();
        Path run = Files.createDirectories(dir.resolve("run"));
        ResultsJson.write(sample, run.resolve("results.json"));
        Merged merged = ShardMerge.read(List.of(run));
        Files.createDirectories(OUTPUT);
        page = OUTPUT.resolve("index.html").toAbsolutePath();
        ReportWriter.write(merged, page);
    }

    @Test
    void pageRendersEveryFigureAndFormulaWithoutErrors(@TempDir Path profile) throws Exception {
        assumeBrowser();
        Path probe = OUTPUT.resolve("probe.html").toAbsolutePath();
        Files.writeString(probe, probeCopy(Files.readString(page)));
        // A desktop window and the narrowest one Chromium opens (500 px), as on a phone.
        for (int width : new int[] {1280, 500}) {
            Run dump = chromium(profile, "--enable-logging=stderr", "--v=0",
                    "--window-size=" + width + ",2000", "--virtual-time-budget=3000", "--dump-dom",
                    probe.toUri().toString());
            JsonNode found = probeResult(dump.stdout());
            Files.writeString(OUTPUT.resolve("probe-" + width + ".json"), found.toPrettyString());
            checkProbe(found, dump.stderr());
        }
    }

    private void checkProbe(JsonNode found, String log) {
        assertThat(found.get("errors")).as("errors, console errors and blocked requests").isEmpty();
        assertThat(log).doesNotContain("Uncaught").doesNotContain("Refused to");
        // Only the probe's own two scripts: the statement's <script> text stayed text.
        assertThat(found.get("scripts").asInt()).isEqualTo(2);

        JsonNode svgs = found.get("svgs");
        assertThat(svgs).hasSize(expectedSvgCount());
        for (JsonNode svg : svgs) {
            assertThat(svg.get("w").asDouble()).as("width of %s", svg.get("id")).isPositive();
            assertThat(svg.get("h").asDouble()).as("height of %s", svg.get("id")).isPositive();
        }
        assertThat(found.get("figures").asInt()).isEqualTo(expectedFigureCount());
        assertThat(found.get("emptyFigures")).isEmpty();

        assertThat(found.get("math").asInt()).isPositive();
        assertThat(found.get("mathRendered").asInt()).as("formulas laid out as MathML")
                .isEqualTo(found.get("math").asInt());
        assertThat(found.get("pageWidth").asDouble()).as("no sideways scrolling")
                .isLessThanOrEqualTo(found.get("viewportWidth").asDouble());
    }

    @Test
    void screenshotShowsThePage(@TempDir Path profile) throws Exception {
        assumeBrowser();
        Files.deleteIfExists(SCREENSHOT);
        chromium(profile, "--hide-scrollbars", "--screenshot=" + SCREENSHOT.toAbsolutePath(),
                "--window-size=1280,2000", page.toUri().toString());

        BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2000);
        // A blank or unstyled page has a handful of colours; this one has badges, tallies, maths.
        assertThat(distinctColours(image)).isGreaterThan(100);
    }

    private static void assumeBrowser() {
        Assumptions.assumeTrue(browser != null, "no Chromium found at " + CANDIDATES
                + "; run ci/install-browser.sh to install it, then this test runs");
    }

    /** The page with a policy that also allows inline scripts, and the two probe scripts. */
    static String probeCopy(String html) {
        String policy = HtmlPage.CONTENT_SECURITY_POLICY;
        assertThat(html).contains(policy);
        String withScripts = html.replace(policy, policy + "; script-src 'unsafe-inline'");
        String recorder = "<script>window.__errors = [];"
                + "window.addEventListener('error', function (e) {"
                + " window.__errors.push('error: ' + (e.message || (e.target && e.target.outerHTML)));"
                + "}, true);"
                + "window.addEventListener('securitypolicyviolation', function (e) {"
                + " window.__errors.push('blocked: ' + e.violatedDirective + ' ' + e.blockedURI); });"
                + "var consoleError = console.error; console.error = function () {"
                + " window.__errors.push('console: ' + Array.prototype.join.call(arguments, ' '));"
                + " consoleError.apply(console, arguments); };</script>";
        String measurer = "<script>(function () {"
                + "document.querySelectorAll('details').forEach(function (d) { d.open = true; });"
                + "var svgs = []; document.querySelectorAll('figure svg').forEach(function (s) {"
                + " var r = s.getBoundingClientRect();"
                + " svgs.push({id: s.id, w: r.width, h: r.height}); });"
                + "var empty = []; var figures = document.querySelectorAll('figure');"
                + "figures.forEach(function (f) { var r = f.getBoundingClientRect();"
                + " if (!(r.width > 0 && r.height > 50)) { empty.push(f.id); } });"
                + "var maths = document.querySelectorAll('math'); var laid = 0;"
                + "maths.forEach(function (m) { var r = m.getBoundingClientRect();"
                + " if (m instanceof MathMLElement && r.width > 0 && r.height > 0) { laid++; } });"
                + "var pre = document.createElement('pre'); pre.id = 'probe-result';"
                + "pre.textContent = JSON.stringify({errors: window.__errors, svgs: svgs,"
                + " figures: figures.length, emptyFigures: empty, math: maths.length,"
                + " mathRendered: laid, scripts: document.scripts.length,"
                + " pageWidth: document.documentElement.scrollWidth,"
                + " viewportWidth: window.innerWidth});"
                + "document.body.appendChild(pre); })();</script>";
        return withScripts.replaceFirst("<meta charset=\"utf-8\">",
                "<meta charset=\"utf-8\">" + Matcher.quoteReplacement(recorder))
                .replace("</body>", measurer + "</body>");
    }

    private static JsonNode probeResult(String dom) throws IOException {
        Matcher m = Pattern.compile("<pre id=\"probe-result\">(.*?)</pre>", Pattern.DOTALL)
                .matcher(dom);
        assertThat(m.find()).as("the probe wrote its findings into the page").isTrue();
        String json = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
        return new ObjectMapper().readTree(json);
    }

    private int expectedSvgCount() {
        int n = sample.maps().size();
        for (var c : sample.claims()) {
            for (var f : c.evidence()) {
                n += f instanceof WeightsFigure w ? w.panels().size() : f instanceof TableFigure ? 0 : 1;
            }
        }
        return n;
    }

    private int expectedFigureCount() {
        return sample.maps().size() + sample.claims().stream().mapToInt(c -> c.evidence().size())
                .sum();
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /**
     * The output of one browser run.
     *
     * @param stdout what it printed
     * @param stderr its log
     */
    private record Run(String stdout, String stderr) {
    }

    private static Run chromium(Path profile, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        File out = profile.resolveSibling(profile.getFileName() + ".out").toFile();
        File err = profile.resolveSibling(profile.getFileName() + ".err").toFile();
        Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("Chromium's exit status; its log:%n%s", stderr).isZero();
            return new Run(Files.readString(out.toPath(), StandardCharsets.UTF_8), stderr);
        } finally {
            p.destroyForcibly();
            try (Stream<Path> files = Stream.of(out.toPath(), err.toPath())) {
                files.forEach(f -> f.toFile().delete());
            }
        }
    }
}
