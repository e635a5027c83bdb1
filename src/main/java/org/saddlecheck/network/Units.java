package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;

/**
 * Moves between the flat parameter vector θ (units as contiguous blocks, see {@link Network}) and
 * the matrices U (H × |u|, row i = u_i) and V (H × |v|, row i = v_i) used by matrix kernels. These
 * copies cost O(H·(|u| + |v|)), small against the products they feed.
 */
public final class Units {
    private Units() {
    }

    /** Copies θ into U and V, which must be H × |u| and H × |v|. */
    public static void split(double[] theta, int uSize, int vSize, DMatrixRMaj U, DMatrixRMaj V) {
        int s = uSize + vSize;
        double[] u = U.data;
        double[] v = V.data;
        for (int i = 0, n = U.numRows; i < n; i++) {
            System.arraycopy(theta, i * s, u, i * uSize, uSize);
            System.arraycopy(theta, i * s + uSize, v, i * vSize, vSize);
        }
    }

    /** Writes U and V back into the flat vector {@code theta}. */
    public static void join(DMatrixRMaj U, DMatrixRMaj V, double[] theta) {
        int uSize = U.numCols;
        int vSize = V.numCols;
        int s = uSize + vSize;
        for (int i = 0, n = U.numRows; i < n; i++) {
            System.arraycopy(U.data, i * uSize, theta, i * s, uSize);
            System.arraycopy(V.data, i * vSize, theta, i * s + uSize, vSize);
        }
    }

    /** U as a new H × |u| matrix. */
    public static DMatrixRMaj U(Network network, double[] theta) {
        DMatrixRMaj U = new DMatrixRMaj(network.width(), network.uSize());
        DMatrixRMaj V = new DMatrixRMaj(network.width(), network.vSize());
        split(theta, network.uSize(), network.vSize(), U, V);
        return U;
    }

    /** V as a new H × |v| matrix. */
    public static DMatrixRMaj V(Network network, double[] theta) {
        DMatrixRMaj U = new DMatrixRMaj(network.width(), network.uSize());
        DMatrixRMaj V = new DMatrixRMaj(network.width(), network.vSize());
        split(theta, network.uSize(), network.vSize(), U, V);
        return V;
    }
}
