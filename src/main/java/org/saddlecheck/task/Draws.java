package org.saddlecheck.task;

import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;

/**
 * Seeded random draws shared by the data generators: Gaussian matrices and random orthonormal
 * bases. Every generator in this package uses one {@link Well19937c} seeded with the data's seed
 * and documents the order of its draws, so the same seed gives the same numbers bit for bit.
 * Gaussian numbers come from {@link Well19937c#nextGaussian()} (Box–Muller on two uniform draws).
 */
public final class Draws {
    private Draws() {
    }

    /** A fresh generator for {@code seed}. */
    public static Well19937c generator(long seed) {
        return new Well19937c(seed);
    }

    /** A new rows × cols matrix of i.i.d. N(0, 1) entries, drawn row by row. */
    public static DMatrixRMaj gaussian(Well19937c random, int rows, int cols) {
        DMatrixRMaj G = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < G.data.length; k++) {
            G.data[k] = random.nextGaussian();
        }
        return G;
    }

    /**
     * A new rows × cols matrix with orthonormal columns (OᵀO = I to round-off): the thin Q factor
     * of the Householder QR decomposition G = QR of a Gaussian rows × cols matrix G (drawn row by
     * row), with each column's sign flipped where needed so that diag(R) is positive. The result is
     * then uniformly (Haar) distributed.
     *
     * @throws InvalidInputException if {@code rows < cols}
     */
    public static DMatrixRMaj orthonormalColumns(Well19937c random, int rows, int cols) {
        Require.positive("number of orthonormal columns", cols);
        Require.that(rows >= cols, "a " + rows + "-dimensional space has no " + cols
                + " orthonormal vectors");
        DMatrixRMaj G = gaussian(random, rows, cols);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        if (!qr.decompose(G.copy())) {
            throw new InvalidInputException("the QR decomposition of a " + rows + "×" + cols
                    + " Gaussian matrix failed");
        }
        DMatrixRMaj O = qr.getQ(null, true);
        DMatrixRMaj R = qr.getR(null, true);
        for (int c = 0; c < cols; c++) {
            if (R.unsafe_get(c, c) < 0) {
                for (int r = 0; r < rows; r++) {
                    O.unsafe_set(r, c, -O.unsafe_get(r, c));
                }
            }
        }
        return O;
    }

    /** A new uniformly distributed n × n orthogonal matrix (see {@link #orthonormalColumns}). */
    public static DMatrixRMaj orthogonal(Well19937c random, int n) {
        return orthonormalColumns(random, n, n);
    }
}
