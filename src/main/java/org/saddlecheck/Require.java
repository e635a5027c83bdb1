package org.saddlecheck;

import org.ejml.data.DMatrixRMaj;

/**
 * The one precondition helper. Each check names the role of the value it rejects, so that a
 * message reads "width (0) must be positive" rather than "illegal argument".
 */
public final class Require {
    private Require() {
    }

    /** Requires {@code value > 0}. */
    public static int positive(String role, int value) {
        if (value <= 0) {
            throw new InvalidInputException(role + " (" + value + ") must be positive");
        }
        return value;
    }

    /** Requires {@code value >= 0}. */
    public static int nonNegative(String role, int value) {
        if (value < 0) {
            throw new InvalidInputException(role + " (" + value + ") must not be negative");
        }
        return value;
    }

    /** Requires a finite {@code value > 0}. */
    public static double positive(String role, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InvalidInputException(role + " (" + value + ") must be positive and finite");
        }
        return value;
    }

    /** Requires a finite value. */
    public static double finite(String role, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(role + " (" + value + ") must be finite");
        }
        return value;
    }

    /** Requires every entry to be finite; names the first offending index. */
    public static double[] finite(String role, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException(
                        role + "[" + i + "] (" + values[i] + ") must be finite");
            }
        }
        return values;
    }

    /** Requires every entry of a matrix to be finite; names the first offending row and column. */
    public static DMatrixRMaj finite(String role, DMatrixRMaj matrix) {
        for (int r = 0; r < matrix.numRows; r++) {
            for (int c = 0; c < matrix.numCols; c++) {
                double x = matrix.unsafe_get(r, c);
                if (!Double.isFinite(x)) {
                    throw new InvalidInputException(
                            role + " row " + r + ", column " + c + " (" + x + ") must be finite");
                }
            }
        }
        return matrix;
    }

    /** Requires an array of the given length. */
    public static double[] length(String role, double[] values, int expected) {
        if (values.length != expected) {
            throw new InvalidInputException(
                    role + " has length " + values.length + " but " + expected + " is expected");
        }
        return values;
    }

    /** Requires a matrix of the given shape. */
    public static DMatrixRMaj shape(String role, DMatrixRMaj matrix, int rows, int cols) {
        if (matrix.numRows != rows || matrix.numCols != cols) {
            throw new InvalidInputException(role + " has shape " + matrix.numRows + "×"
                    + matrix.numCols + " but " + rows + "×" + cols + " is expected");
        }
        return matrix;
    }

    /** Requires a condition, with a complete sentence to report when it fails. */
    public static void that(boolean condition, String sentence) {
        if (!condition) {
            throw new InvalidInputException(sentence);
        }
    }
}
