package org.saddlecheck.task;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.Require;

/**
 * Data given as numbers: P input rows and P target rows, for example read from a scenario file.
 * Nothing is exact here beyond what the numbers are; the statistics are those of {@link Dataset}.
 */
public final class ExplicitData {
    private ExplicitData() {
    }

    /**
     * A data set from the rows of X and Y, after checking that both are rectangular, non-empty,
     * finite and have the same number of rows. The arrays are copied.
     *
     * @param role the prefix of the names in error messages, for example {@code "data"} gives
     *     "data.X row 2 has 3 entries but row 0 has 4"
     * @throws org.saddlecheck.InvalidInputException naming the array, row and column at fault
     */
    public static Dataset of(String role, double[][] X, double[][] Y) {
        DMatrixRMaj x = matrix(role + ".X", X);
        DMatrixRMaj y = matrix(role + ".Y", Y);
        Require.that(y.numRows == x.numRows, role + ".Y has " + y.numRows + " rows but " + role
                + ".X has " + x.numRows + "; each sample needs one input row and one target row");
        return new Dataset(x, y);
    }

    /**
     * A new matrix from rectangular, finite rows.
     *
     * @throws org.saddlecheck.InvalidInputException naming {@code role} and the row at fault
     */
    public static DMatrixRMaj matrix(String role, double[][] rows) {
        Require.that(rows != null && rows.length > 0, role + " has no rows; give at least one");
        Require.that(rows[0] != null && rows[0].length > 0, role + " row 0 is empty");
        int cols = rows[0].length;
        DMatrixRMaj M = new DMatrixRMaj(rows.length, cols);
        for (int r = 0; r < rows.length; r++) {
            int length = rows[r] == null ? 0 : rows[r].length;
            Require.that(length == cols, role + " row " + r + " has " + length
                    + " entries but row 0 has " + cols);
            for (int c = 0; c < cols; c++) {
                double value = rows[r][c];
                Require.that(Double.isFinite(value), role + " row " + r + ", column " + c
                        + " (" + value + ") must be finite");
                M.unsafe_set(r, c, value);
            }
        }
        return M;
    }

    /** The rows of {@code M} as new arrays. */
    public static double[][] rows(DMatrixRMaj M) {
        double[][] rows = new double[M.numRows][M.numCols];
        for (int r = 0; r < M.numRows; r++) {
            System.arraycopy(M.data, r * M.numCols, rows[r], 0, M.numCols);
        }
        return rows;
    }
}
