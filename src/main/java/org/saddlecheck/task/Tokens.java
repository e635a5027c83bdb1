package org.saddlecheck.task;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.Require;

/**
 * The layout of in-context linear regression sequences as rows of an input matrix, shared by the
 * data generator and the attention networks. One row holds N context tokens z_n = [x_n; y_n] and the
 * query x_q:
 * <pre>
 *   [ x_1 (D entries), y_1, x_2, y_2, …, x_N, y_N, x_q (D entries) ]     length N·(D + 1) + D
 * </pre>
 * The target of the row is y_q. The cubic feature of a row is Z = (1/N) Σ_n y_n x_n x_qᵀ (D × D),
 * stored row-major as vec(Z) with Z_ab at index a·D + b.
 */
public final class Tokens {
    private Tokens() {
    }

    /** The length of one row, N·(D + 1) + D. */
    public static int rowLength(int dimension, int context) {
        Require.positive("dimension D", dimension);
        Require.positive("context length N", context);
        return context * (dimension + 1) + dimension;
    }

    /** Offset of x_n (n = 0 … N−1) in a row. */
    public static int xOffset(int dimension, int n) {
        return n * (dimension + 1);
    }

    /** Offset of y_n in a row. */
    public static int yOffset(int dimension, int n) {
        return n * (dimension + 1) + dimension;
    }

    /** Offset of the query x_q in a row. */
    public static int queryOffset(int dimension, int context) {
        return context * (dimension + 1);
    }

    /**
     * The cubic features vec(Z_μ), Z_μ = (1/N) Σ_n y_n x_n x_qᵀ, of every row of {@code tokens}, as
     * a new P × D² matrix.
     */
    public static DMatrixRMaj cubicFeatures(DMatrixRMaj tokens, int dimension, int context) {
        Require.that(tokens.numCols == rowLength(dimension, context), "token rows have "
                + tokens.numCols + " entries but D = " + dimension + " and N = " + context
                + " need " + rowLength(dimension, context));
        int d = dimension;
        DMatrixRMaj Z = new DMatrixRMaj(tokens.numRows, d * d);
        double[] a = new double[d];
        for (int mu = 0; mu < tokens.numRows; mu++) {
            java.util.Arrays.fill(a, 0);
            for (int n = 0; n < context; n++) {
                double y = tokens.unsafe_get(mu, yOffset(d, n));
                int x = xOffset(d, n);
                for (int i = 0; i < d; i++) {
                    a[i] += y * tokens.unsafe_get(mu, x + i);
                }
            }
            int q = queryOffset(d, context);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    Z.unsafe_set(mu, i * d + j, a[i] * tokens.unsafe_get(mu, q + j) / context);
                }
            }
        }
        return Z;
    }
}
