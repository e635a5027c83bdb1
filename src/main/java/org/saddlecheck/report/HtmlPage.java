package org.saddlecheck.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.saddlecheck.report.results.ClaimResult;
import org.saddlecheck.report.results.Merged;
import org.saddlecheck.report.results.Results;
import org.saddlecheck.report.results.RunInfo;
import org.saddlecheck.report.results.Status;
import org.saddlecheck.report.text.Html;
import org.saddlecheck.report.text.Markdown;
import org.saddlecheck.report.text.Numbers;

/**
 * The whole page: head with inline style and a content security policy that forbids scripts and
 * every network request, a summary of the run, a table of contents, then the claims grouped by
 * the paper's sections.
 */
final class HtmlPage {

    /** Forbids every fetch and every script; only the inline style sheet and data images load. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    /** Up to this many claims needing attention are listed open; more start folded. */
    private static final int ATTENTION_OPEN = 12;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private HtmlPage() {
    }

    static String render(Merged merged) {
        Results r = merged.results();
        Anchors anchors = new Anchors(r.claims());
        Map<String, List<ClaimResult>> sections = Sections.group(r.claims());
        StringBuilder out = new StringBuilder(64 * 1024);
        head(r, out);
        out.append("<body><div class=\"page\"><header class=\"top\"><h1>saddlecheck report</h1>"
                + "<p class=\"sub\">Executable claims of the saddle-to-saddle theory of simplicity"
                + " bias (Zhang, Saxe and Latham, arXiv 2512.20607)</p></header><main>");
        summary(merged, anchors, out);
        contents(sections, anchors, out);
        for (Map.Entry<String, List<ClaimResult>> e : sections.entrySet()) {
            section(e.getKey(), e.getValue(), r, anchors, out);
        }
        List<String> sources = merged.sources().stream().filter(s -> !s.isBlank()).toList();
        out.append("</main><footer>Written by saddlecheck ").append(Html.escape(r.run().version()))
                .append(sources.isEmpty() ? "" : " from " + Html.escape(String.join(", ", sources)))
                .append(". This page is self-contained: it loads nothing from the network and runs"
                        + " no script.</footer></div></body></html>\n");
        return out.toString();
    }

    private static void head(Results r, StringBuilder out) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(CONTENT_SECURITY_POLICY).append("\">")
                .append("<title>saddlecheck report: ").append(Html.escape(tallyText(r)))
                .append("</title><style>").append(Style.CSS).append("</style></head>");
    }

    /** "1 failed, 1 error, 4 held, 1 skipped", leaving out zero counts. */
    static String tallyText(Results r) {
        Map<Status, Integer> counts = r.counts();
        List<String> parts = new ArrayList<>();
        for (Status s : new Status[] {Status.FAILED, Status.ERROR, Status.HELD, Status.SKIPPED}) {
            if (counts.get(s) > 0) {
                parts.add(counts.get(s) + " " + s.json());
            }
        }
        return parts.isEmpty() ? "no claims" : String.join(", ", parts);
    }

    private static void summary(Merged merged, Anchors anchors, StringBuilder out) {
        Results r = merged.results();
        Map<Status, Integer> counts = r.counts();
        int bad = counts.get(Status.FAILED) + counts.get(Status.ERROR);
        out.append("<section id=\"summary\"><p class=\"headline ").append(bad > 0 ? "bad" : "good")
                .append("\">").append(headline(counts, r.claims().size())).append("</p>");
        out.append("<div class=\"tallies\">");
        for (Status s : Status.values()) {
            int n = counts.get(s);
            out.append("<div class=\"tally ").append(s.json()).append(n == 0 ? " zero" : "")
                    .append("\"><span class=\"n\">").append(n).append("</span>").append(s.json())
                    .append("</div>");
        }
        out.append("</div>");
        run(merged, out);
        out.append("<h2>Reproduce</h2><pre class=\"cmd\"><code>")
                .append(Html.escape(r.run().command())).append("</code></pre>")
                .append("<p class=\"hint\">One click selects the whole command.</p>");
        if (merged.shards().size() > 1) {
            shards(merged, out);
        }
        attention(r, anchors, out);
        out.append("</section>");
    }

    private static String headline(Map<Status, Integer> counts, int total) {
        int failed = counts.get(Status.FAILED);
        int errors = counts.get(Status.ERROR);
        if (total == 0) {
            return "The run checked no claims.";
        }
        if (failed + errors == 0) {
            return "All " + counts.get(Status.HELD) + " claims that ran held"
                    + (counts.get(Status.SKIPPED) > 0 ? " (" + counts.get(Status.SKIPPED)
                    + " skipped)." : ".");
        }
        List<String> parts = new ArrayList<>();
        if (failed > 0) {
            parts.add(failed + (failed == 1 ? " claim failed" : " claims failed"));
        }
        if (errors > 0) {
            parts.add(errors + (errors == 1 ? " check raised an error" : " checks raised errors"));
        }
        return String.join(" and ", parts) + "; " + counts.get(Status.HELD) + " of " + total
                + " held.";
    }

    /**
     * Links to every failure, then every error, then every claim whose coverage was unmet. A long
     * list starts folded, its summary saying how many of each there are.
     */
    private static void attention(Results r, Anchors anchors, StringBuilder out) {
        List<ClaimResult> failed = r.claims().stream().filter(c -> c.status() == Status.FAILED)
                .toList();
        List<ClaimResult> errors = r.claims().stream().filter(c -> c.status() == Status.ERROR)
                .toList();
        List<ClaimResult> unmet = r.claims().stream().filter(c -> c.coverageUnmet()
                && c.status() != Status.FAILED && c.status() != Status.ERROR).toList();
        int total = failed.size() + errors.size() + unmet.size();
        if (total == 0) {
            return;
        }
        List<String> counts = new ArrayList<>();
        if (!failed.isEmpty()) {
            counts.add(failed.size() + " failed");
        }
        if (!errors.isEmpty()) {
            counts.add(errors.size() + (errors.size() == 1 ? " error" : " errors"));
        }
        if (!unmet.isEmpty()) {
            counts.add(unmet.size() + " with unmet coverage");
        }
        out.append("<details class=\"attention\"").append(total <= ATTENTION_OPEN ? " open" : "")
                .append("><summary><strong>Needs attention</strong>: ")
                .append(String.join(", ", counts)).append("</summary><ul>");
        for (List<ClaimResult> group : List.of(failed, errors, unmet)) {
            for (ClaimResult c : group) {
                attentionItem(c, anchors, out);
            }
        }
        out.append("</ul></details>");
    }

    private static void attentionItem(ClaimResult c, Anchors anchors, StringBuilder out) {
        out.append("<li>").append(ClaimHtml.badge(c.status())).append(' ');
        if (c.coverageUnmet()) {
            out.append("<span class=\"badge warn\">coverage unmet</span> ");
        }
        out.append("<a href=\"#").append(anchors.of(c.id())).append("\">")
                .append(Markdown.inline(c.title())).append("</a> — ")
                .append(Html.escape(c.source()));
        if (c.message() != null && c.status() != Status.HELD) {
            out.append(": ").append(Html.escape(c.message()));
        }
        out.append("</li>");
    }

    private static void run(Merged merged, StringBuilder out) {
        RunInfo run = merged.results().run();
        out.append("<dl class=\"facts\">");
        fact(out, "Version", Html.escape(run.version()));
        fact(out, "Seed", Long.toString(run.seed()));
        fact(out, "Budget", run.budget().json() + (run.triesOverride() == null ? ""
                : " (tries per claim set to " + run.triesOverride() + ")"));
        fact(out, "Started", WHEN.format(run.started()));
        fact(out, "Duration", Numbers.duration(run.durationSeconds()) + (merged.shards().size() > 1
                ? " wall clock (the longest shard); " + Numbers.duration(computeTime(merged))
                + " summed over shards" : ""));
        fact(out, "Threads", Integer.toString(run.threads()));
        int n = merged.shards().size();
        RunInfo only = merged.shards().get(0);
        fact(out, "Shards", n > 1 ? "reassembled from " + n + " shards (below)"
                : only.shard().isWhole() ? "one run over the whole catalogue"
                : "shard " + only.shard().index() + " of " + only.shard().count());
        out.append("</dl>");
    }

    private static double computeTime(Merged merged) {
        return merged.shards().stream().mapToDouble(RunInfo::durationSeconds).sum();
    }

    private static void fact(StringBuilder out, String term, String html) {
        out.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>");
    }

    private static void shards(Merged merged, StringBuilder out) {
        out.append("<h2>Shards</h2><table><thead><tr><th>shard</th><th>read from</th>"
                + "<th>started</th><th>duration</th><th>threads</th><th>command</th></tr></thead>"
                + "<tbody>");
        for (int k = 0; k < merged.shards().size(); k++) {
            RunInfo s = merged.shards().get(k);
            out.append("<tr><td>").append(s.shard().index()).append(" of ").append(s.shard().count())
                    .append("</td><td><code>").append(Html.escape(merged.sources().get(k)))
                    .append("</code></td><td>").append(WHEN.format(s.started())).append("</td><td>")
                    .append(Numbers.duration(s.durationSeconds())).append("</td><td class=\"num\">")
                    .append(s.threads()).append("</td><td><code>").append(Html.escape(s.command()))
                    .append("</code></td></tr>");
        }
        out.append("</tbody></table>");
    }

    private static void contents(Map<String, List<ClaimResult>> sections, Anchors anchors,
            StringBuilder out) {
        out.append("<nav class=\"toc\"><h2>Contents</h2>");
        for (Map.Entry<String, List<ClaimResult>> e : sections.entrySet()) {
            out.append("<div class=\"sec\"><a href=\"#").append(Anchors.section(e.getKey()))
                    .append("\">").append(sectionName(e.getKey())).append("</a> <span>")
                    .append(Html.escape(sources(e.getValue()))).append("</span></div><ol>");
            for (ClaimResult c : e.getValue()) {
                out.append("<li><a href=\"#").append(anchors.of(c.id())).append("\"><span class=\"dot ")
                        .append(c.status().json()).append("\" title=\"").append(c.status().json())
                        .append("\"></span>").append(Markdown.inline(c.title())).append("</a></li>");
            }
            out.append("</ol>");
        }
        out.append("</nav>");
    }

    private static void section(String name, List<ClaimResult> claims, Results r, Anchors anchors,
            StringBuilder out) {
        out.append("<section class=\"paper\" id=\"").append(Anchors.section(name)).append("\"><h2>")
                .append(sectionName(name)).append(" <span>").append(Html.escape(sources(claims)))
                .append("</span></h2>");
        for (ClaimResult c : claims) {
            out.append(ClaimHtml.claim(c, anchors.of(c.id()), r.mapsOf(c.id())));
        }
        out.append("</section>");
    }

    private static String sectionName(String section) {
        return section.isEmpty() ? "Other claims" : "Section " + Html.escape(section);
    }

    /** The distinct sources of a section's claims, such as "Theorem 1 (ii) · Theorem 3 (ii)". */
    private static String sources(List<ClaimResult> claims) {
        Set<String> sources = new LinkedHashSet<>();
        claims.forEach(c -> sources.add(c.source()));
        List<String> shown = new ArrayList<>(sources);
        if (shown.size() > 5) {
            int more = shown.size() - 4;
            shown = new ArrayList<>(shown.subList(0, 4));
            shown.add("and " + more + " more");
        }
        return String.join(" · ", shown);
    }
}
