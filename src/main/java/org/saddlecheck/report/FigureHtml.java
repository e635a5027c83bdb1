package org.saddlecheck.report;

import java.util.List;
import org.saddlecheck.report.chart.ChartSvg;
import org.saddlecheck.report.results.Figure;
import org.saddlecheck.report.results.LinesFigure;
import org.saddlecheck.report.results.ScatterFigure;
import org.saddlecheck.report.results.TableFigure;
import org.saddlecheck.report.results.ValidityMap;
import org.saddlecheck.report.results.WeightsFigure;
import org.saddlecheck.report.text.Html;
import org.saddlecheck.report.text.Markdown;
import org.saddlecheck.report.text.Numbers;

/**
 * One evidence figure or validity map as an HTML {@code <figure>}: a caption with the title (math
 * as MathML), then inline SVG, or a table for table figures.
 */
final class FigureHtml {
    private FigureHtml() {
    }

    /** The figure with the given SVG id prefix (unique on the page). */
    static String figure(Figure f, String id) {
        StringBuilder out = new StringBuilder();
        out.append("<figure class=\"chart ").append(f.type()).append("\" id=\"").append(id)
                .append("\"><figcaption>").append(Markdown.inline(f.title())).append("</figcaption>");
        if (f instanceof LinesFigure l) {
            rendered(ChartSvg.lines(l, id + "-svg"), out);
        } else if (f instanceof ScatterFigure s) {
            rendered(ChartSvg.scatter(s, id + "-svg"), out);
        } else if (f instanceof WeightsFigure w) {
            out.append("<div class=\"panels\">");
            List<ChartSvg.Rendered> panels = ChartSvg.weights(w, id + "-svg");
            panels.forEach(p -> out.append(p.svg()));
            out.append("</div>");
            panels.stream().filter(p -> p.note() != null).findFirst()
                    .ifPresent(p -> note(p.note(), out));
        } else if (f instanceof TableFigure t) {
            table(t, out);
        }
        return out.append("</figure>").toString();
    }

    /** A validity map with a sentence counting where the claim held, inside and outside its regime. */
    static String map(ValidityMap m, String id) {
        StringBuilder out = new StringBuilder();
        out.append("<figure class=\"chart map\" id=\"").append(id).append("\"><figcaption>")
                .append("Validity map: ").append(Markdown.inline(m.title())).append("</figcaption>");
        int cells = 0;
        int held = 0;
        int inside = 0;
        int heldInside = 0;
        for (int j = 0; j < m.y().size(); j++) {
            for (int i = 0; i < m.x().size(); i++) {
                boolean h = m.held(i, j);
                boolean in = m.regime().contains(m.x().get(i), m.y().get(j));
                cells++;
                held += h ? 1 : 0;
                inside += in ? 1 : 0;
                heldInside += h && in ? 1 : 0;
            }
        }
        out.append("<p class=\"note\">Held in ").append(held).append(" of ").append(cells)
                .append(" cells; inside the asserted regime (outlined) ").append(heldInside)
                .append(" of ").append(inside).append(" held.</p>");
        rendered(ChartSvg.map(m, id + "-svg"), out);
        return out.append("</figure>").toString();
    }

    private static void rendered(ChartSvg.Rendered r, StringBuilder out) {
        out.append(r.svg());
        if (r.note() != null) {
            note(r.note(), out);
        }
    }

    private static void note(String note, StringBuilder out) {
        out.append("<p class=\"note\">").append(Html.escape(note)).append("</p>");
    }

    private static void table(TableFigure t, StringBuilder out) {
        out.append("<table class=\"data\"><thead><tr>");
        t.columns().forEach(c -> out.append("<th>").append(Markdown.inline(c)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<Object> row : t.rows()) {
            out.append("<tr>");
            for (Object cell : row) {
                out.append(cell(cell));
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }

    private static String cell(Object cell) {
        if (cell instanceof Double d) {
            return "<td class=\"num\">" + Numbers.format(d) + "</td>";
        }
        if (cell instanceof Boolean b) {
            return "<td>" + (b ? "✓ yes" : "✗ no") + "</td>";
        }
        return "<td>" + (cell == null ? "—" : Markdown.inline((String) cell)) + "</td>";
    }
}
