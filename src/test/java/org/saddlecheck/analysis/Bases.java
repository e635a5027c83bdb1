package org.saddlecheck.analysis;

import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.network.Network;

/** Orthonormal bases and parameters with prescribed modes, for the tests of mode measurements. */
final class Bases {
    private Bases() {
    }

    /** A random d × d orthogonal matrix: Gram–Schmidt on a Gaussian matrix, column by column. */
    static DMatrixRMaj orthonormal(int d, Well19937c random) {
        DMatrixRMaj B = new DMatrixRMaj(d, d);
        for (int c = 0; c < d; c++) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = random.nextGaussian();
            }
            for (int p = 0; p < c; p++) {
                double along = 0;
                for (int i = 0; i < d; i++) {
                    along += x[i] * B.get(i, p);
                }
                for (int i = 0; i < d; i++) {
                    x[i] -= along * B.get(i, p);
                }
            }
            double norm = 0;
            for (double xi : x) {
                norm += xi * xi;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < d; i++) {
                B.set(i, c, x[i] / norm);
            }
        }
        return B;
    }

    /**
     * θ with unit k carrying mode k (u_k = √|w_k| r_k, v_k = sign(w_k) √|w_k| q_k) and all other
     * units zero, so that W = Vᵀ U = Σ_k w_k q_k r_kᵀ.
     */
    static double[] modeUnits(Network network, DMatrixRMaj Q, DMatrixRMaj R, double[] w) {
        double[] theta = new double[network.parameterCount()];
        for (int k = 0; k < w.length; k++) {
            double root = Math.sqrt(Math.abs(w[k]));
            for (int j = 0; j < network.uSize(); j++) {
                theta[network.uOffset(k) + j] = root * R.get(j, k);
            }
            for (int j = 0; j < network.vSize(); j++) {
                theta[network.vOffset(k) + j] = Math.signum(w[k]) * root * Q.get(j, k);
            }
        }
        return theta;
    }
}
