package org.saddlecheck.network;

import java.util.Arrays;

/**
 * Small dense products on row-major arrays, shaped for the sizes of this project's networks (tens
 * to a few hundred rows and columns, everything in the first-level cache). Every product is a set
 * of <em>chains</em>: an output row o (n entries) receives, one after another, k scaled input rows,
 * <pre>
 *   o[c] ← fma(α_{k−1}, b_{k−1}[c], … fma(α_1, b_1[c], fma(α_0, b_0[c], o[c])) … )     c = 0 … n−1
 * </pre>
 * with one rounding per fused multiply-add ({@link Math#fma}). Reductions (dot products) are
 * avoided: the n entries of a row are independent, so they can be computed side by side in vector
 * registers without reordering any sum.
 *
 * <h2>Vector and scalar paths give the same bits</h2>
 * When the JVM runs with {@code --add-modules jdk.incubator.vector} (the launcher, Maven's test
 * runs and the benchmarks do), {@link VectorChains} computes the chains with the Vector API, eight
 * entries of a row per instruction on AVX-512 hardware, keeping a block of the output row in
 * registers while it runs over the k input rows. Without the module the scalar loops below run;
 * HotSpot 17's auto-vectorizer does little with them (offset array accesses that may alias), and
 * they reach about a third of the vector path's rate (see the benchmarks). Both paths apply the
 * same fused multiply-adds to every entry in the same order, and a lanewise vector fma is
 * specified as {@link Math#fma}, so the two paths produce identical results bit for bit: whether
 * the module is present changes the speed, never a number. The system property
 * {@code saddlecheck.scalar=true} forces the scalar path (to compare the two).
 *
 * <p>Nothing is allocated. The order of the additions is fixed, so results are reproducible bit
 * for bit; they differ from EJML's in the last bits.
 */
public final class Kernels {
    /** Whether the Vector API is available in this JVM; read once. */
    public static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("saddlecheck.scalar");

    private Kernels() {
    }

    /**
     * The chain described in the class documentation: for c in [0, n),
     * {@code out[outAt + c]} receives fma(α_j, b[bAt + j·bStride + c], ·) for j = 0 … k−1 in order,
     * with α_j = {@code coef[coefAt + j·coefStride]}. Modifies only out[outAt … outAt+n), which must
     * not overlap the rows it reads.
     */
    public static void chain(double[] coef, int coefAt, int coefStride, double[] b, int bAt, int bStride,
            int k, double[] out, int outAt, int n) {
        if (VECTOR) {
            VectorChains.chain(coef, coefAt, coefStride, b, bAt, bStride, k, out, outAt, n);
        } else {
            scalarChain(coef, coefAt, coefStride, b, bAt, bStride, k, out, outAt, n);
        }
    }

    /**
     * out[c] = fma(α_{k−1}, rows[k−1][c], … fma(α_0, rows[0][c], start[c]) …) for c in [0, n): a
     * chain whose input rows are separate arrays (the stages of a Runge–Kutta step). Skips no
     * coefficient, so a zero α still takes part (and adds nothing). Modifies only out, which may
     * be {@code start} but no row.
     */
    public static void combine(double[] start, double[] alpha, double[][] rows, int k, double[] out,
            int n) {
        if (VECTOR) {
            VectorChains.combine(start, alpha, rows, k, out, n);
        } else {
            scalarCombine(start, alpha, rows, k, out, n);
        }
    }

    /** {@link #combine} entry by entry. */
    static void scalarCombine(double[] start, double[] alpha, double[][] rows, int k, double[] out,
            int n) {
        for (int c = 0; c < n; c++) {
            double acc = start[c];
            for (int j = 0; j < k; j++) {
                acc = Math.fma(alpha[j], rows[j][c], acc);
            }
            out[c] = acc;
        }
    }

    /** {@link #chain} entry by entry, four input rows per pass over the output row. */
    static void scalarChain(double[] coef, int coefAt, int coefStride, double[] b, int bAt,
            int bStride, int k, double[] out, int outAt, int n) {
        int j = 0;
        for (; j + 3 < k; j += 4) {
            double c0 = coef[coefAt + j * coefStride];
            double c1 = coef[coefAt + (j + 1) * coefStride];
            double c2 = coef[coefAt + (j + 2) * coefStride];
            double c3 = coef[coefAt + (j + 3) * coefStride];
            int b0 = bAt + j * bStride;
            int b1 = b0 + bStride;
            int b2 = b1 + bStride;
            int b3 = b2 + bStride;
            for (int c = 0; c < n; c++) {
                double acc = out[outAt + c];
                acc = Math.fma(c0, b[b0 + c], acc);
                acc = Math.fma(c1, b[b1 + c], acc);
                acc = Math.fma(c2, b[b2 + c], acc);
                acc = Math.fma(c3, b[b3 + c], acc);
                out[outAt + c] = acc;
            }
        }
        for (; j < k; j++) {
            double c0 = coef[coefAt + j * coefStride];
            int b0 = bAt + j * bStride;
            for (int c = 0; c < n; c++) {
                out[outAt + c] = Math.fma(c0, b[b0 + c], out[outAt + c]);
            }
        }
    }

    /**
     * W = Σ_i v_i u_iᵀ (|v| × |u|, overwritten) for the units of θ laid out as contiguous blocks
     * [u_i, v_i] of |u| + |v| entries (paper, Eq. (1): f(x) = Σ_i v_i φ(x; u_i) with φ linear):
     * row a of W is the chain over the units of v_ia · u_i. Does not modify θ.
     */
    static void outerProductSum(double[] theta, int units, int uSize, int vSize, double[] w) {
        Arrays.fill(w, 0, uSize * vSize, 0);
        int s = uSize + vSize;
        for (int a = 0; a < vSize; a++) {
            chain(theta, uSize + a, s, theta, 0, s, units, w, a * uSize, uSize);
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
     * Σ_j x_j B[j, :]. Modifies only that range of {@code out}, which must not overlap x or B.
     */
    static void rowTimesMatrix(double[] x, int xAt, int k, double[] bm, int n, double[] out,
            int outAt) {
        Arrays.fill(out, outAt, outAt + n, 0);
        chain(x, xAt, 1, bm, 0, n, k, out, outAt, n);
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
     * of the outer products a_rᵀ ⊗ b_r; row p of C is the chain over r of A[r, p] · B[r, :]. C must
     * not share storage with A or B. Modifies only C.
     */
    static void multiplyTransA(double[] a, int k, int m, double[] b, int n, double[] c) {
        Arrays.fill(c, 0, m * n, 0);
        for (int p = 0; p < m; p++) {
            chain(a, p, m, b, 0, n, k, c, p * n, n);
        }
    }
}
