package org.saddlecheck.task;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlecheck.Require;

/**
 * P samples (x_μ, y_μ) as the rows of X (P × D_in) and Y (P × D_out), with their second-moment
 * statistics (paper, Section 1): Σ_xx = (1/P) XᵀX, Σ_yx = (1/P) YᵀX and Σ_yy = (1/P) YᵀY.
 *
 * <p>The matrices are owned by the data set and must not be modified after construction.
 */
public final class Dataset {
    private final DMatrixRMaj X;
    private final DMatrixRMaj Y;
    private DMatrixRMaj sigmaXX;
    private DMatrixRMaj sigmaYX;
    private DMatrixRMaj sigmaYY;

    /**
     * @throws org.saddlecheck.InvalidInputException if the row counts differ, there are no
     *     samples, or an entry is not finite
     */
    public Dataset(DMatrixRMaj X, DMatrixRMaj Y) {
        Require.positive("number of samples P", X.numRows);
        Require.that(Y.numRows == X.numRows, "Y has " + Y.numRows + " rows but X has "
                + X.numRows + "; each sample needs one input row and one target row");
        this.X = Require.finite("X", X);
        this.Y = Require.finite("Y", Y);
    }

    /** The inputs, P × D_in. Do not modify. */
    public DMatrixRMaj X() {
        return X;
    }

    /** The targets, P × D_out. Do not modify. */
    public DMatrixRMaj Y() {
        return Y;
    }

    /** P. */
    public int samples() {
        return X.numRows;
    }

    public int inputSize() {
        return X.numCols;
    }

    public int outputSize() {
        return Y.numCols;
    }

    /** Σ_xx = (1/P) XᵀX, D_in × D_in. Computed once; do not modify. */
    public synchronized DMatrixRMaj sigmaXX() {
        if (sigmaXX == null) {
            sigmaXX = new DMatrixRMaj(X.numCols, X.numCols);
            CommonOps_DDRM.multTransA(1.0 / samples(), X, X, sigmaXX);
        }
        return sigmaXX;
    }

    /** Σ_yx = (1/P) YᵀX, D_out × D_in. Computed once; do not modify. */
    public synchronized DMatrixRMaj sigmaYX() {
        if (sigmaYX == null) {
            sigmaYX = new DMatrixRMaj(Y.numCols, X.numCols);
            CommonOps_DDRM.multTransA(1.0 / samples(), Y, X, sigmaYX);
        }
        return sigmaYX;
    }

    /** Σ_yy = (1/P) YᵀY, D_out × D_out. Computed once; do not modify. */
    public synchronized DMatrixRMaj sigmaYY() {
        if (sigmaYY == null) {
            sigmaYY = new DMatrixRMaj(Y.numCols, Y.numCols);
            CommonOps_DDRM.multTransA(1.0 / samples(), Y, Y, sigmaYY);
        }
        return sigmaYY;
    }
}
