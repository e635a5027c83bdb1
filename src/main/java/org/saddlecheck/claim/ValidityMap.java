package org.saddlecheck.claim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.saddlecheck.Require;

/**
 * Where a claim holds over a grid of two parameters, including beyond the regime where it is
 * asserted: {@code held[j][i]} at (x[i], y[j]), with the share of the allowance used in
 * {@code value[j][i]} (NaN where the check could not measure). Written into the {@code maps} of
 * {@code results.json} (format in {@code docs/results-format.md}).
 *
 * @param claim the id of the claim swept
 * @param title the title
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param xLog whether the x axis is logarithmic
 * @param yLog whether the y axis is logarithmic
 * @param x the grid's x values, increasing
 * @param y the grid's y values, increasing
 * @param held one row per y value, one entry per x value
 * @param value the usage at each cell, same shape as {@code held}
 * @param regime {xMin, xMax, yMin, yMax}: where the claim is asserted
 */
public record ValidityMap(String claim, String title, String xLabel, String yLabel, boolean xLog,
        boolean yLog, double[] x, double[] y, boolean[][] held, double[][] value, double[] regime) {

    public ValidityMap {
        Require.that(held.length == y.length && value.length == y.length,
                "a validity map needs one row per y value");
        for (int j = 0; j < y.length; j++) {
            Require.that(held[j].length == x.length && value[j].length == x.length,
                    "row " + j + " of a validity map needs one entry per x value");
        }
        Require.length("regime", regime, 4);
        x = x.clone();
        y = y.clone();
    }

    /** This map as its results-format JSON object. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("claim", claim);
        o.put("title", title);
        o.put("xLabel", xLabel);
        o.put("yLabel", yLabel);
        o.put("xScale", xLog ? "log" : "linear");
        o.put("yScale", yLog ? "log" : "linear");
        o.set("x", Json.numbers(x));
        o.set("y", Json.numbers(y));
        ArrayNode h = o.putArray("held");
        ArrayNode v = o.putArray("value");
        for (int j = 0; j < y.length; j++) {
            ArrayNode row = h.addArray();
            for (boolean b : held[j]) {
                row.add(b);
            }
            ArrayNode cells = v.addArray();
            for (double u : value[j]) {
                cells.add(Json.numberOrNull(u));
            }
        }
        ObjectNode r = o.putObject("regime");
        r.set("xMin", Json.number(regime[0]));
        r.set("xMax", Json.number(regime[1]));
        r.set("yMin", Json.number(regime[2]));
        r.set("yMax", Json.number(regime[3]));
        return o;
    }
}
