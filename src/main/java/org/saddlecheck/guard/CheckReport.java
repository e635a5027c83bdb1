package org.saddlecheck.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.saddlecheck.report.chart.ChartSvg;
import org.saddlecheck.report.results.LinesFigure;
import org.saddlecheck.report.results.Scale;
import org.saddlecheck.report.results.Series;
import org.saddlecheck.report.text.Html;

/** Writes a {@link CheckResult} as text, JSON (format {@value #FORMAT}) or a self-contained page. */
public final class CheckReport {
    /** The format name of the JSON verdict. */
    public static final String FORMAT = "saddlecheck-check/1";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);
    /** The palette and type of the main report, so both pages read alike. */
    private static final String CSS = ":root{--ink:#1f2328;--muted:#59636e;--line:#d8dee4;"
            + "--held:#0b7a5c;--failed:#b33f00;--skipped:#6e7781;--held-bg:#e3f4ee;"
            + "--failed-bg:#fbeae1;--skipped-bg:#eef1f4}"
            + "body{margin:0;color:var(--ink);line-height:1.5;font-family:system-ui,-apple-system,"
            + "\"Segoe UI\",Roboto,\"DejaVu Sans\",Arial,sans-serif}"
            + ".page{max-width:1040px;margin:0 auto;padding:0 24px 48px}"
            + "header{border-bottom:1px solid var(--line);padding:28px 0 14px}"
            + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid var(--line);"
            + "padding:6px 8px;text-align:left;vertical-align:top}"
            + ".HOLDS{background:var(--held-bg);color:var(--held)}"
            + ".VIOLATED,.DIVERGED{background:var(--failed-bg);color:var(--failed)}"
            + ".NOT_JUDGED{background:var(--skipped-bg);color:var(--skipped)}"
            + ".badge{padding:2px 8px;border-radius:10px;font-weight:600}";

    private CheckReport() {
    }

    /** Plain text: the verdict, then one line per claim. */
    public static String text(CheckResult r) {
        StringBuilder out = new StringBuilder();
        out.append(r.verdict()).append(": ").append(r.summary()).append('\n');
        for (String c : r.conventions()) {
            out.append("  convention: ").append(c).append('\n');
        }
        for (ClaimCheck c : r.claims()) {
            out.append(String.format("  %-10s %-18s expected %s, measured %s: %s%n", c.status(),
                    c.claim(), c.expected(), c.measured(), c.message()));
        }
        return out.toString();
    }

    /** The verdict as JSON. */
    public static String json(CheckResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("verdict", r.verdict().name());
        root.put("exitStatus", r.verdict().exitStatus());
        root.put("summary", r.summary());
        root.put("reference", r.reference());
        r.conventions().forEach(root.putArray("conventions")::add);
        ArrayNode claims = root.putArray("claims");
        for (ClaimCheck c : r.claims()) {
            ObjectNode o = claims.addObject();
            o.put("claim", c.claim());
            o.put("status", c.status().name());
            o.put("expected", c.expected());
            o.put("measured", c.measured());
            o.put("message", c.message());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("the verdict could not be written", e);
        }
    }

    /** A self-contained HTML page: no script, no network request. */
    public static String html(CheckResult r, String runName) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head>"
                + "<meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\""
                + "default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
                + "<title>saddlecheck check</title><style>").append(CSS)
                .append("</style></head><body><div class=\"page\"><header>")
                .append("<h1>saddlecheck check</h1><p>").append(Html.escape(runName))
                .append(" against ").append(Html.escape(r.reference())).append("</p></header>");
        out.append("<p><span class=\"badge ").append(r.verdict().name()).append("\">")
                .append(r.verdict()).append("</span> ").append(Html.escape(r.summary()))
                .append("</p>");
        for (String c : r.conventions()) {
            out.append("<p>Convention: ").append(Html.escape(c)).append("</p>");
        }
        out.append("<table><tr><th>claim</th><th>status</th><th>expected</th><th>measured</th>"
                + "<th>how it was judged</th></tr>");
        for (ClaimCheck c : r.claims()) {
            out.append("<tr><td>").append(Html.escape(c.claim())).append("</td><td><span class=\""
                    + "badge ").append(c.status().name()).append("\">").append(c.status())
                    .append("</span></td><td>").append(Html.escape(c.expected())).append("</td><td>")
                    .append(Html.escape(c.measured())).append("</td><td>")
                    .append(Html.escape(c.message())).append("</td></tr>");
        }
        out.append("</table>");
        if (r.run() != null && r.golden() != null) {
            ChartSvg.Rendered chart = ChartSvg.lines(figure(r), "loss");
            out.append("<figure>").append(chart.svg()).append("<figcaption>The run's loss and the ")
                    .append(Html.escape(r.reference())).append(" run of the same scenario")
                    .append(chart.note() == null ? "" : ". " + Html.escape(chart.note()))
                    .append("</figcaption></figure>");
        }
        return out.append("</div></body></html>\n").toString();
    }

    private static LinesFigure figure(CheckResult r) {
        return new LinesFigure("Loss against time", "t (steps × η)", "L", Scale.LINEAR, Scale.LOG,
                List.of(series("run", r.run()), series("golden", r.golden())), List.of(), List.of());
    }

    private static Series series(String name, Curve c) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int k = 0; k < c.times().length; k++) {
            if (c.losses()[k] > 0) {
                x.add(c.times()[k]);
                y.add(c.losses()[k]);
            }
        }
        return new Series(name, x, y);
    }
}
