package org.saddlecheck.network;

import java.util.Arrays;

/**
 * Small dense products on row-major arrays, shaped for the sizes of this project's networks (tens
 * to a few hundred rows and columns, everything in the first-level cache). Every inner loop runs
 * over a contiguous output row and adds four input rows per pass with fused multiply-adds
 * ({@link Math#fma}), a form HotSpot's C2 compiler turns into vector instructions; reductions
 * (dot products) are avoided because C2 does not vectorize floating-point sums it cannot reorder.
 * Nothing is allocated. The order of the additions is fixed, so results are reproducible bit for
 * bit; they differ from EJML's in the last bits.
 */
final class Kernels {
    private Kernels() {
    }

    /**
     * W = Σ_i v_i u_iᵀ (|v| × |u|, overwritten) for the units of θ laid out as contiguous blocks
     * [u_i, v_i] of |u| + |v| entries (paper, Eq. (1): f(x) = Σ_i v_i φ(x; u_i) with φ linear).
     * Does not modify θ.
     */
    static void outerProductSum(double[] theta, int units, int uSize, int vSize, double[] w) {
        Arrays.fill(w, 0, uSize * vSize, 0);
        int s = uSize + vSize;
        int i = 0;
        for (; i + 3 < units; i += 4) {
            int u0 = i * s;
            int u1 = u0 + s;
            int u2 = u1 + s;
            int u3 = u2 + s;
            for (int a = 0; a < vSize; a++) {
                double c0 = theta[u0 + uSize + a];
                double c1 = theta[u1 + uSize + a];
                double c2 = theta[u2 + uSize + a];
                double c3 = theta[u3 + uSize + a];
                int row = a * uSize;
                for (int b = 0; b < uSize; b++) {
                    double acc = w[row + b];
                    acc = Math.fma(c0, theta[u0 + b], acc);
                    acc = Math.fma(c1, theta[u1 + b], acc);
                    acc = Math.fma(c2, theta[u2 + b], acc);
                    acc = Math.fma(c3, theta[u3 + b], acc);
                    w[row + b] = acc;
                }
            }
        }
        for (; i < units; i++) {
            int u0 = i * s;
            for (int a = 0; a < vSize; a++) {
                double c0 = theta[u0 + uSize + a];
                int row = a * uSize;
                for (int b = 0; b < uSize; b++) {
                    w[row + b] = Math.fma(c0, theta[u0 + b], w[row + b]);
                }
            }
        }
    }

    /**
     * C = A B (overwritten) for A (m × k) and B (k × n), all row-major; C must not share storage
     * with A or B. Modifies only C.
     */
    static void multiply(double[] a, int m, int k, double[] b, int n, double[] c) {
        for (int r = 0; r < m; r++) {
            rowTimesMatrix(a, r * k, k, b, n, c, r * n);
        }
    }

    /**
     * out[outAt … outAt+n) = x B, for the row x = x[xAt … xAt+k) and B (k × n, row-major):
     * Σ_j x_j B[j, :], four rows of B per pass. Modifies only that range of {@code out}, which must
     * not overlap x or B.
     */
    static void rowTimesMatrix(double[] x, int xAt, int k, double[] bm, int n, double[] out,
            int outAt) {
        Arrays.fill(out, outAt, outAt + n, 0);
        int j = 0;
        for (; j + 3 < k; j += 4) {
            double c0 = x[xAt + j];
            double c1 = x[xAt + j + 1];
            double c2 = x[xAt + j + 2];
            double c3 = x[xAt + j + 3];
            int b0 = j * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int c = 0; c < n; c++) {
                double acc = out[outAt + c];
                acc = Math.fma(c0, bm[b0 + c], acc);
                acc = Math.fma(c1, bm[b1 + c], acc);
                acc = Math.fma(c2, bm[b2 + c], acc);
                acc = Math.fma(c3, bm[b3 + c], acc);
                out[outAt + c] = acc;
            }
        }
        for (; j < k; j++) {
            double c0 = x[xAt + j];
            int b0 = j * n;
            for (int c = 0; c < n; c++) {
                out[outAt + c] = Math.fma(c0, bm[b0 + c], out[outAt + c]);
            }
        }
    }

    /** T = Aᵀ (n × m, overwritten) for A (m × n), row-major. Modifies only T. */
    static void transpose(double[] a, int m, int n, double[] t) {
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < n; c++) {
                t[c * m + r] = a[r * n + c];
            }
        }
    }

    /**
     * C = AᵀB (m × n, overwritten) for A (k × m) and B (k × n), row-major: the sum over the k rows
     * of the outer products a_rᵀ ⊗ b_r, four rows per pass. C must not share storage with A or B.
     * Modifies only C.
     */
    static void multiplyTransA(double[] a, int k, int m, double[] b, int n, double[] c) {
        Arrays.fill(c, 0, m * n, 0);
        int r = 0;
        for (; r + 3 < k; r += 4) {
            int a0 = r * m;
            int a1 = a0 + m;
            int a2 = a1 + m;
            int a3 = a2 + m;
            int b0 = r * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int p = 0; p < m; p++) {
                double c0 = a[a0 + p];
                double c1 = a[a1 + p];
                double c2 = a[a2 + p];
                double c3 = a[a3 + p];
                int row = p * n;
                for (int q = 0; q < n; q++) {
                    double acc = c[row + q];
                    acc = Math.fma(c0, b[b0 + q], acc);
                    acc = Math.fma(c1, b[b1 + q], acc);
                    acc = Math.fma(c2, b[b2 + q], acc);
                    acc = Math.fma(c3, b[b3 + q], acc);
                    c[row + q] = acc;
                }
            }
        }
        for (; r < k; r++) {
            int a0 = r * m;
            int b0 = r * n;
            for (int p = 0; p < m; p++) {
                double c0 = a[a0 + p];
                int row = p * n;
                for (int q = 0; q < n; q++) {
                    c[row + q] = Math.fma(c0, b[b0 + q], c[row + q]);
                }
            }
        }
    }
}
