package org.saddlecheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.saddlecheck.report.results.ClaimResult;
import org.saddlecheck.report.results.Counterexample;
import org.saddlecheck.report.results.Coverage;
import org.saddlecheck.report.results.Status;
import org.saddlecheck.report.results.ValidityMap;
import org.saddlecheck.report.results.Worst;
import org.saddlecheck.report.text.Html;
import org.saddlecheck.report.text.Markdown;
import org.saddlecheck.report.text.Numbers;

/**
 * One claim as a collapsible {@code <details>} block: a one-line summary (verdict, title, source,
 * tries), and inside it the statement, the facts, coverage, tolerance, the counterexample or error,
 * the evidence and the validity maps. Failures and errors start open.
 */
final class ClaimHtml {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimHtml() {
    }

    static String claim(ClaimResult c, String anchor, List<ValidityMap> maps) {
        StringBuilder out = new StringBuilder();
        String status = c.status().json();
        boolean open = c.status() == Status.FAILED || c.status() == Status.ERROR;
        out.append("<details class=\"claim ").append(status).append("\" id=\"").append(anchor)
                .append('"').append(open ? " open" : "").append('>');
        summary(c, out);
        out.append("<div class=\"body\">");
        out.append("<div class=\"statement\">").append(Markdown.toHtml(c.statement())).append("</div>");
        facts(c, out);
        if (c.assumptions() != null && !c.assumptions().isBlank()) {
            out.append("<h4>Assumptions</h4>").append(Markdown.toHtml(c.assumptions()));
        }
        verdictBox(c, out);
        coverage(c.coverage(), out);
        tolerance(c, out);
        for (int i = 0; i < c.evidence().size(); i++) {
            if (i == 0) {
                out.append("<h4>Evidence").append(evidenceSource(c)).append("</h4>");
            }
            out.append(FigureHtml.figure(c.evidence().get(i), anchor + "-fig" + (i + 1)));
        }
        for (int i = 0; i < maps.size(); i++) {
            out.append(FigureHtml.map(maps.get(i), anchor + "-map" + (i + 1)));
        }
        return out.append("</div></details>").toString();
    }

    private static void summary(ClaimResult c, StringBuilder out) {
        out.append("<summary>").append(badge(c.status()));
        out.append("<span class=\"title\">").append(Markdown.inline(c.title())).append("</span>");
        if (c.coverageUnmet()) {
            out.append("<span class=\"badge warn\">coverage unmet</span>");
        }
        out.append("<span class=\"meta\">").append(Html.escape(c.source())).append(" · ")
                .append(c.kind().json()).append(" · ").append(tries(c)).append("</span>");
        out.append("</summary>");
    }

    static String badge(Status s) {
        return "<span class=\"badge " + s.json() + "\">" + s.json() + "</span>";
    }

    private static String tries(ClaimResult c) {
        if (c.status() == Status.SKIPPED && c.tries() == 0) {
            return "not run";
        }
        return c.held() + " of " + c.tries() + " held";
    }

    private static void facts(ClaimResult c, StringBuilder out) {
        out.append("<dl class=\"grid\">");
        fact(out, "Claim", "<code>" + Html.escape(c.id()) + "</code>");
        fact(out, "Source", Html.escape(c.source()) + " (§" + Html.escape(c.section()) + ")");
        fact(out, "Kind", c.kind().json());
        fact(out, "Tries", c.tries() + " run, " + c.held() + " held, " + c.discarded()
                + " discarded");
        fact(out, "Duration", Numbers.duration(c.durationSeconds()));
        if (c.worst() != null) {
            Worst w = c.worst();
            fact(out, "Worst try (#" + w.tryIndex() + ")", "measured " + Numbers.format(w.measured())
                    + ", predicted " + Numbers.format(w.predicted()));
        }
        if (c.test() != null) {
            fact(out, "Checked by", "<code>" + Html.escape(c.test()) + "</code>");
        }
        if (!c.tags().isEmpty()) {
            fact(out, "Tags", Html.escape(String.join(", ", c.tags())));
        }
        out.append("</dl>");
    }

    private static void fact(StringBuilder out, String term, String html) {
        out.append("<div><dt>").append(Html.escape(term)).append("</dt><dd>").append(html)
                .append("</dd></div>");
    }

    private static void verdictBox(ClaimResult c, StringBuilder out) {
        switch (c.status()) {
            case FAILED:
                out.append("<div class=\"box failed\"><h4>Failure</h4>");
                if (c.message() != null) {
                    out.append("<p>").append(Markdown.inline(c.message())).append("</p>");
                }
                if (c.counterexample() != null) {
                    counterexample(c.counterexample(), out);
                }
                out.append("</div>");
                break;
            case ERROR:
                out.append("<div class=\"box error\"><h4>Error: the check could not be carried out"
                        + "</h4><pre class=\"message\">")
                        .append(Html.escape(c.message() == null ? "(no message)" : c.message()))
                        .append("</pre></div>");
                break;
            case SKIPPED:
                out.append("<div class=\"box skipped\"><h4>Skipped</h4><p>")
                        .append(c.message() == null ? "No reason given." : Markdown.inline(c.message()))
                        .append("</p></div>");
                break;
            default:
                break;
        }
    }

    private static void counterexample(Counterexample cx, StringBuilder out) {
        out.append("<h4>Counterexample</h4>").append(Markdown.toHtml(cx.description()));
        out.append("<table><thead><tr><th>measured</th><th>predicted</th>"
                + "<th>|measured − predicted|</th><th>tolerance</th></tr></thead><tbody><tr>");
        for (double v : new double[] {cx.measured(), cx.predicted(),
            Math.abs(cx.measured() - cx.predicted()), cx.tolerance()}) {
            out.append("<td class=\"num\">").append(Numbers.format(v)).append("</td>");
        }
        out.append("</tr></tbody></table>");
        Map<String, Double> parameters = cx.parameters();
        if (!parameters.isEmpty()) {
            out.append("<table><thead><tr><th>parameter</th><th>value</th></tr></thead><tbody>");
            parameters.forEach((name, value) -> out.append("<tr><td><code>").append(Html.escape(name))
                    .append("</code></td><td class=\"num\">").append(Numbers.format(value))
                    .append("</td></tr>"));
            out.append("</tbody></table>");
        }
        out.append("<p>Shrunk in ").append(cx.shrinkSteps()).append(cx.shrinkSteps() == 1
                ? " step" : " steps").append(". Replay it:</p>");
        out.append("<pre class=\"cmd\"><code>").append(Html.escape(cx.replay())).append("</code></pre>");
        out.append("<details><summary>Trial scenario (JSON)</summary><pre><code>")
                .append(Html.escape(pretty(cx))).append("</code></pre></details>");
    }

    private static String pretty(Counterexample cx) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cx.trial());
        } catch (JsonProcessingException e) {
            return cx.trial().toString();
        }
    }

    private static void coverage(List<Coverage> coverage, StringBuilder out) {
        if (coverage.isEmpty()) {
            return;
        }
        out.append("<h4>Regime coverage</h4><table><thead><tr><th>regime</th><th>tries</th>"
                + "<th>required</th><th></th></tr></thead><tbody>");
        for (Coverage c : coverage) {
            out.append(c.met() ? "<tr>" : "<tr class=\"unmet\">").append("<td>")
                    .append(Markdown.inline(c.regime())).append("</td><td class=\"num\">")
                    .append(c.count()).append("</td><td class=\"num\">").append(c.required())
                    .append("</td><td>").append(c.met() ? "✓ met" : "✗ unmet").append("</td></tr>");
        }
        out.append("</tbody></table>");
    }

    private static void tolerance(ClaimResult c, StringBuilder out) {
        boolean rationale = c.toleranceRationale() != null && !c.toleranceRationale().isBlank();
        if (c.tolerance() == null && !rationale) {
            return;
        }
        out.append("<h4>Tolerance").append(c.tolerance() == null ? ""
                : ": " + Numbers.format(c.tolerance())).append("</h4>");
        if (rationale) {
            out.append(Markdown.toHtml(c.toleranceRationale()));
        }
    }

    private static String evidenceSource(ClaimResult c) {
        if (c.counterexample() != null) {
            return " (from the counterexample)";
        }
        if (c.worst() != null) {
            return " (from the worst try, #" + c.worst().tryIndex() + ")";
        }
        return "";
    }
}
