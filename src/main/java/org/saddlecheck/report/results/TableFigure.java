package org.saddlecheck.report.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.saddlecheck.Require;

/**
 * A small table of numbers or words, such as measured against predicted drop times per mode.
 *
 * @param title the title
 * @param columns the column headings; may hold inline math
 * @param rows the rows, each with one cell per column; a cell is a {@link String}, a
 *     {@link Double}, a {@link Boolean} or null (empty)
 */
public record TableFigure(String title, List<String> columns, List<List<Object>> rows)
        implements Figure {

    /** The word naming this type in the JSON format. */
    public static final String TYPE = "table";

    public TableFigure {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            Require.that(row.size() == columns.size(), "row " + r + " of table \"" + title
                    + "\" has " + row.size() + " cells but there are " + columns.size() + " columns");
            for (Object cell : row) {
                Require.that(cell == null || cell instanceof String || cell instanceof Double
                        || cell instanceof Boolean, "a cell of table \"" + title
                        + "\" must be a string, a number, a boolean or null");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
