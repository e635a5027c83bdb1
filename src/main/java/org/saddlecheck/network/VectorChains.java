package org.saddlecheck.network;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The chains of {@link Kernels} on the Vector API (incubating in Java 17: the JVM needs
 * {@code --add-modules jdk.incubator.vector}; {@link Kernels} loads this class only when the module
 * is present). A block of up to four vectors of the output row stays in registers while the k
 * scaled input rows are added to it, so each fused multiply-add costs one load; the entries that do
 * not fill a vector are done one by one. Every entry receives the same fused multiply-adds in the
 * same order as in {@link Kernels#scalarChain}, and {@link DoubleVector#fma} is specified lane by
 * lane as {@link Math#fma}, so the results equal the scalar path's bit for bit.
 */
final class VectorChains {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorChains() {
    }

    /** See {@link Kernels#chain}; same arguments, same results. */
    static void chain(double[] coef, int coefAt, int coefStride, double[] b, int bAt, int bStride,
            int k, double[] out, int outAt, int n) {
        int c = 0;
        for (; c + 4 * LANES <= n; c += 4 * LANES) {
            int o = outAt + c;
            DoubleVector acc0 = DoubleVector.fromArray(SPECIES, out, o);
            DoubleVector acc1 = DoubleVector.fromArray(SPECIES, out, o + LANES);
            DoubleVector acc2 = DoubleVector.fromArray(SPECIES, out, o + 2 * LANES);
            DoubleVector acc3 = DoubleVector.fromArray(SPECIES, out, o + 3 * LANES);
            for (int j = 0; j < k; j++) {
                DoubleVector alpha = DoubleVector.broadcast(SPECIES, coef[coefAt + j * coefStride]);
                int row = bAt + j * bStride + c;
                acc0 = DoubleVector.fromArray(SPECIES, b, row).fma(alpha, acc0);
                acc1 = DoubleVector.fromArray(SPECIES, b, row + LANES).fma(alpha, acc1);
                acc2 = DoubleVector.fromArray(SPECIES, b, row + 2 * LANES).fma(alpha, acc2);
                acc3 = DoubleVector.fromArray(SPECIES, b, row + 3 * LANES).fma(alpha, acc3);
            }
            acc0.intoArray(out, o);
            acc1.intoArray(out, o + LANES);
            acc2.intoArray(out, o + 2 * LANES);
            acc3.intoArray(out, o + 3 * LANES);
        }
        for (; c + LANES <= n; c += LANES) {
            int o = outAt + c;
            DoubleVector acc = DoubleVector.fromArray(SPECIES, out, o);
            for (int j = 0; j < k; j++) {
                DoubleVector alpha = DoubleVector.broadcast(SPECIES, coef[coefAt + j * coefStride]);
                acc = DoubleVector.fromArray(SPECIES, b, bAt + j * bStride + c).fma(alpha, acc);
            }
            acc.intoArray(out, o);
        }
        for (; c < n; c++) {
            double acc = out[outAt + c];
            for (int j = 0; j < k; j++) {
                acc = Math.fma(coef[coefAt + j * coefStride], b[bAt + j * bStride + c], acc);
            }
            out[outAt + c] = acc;
        }
    }

    /** See {@link Kernels#combine}; same arguments, same results. */
    static void combine(double[] start, double[] alpha, double[][] rows, int k, double[] out, int n) {
        int c = 0;
        for (; c + 2 * LANES <= n; c += 2 * LANES) {
            DoubleVector acc0 = DoubleVector.fromArray(SPECIES, start, c);
            DoubleVector acc1 = DoubleVector.fromArray(SPECIES, start, c + LANES);
            for (int j = 0; j < k; j++) {
                DoubleVector a = DoubleVector.broadcast(SPECIES, alpha[j]);
                double[] row = rows[j];
                acc0 = DoubleVector.fromArray(SPECIES, row, c).fma(a, acc0);
                acc1 = DoubleVector.fromArray(SPECIES, row, c + LANES).fma(a, acc1);
            }
            acc0.intoArray(out, c);
            acc1.intoArray(out, c + LANES);
        }
        for (; c < n; c++) {
            double acc = start[c];
            for (int j = 0; j < k; j++) {
                acc = Math.fma(alpha[j], rows[j][c], acc);
            }
            out[c] = acc;
        }
    }
}
