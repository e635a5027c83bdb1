package org.saddlecheck.task;

import org.ejml.data.DMatrixRMaj;

/**
 * First-order round-off bounds for the exactness tests. A quantity computed by a chain of n
 * roundings from numbers of size at most m differs from its exact value by at most γ_n·m with
 * γ_n = n·u / (1 − n·u) and u = 2⁻⁵³ the unit round-off (Higham, Accuracy and Stability of Numerical
 * Algorithms, 2nd ed., Lemma 3.1 and Section 3.5 for inner products). Each test states its n and m.
 */
final class RoundOff {
    /** The unit round-off of IEEE double precision. */
    static final double U = 0x1p-53;

    private RoundOff() {
    }

    /** γ_n = n·u / (1 − n·u). */
    static double gamma(int n) {
        return n * U / (1 - n * U);
    }

    /** The largest absolute entry of A − B. */
    static double maxDifference(DMatrixRMaj A, DMatrixRMaj B) {
        double worst = 0;
        for (int k = 0; k < A.data.length; k++) {
            worst = Math.max(worst, Math.abs(A.data[k] - B.data[k]));
        }
        return worst;
    }

    /** (1/P) |A|ᵀ|B|: the sizes of the terms of the inner products in (1/P) AᵀB. */
    static DMatrixRMaj absoluteMoments(DMatrixRMaj A, DMatrixRMaj B) {
        DMatrixRMaj S = new DMatrixRMaj(A.numCols, B.numCols);
        for (int i = 0; i < A.numCols; i++) {
            for (int j = 0; j < B.numCols; j++) {
                double s = 0;
                for (int mu = 0; mu < A.numRows; mu++) {
                    s += Math.abs(A.unsafe_get(mu, i) * B.unsafe_get(mu, j));
                }
                S.unsafe_set(i, j, s / A.numRows);
            }
        }
        return S;
    }

    /** The largest entry of a non-negative matrix. */
    static double max(DMatrixRMaj A) {
        double worst = 0;
        for (double a : A.data) {
            worst = Math.max(worst, a);
        }
        return worst;
    }
}
