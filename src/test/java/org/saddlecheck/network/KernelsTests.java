package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelsTests {

    @Test
    void testsRunWithTheVectorModuleAsTheLauncherDoes() {
        // the pom passes --add-modules jdk.incubator.vector to the test JVM; without it the tests
        // below would compare the scalar path with itself
        assertThat(Kernels.VECTOR).isTrue();
    }

    @Test
    void vectorAndScalarChainsGiveTheSameBitsForEveryLengthAndStride() {
        // fixed seed: the inputs are arbitrary; the claim is equality for any inputs
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 1; n <= 70; n++) {
            for (int k : new int[] {1, 3, 4, 5, 17}) {
                int coefStride = 1 + random.nextInt(3);
                int bStride = n + random.nextInt(4);
                double[] coef = gaussian(random, 2 + k * coefStride);
                double[] b = gaussian(random, 3 + k * bStride + n);
                double[] start = gaussian(random, n + 6);
                double[] scalar = start.clone();
                double[] vector = start.clone();
                int outAt = 1 + random.nextInt(5);
                Kernels.scalarChain(coef, 1, coefStride, b, 3, bStride, k, scalar, outAt, n);
                VectorChains.chain(coef, 1, coefStride, b, 3, bStride, k, vector, outAt, n);
                assertThat(vector).as("n = %d, k = %d", n, k).isEqualTo(scalar);
            }
        }
    }

    @Test
    void vectorAndScalarCombinationsGiveTheSameBits() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 1; n <= 40; n++) {
            for (int k = 0; k <= 7; k++) {
                double[][] rows = new double[k][];
                for (int j = 0; j < k; j++) {
                    rows[j] = gaussian(random, n);
                }
                double[] alpha = gaussian(random, k);
                double[] start = gaussian(random, n);
                double[] scalar = new double[n];
                double[] vector = new double[n];
                Kernels.scalarCombine(start, alpha, rows, k, scalar, n);
                VectorChains.combine(start, alpha, rows, k, vector, n);
                assertThat(vector).as("n = %d, k = %d", n, k).isEqualTo(scalar);
                double[] expected = start.clone();
                for (int c = 0; c < n; c++) {
                    for (int j = 0; j < k; j++) {
                        expected[c] = Math.fma(alpha[j], rows[j][c], expected[c]);
                    }
                }
                assertThat(scalar).isEqualTo(expected);
            }
        }
    }

    @Test
    void productsEqualTheirDefiningFmaRecurrences() {
        // each output entry is a left-to-right chain of fused multiply-adds from 0, so it equals the
        // recurrence acc ← fma(a, b, acc) over the summation index exactly; fixed seed, any inputs
        SplittableRandom random = new SplittableRandom(11);
        int m = 5;
        int k = 7;
        int n = 19;
        double[] a = gaussian(random, m * k);
        double[] b = gaussian(random, k * n);
        double[] ab = new double[m * n];
        Kernels.multiply(a, m, k, b, n, ab);
        double[] at = new double[k * m];
        Kernels.transpose(a, m, k, at);
        double[] atb = new double[m * n];
        Kernels.multiplyTransA(at, k, m, b, n, atb);
        for (int r = 0; r < m; r++) {
            for (int q = 0; q < n; q++) {
                double acc = 0;
                for (int j = 0; j < k; j++) {
                    acc = Math.fma(a[r * k + j], b[j * n + q], acc);
                }
                assertThat(ab[r * n + q]).isEqualTo(acc);
                assertThat(atb[r * n + q]).isEqualTo(acc);
            }
        }
    }

    @Test
    void outerProductSumIsTheChainOverUnits() {
        SplittableRandom random = new SplittableRandom(13);
        int units = 9;
        int uSize = 21;
        int vSize = 3;
        double[] theta = gaussian(random, units * (uSize + vSize));
        double[] w = new double[vSize * uSize];
        Kernels.outerProductSum(theta, units, uSize, vSize, w);
        for (int a = 0; a < vSize; a++) {
            for (int c = 0; c < uSize; c++) {
                double acc = 0;
                for (int i = 0; i < units; i++) {
                    int unit = i * (uSize + vSize);
                    acc = Math.fma(theta[unit + uSize + a], theta[unit + c], acc);
                }
                assertThat(w[a * uSize + c]).isEqualTo(acc);
            }
        }
    }

    private static double[] gaussian(SplittableRandom random, int length) {
        double[] x = new double[length];
        for (int j = 0; j < length; j++) {
            x[j] = random.nextGaussian();
        }
        return x;
    }
}
