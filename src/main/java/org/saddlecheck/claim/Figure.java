package org.saddlecheck.claim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.saddlecheck.Require;

/**
 * An evidence figure attached to a claim's result: the numbers behind a verdict, drawn by the
 * report. Titles and labels may hold inline math between dollar signs. The JSON of each kind is
 * documented in {@code docs/results-format.md}.
 */
public sealed interface Figure {

    /** This figure as its results-format JSON object. */
    ObjectNode toJson();

    /** One named set of points. */
    record Series(String name, double[] x, double[] y) {
        public Series {
            Require.that(x.length == y.length, "series " + name + " has " + x.length
                    + " x values but " + y.length + " y values");
            x = x.clone();
            y = y.clone();
        }

        ObjectNode toJson() {
            ObjectNode o = Json.object();
            o.put("name", name);
            o.set("x", Json.numbers(x));
            o.set("y", Json.numbers(y));
            return o;
        }
    }

    /** A reference line across the plot at a coordinate, with a label. */
    record Mark(double at, String label) {
    }

    /** Curves over a shared kind of x axis, with optional vertical and horizontal marks. */
    record Lines(String title, String xLabel, String yLabel, boolean xLog, boolean yLog,
            List<Series> series, List<Mark> vertical, List<Mark> horizontal) implements Figure {
        @Override
        public ObjectNode toJson() {
            ObjectNode o = axes("lines", title, xLabel, yLabel, xLog, yLog);
            o.set("series", seriesJson(series));
            o.set("vertical", marks(vertical, "x"));
            o.set("horizontal", marks(horizontal, "y"));
            return o;
        }
    }

    /** Points, with the identity line y = x drawn when {@code identity}. */
    record Scatter(String title, String xLabel, String yLabel, boolean xLog, boolean yLog,
            boolean identity, List<Series> series) implements Figure {
        @Override
        public ObjectNode toJson() {
            ObjectNode o = axes("scatter", title, xLabel, yLabel, xLog, yLog);
            o.put("identity", identity);
            o.set("series", seriesJson(series));
            return o;
        }
    }

    /** A table of numbers (or short words), one row per entry of {@code rows}. */
    record Table(String title, List<String> columns, List<List<Object>> rows) implements Figure {
        @Override
        public ObjectNode toJson() {
            ObjectNode o = Json.object();
            o.put("type", "table");
            o.put("title", title);
            ArrayNode head = o.putArray("columns");
            columns.forEach(head::add);
            ArrayNode body = o.putArray("rows");
            for (List<Object> row : rows) {
                Require.that(row.size() == columns.size(), "a row of table '" + title + "' has "
                        + row.size() + " cells but there are " + columns.size() + " columns");
                ArrayNode r = body.addArray();
                for (Object cell : row) {
                    if (cell instanceof Number n) {
                        r.add(Json.number(n.doubleValue()));
                    } else {
                        r.add(String.valueOf(cell));
                    }
                }
            }
            return o;
        }
    }

    /**
     * One snapshot of two-dimensional first-layer weights: u_i as points in the plane and the
     * norm of each v_i.
     */
    record WeightPanel(String label, double[][] u, double[] v) {
    }

    /** First-layer weights of each unit, one panel per snapshot (the paper's Figure 1). */
    record Weights(String title, List<WeightPanel> panels) implements Figure {
        @Override
        public ObjectNode toJson() {
            ObjectNode o = Json.object();
            o.put("type", "weights");
            o.put("title", title);
            ArrayNode ps = o.putArray("panels");
            for (WeightPanel p : panels) {
                ObjectNode panel = ps.addObject();
                panel.put("label", p.label());
                ArrayNode us = panel.putArray("u");
                for (double[] u : p.u()) {
                    us.add(Json.numbers(u));
                }
                panel.set("v", Json.numbers(p.v()));
            }
            return o;
        }
    }

    private static ObjectNode axes(String type, String title, String xLabel, String yLabel,
            boolean xLog, boolean yLog) {
        ObjectNode o = Json.object();
        o.put("type", type);
        o.put("title", title);
        o.put("xLabel", xLabel);
        o.put("yLabel", yLabel);
        o.put("xScale", xLog ? "log" : "linear");
        o.put("yScale", yLog ? "log" : "linear");
        return o;
    }

    private static ArrayNode seriesJson(List<Series> series) {
        ArrayNode out = Json.array();
        series.forEach(s -> out.add(s.toJson()));
        return out;
    }

    private static ArrayNode marks(List<Mark> marks, String axis) {
        ArrayNode out = Json.array();
        for (Mark m : marks) {
            ObjectNode o = out.addObject();
            o.set(axis, Json.number(m.at()));
            o.put("label", m.label());
        }
        return out;
    }
}
