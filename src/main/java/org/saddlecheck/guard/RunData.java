package org.saddlecheck.guard;

import java.util.Map;
import java.util.TreeMap;

/**
 * A run of another implementation as read by {@link RunReader}.
 *
 * @param source the file, for messages
 * @param axis the name of the time column: {@code step} or {@code time}
 * @param axisValues the values of that column, strictly increasing
 * @param losses the loss at each record (finite)
 * @param columns the optional columns by name ({@code sv1}, {@code w1}, …), one value per record
 * @param divergedAt the step or time at which the loss became non-finite, NaN if it never did
 * @param width H when the file says it (a trajectory file), 0 otherwise
 */
public record RunData(String source, String axis, double[] axisValues, double[] losses,
        Map<String, double[]> columns, double divergedAt, int width) {

    public RunData {
        columns = new TreeMap<>(columns);
    }

    /** The number of records with a finite loss. */
    public int size() {
        return losses.length;
    }

    /** Whether the time column counts steps (t = step × η). */
    public boolean inSteps() {
        return axis.equals("step");
    }

    /** The values of columns named {@code prefix1, prefix2, …} per record, or null if none. */
    public double[][] series(String prefix) {
        int count = 0;
        while (columns.containsKey(prefix + (count + 1))) {
            count++;
        }
        if (count == 0) {
            return null;
        }
        double[][] rows = new double[size()][count];
        for (int j = 0; j < count; j++) {
            double[] col = columns.get(prefix + (j + 1));
            for (int k = 0; k < size(); k++) {
                rows[k][j] = col[k];
            }
        }
        return rows;
    }
}
