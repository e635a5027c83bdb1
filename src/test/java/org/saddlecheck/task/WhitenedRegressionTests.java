package org.saddlecheck.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.saddlecheck.task.RoundOff.absoluteMoments;
import static org.saddlecheck.task.RoundOff.gamma;
import static org.saddlecheck.task.RoundOff.max;
import static org.saddlecheck.task.RoundOff.maxDifference;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

class WhitenedRegressionTests {

    // Any seed works: the claims are exact for every draw. A fixed one keeps failures replayable.
    private static final long SEED = 20251223L;

    /**
     * Bound on max |Σ_xx − I| for X = √P·O with O the thin Householder Q of a P × n matrix.
     * Householder QR gives ‖Ô − O‖_F ≤ √n·γ_{cPn} for an exactly orthonormal O (Higham, Theorem 19.4;
     * we take its constant c = 1), hence |ÔᵀÔ − I| ≤ 2√n·γ_{Pn} per entry. Forming (1/P)XᵀX is an
     * inner product of length P after one scaling per factor: γ_{P+2} times (1/P)|X|ᵀ|X|.
     */
    static double whitenedTolerance(Dataset data, int orthonormalColumns) {
        int p = data.samples();
        int n = orthonormalColumns;
        return 2 * Math.sqrt(n) * gamma(p * n)
                + gamma(p + 2) * max(absoluteMoments(data.X(), data.X()));
    }

    /**
     * Bound on max |Σ_yx − M| for Y = X Mᵀ (+ noise orthogonal to X). In exact arithmetic on the
     * computed X, (1/P)(XMᵀ)ᵀX = M Σ_xx, off from M by at most max_a Σ_b |M_ab| times the Σ_xx bound
     * (the noise contributes its own loss of orthogonality, bounded the same way with σ for |M|).
     * Rounding in Y (D_in + 2 operations) and in the product (P + 1) adds γ_{D_in+P+3} times
     * (1/P)|Y'|ᵀ|X| with |Y'| = |Y| + |X||M|ᵀ bounding every intermediate.
     */
    static double mapTolerance(Dataset data, DMatrixRMaj M, double noise, double sigmaXXTolerance) {
        double rowSum = 0;
        for (int a = 0; a < M.numRows; a++) {
            double s = noise;
            for (int b = 0; b < M.numCols; b++) {
                s += Math.abs(M.unsafe_get(a, b));
            }
            rowSum = Math.max(rowSum, s);
        }
        DMatrixRMaj absY = data.Y().copy();
        DMatrixRMaj absM = M.copy();
        DMatrixRMaj absX = data.X().copy();
        CommonOps_DDRM.abs(absY);
        CommonOps_DDRM.abs(absM);
        CommonOps_DDRM.abs(absX);
        DMatrixRMaj bound = new DMatrixRMaj(absY.numRows, absY.numCols);
        CommonOps_DDRM.multTransB(absX, absM, bound);
        CommonOps_DDRM.addEquals(bound, absY);
        int operations = data.inputSize() + data.samples() + 3;
        return rowSum * sigmaXXTolerance
                + gamma(operations) * max(absoluteMoments(bound, data.X()));
    }

    @Test
    void inputsAreWhitenedToRoundOff() {
        WhitenedRegression task = WhitenedRegression.generate(5, 3, 200, new double[] {1, 0.5, 0.25},
                SEED);

        double tolerance = whitenedTolerance(task.data(), 5);

        assertThat(maxDifference(task.data().sigmaXX(), CommonOps_DDRM.identity(5)))
                .isLessThanOrEqualTo(tolerance);
    }

    @Test
    void inputOutputCovarianceIsTheRequestedMap() {
        WhitenedRegression task = WhitenedRegression.generate(5, 3, 200, new double[] {1, 0.5, 0.25},
                SEED);

        double tolerance = mapTolerance(task.data(), task.M(), 0,
                whitenedTolerance(task.data(), 5));

        assertThat(maxDifference(task.data().sigmaYX(), task.M())).isLessThanOrEqualTo(tolerance);
    }

    @Test
    void mapIsBuiltFromOrthonormalBasesAndTheSpectrum() {
        double[] s = {1, 0.5, 0.25};
        WhitenedRegression task = WhitenedRegression.generate(5, 3, 200, s, SEED);
        DMatrixRMaj Q = task.Q();
        DMatrixRMaj R = task.R();

        // Q and R are Householder Q factors of square Gaussian matrices: 2√n·γ_{n²} (see above).
        assertThat(maxDifference(gram(Q), CommonOps_DDRM.identity(3)))
                .isLessThanOrEqualTo(2 * Math.sqrt(3) * gamma(9));
        assertThat(maxDifference(gram(R), CommonOps_DDRM.identity(5)))
                .isLessThanOrEqualTo(2 * Math.sqrt(5) * gamma(25));

        // q_aᵀ M r_b = s_a δ_ab: a chain of 2·D_in·D_out + 2 roundings on terms of size s_1.
        DMatrixRMaj QtM = new DMatrixRMaj(3, 5);
        CommonOps_DDRM.multTransA(Q, task.M(), QtM);
        DMatrixRMaj QtMR = new DMatrixRMaj(3, 5);
        CommonOps_DDRM.mult(QtM, R, QtMR);
        DMatrixRMaj expected = new DMatrixRMaj(3, 5);
        for (int k = 0; k < s.length; k++) {
            expected.set(k, k, s[k]);
        }
        double tolerance = gamma(2 * 15 + 2) * s[0] * 15
                + s[0] * 2 * (Math.sqrt(3) * gamma(9) + Math.sqrt(5) * gamma(25));
        assertThat(maxDifference(QtMR, expected)).isLessThanOrEqualTo(tolerance);
    }

    @Test
    void singularValuesOfTheDataAreTheSpectrumWithTies() {
        double[] s = Spectra.withTies(new double[] {0.75, 0.25}, new int[] {2, 1});
        WhitenedRegression task = WhitenedRegression.generate(4, 6, 150, s, SEED);

        double[] measured = singularValues(task.data().sigmaYX());

        // Weyl: |σ_k(Σ̂) − s_k| ≤ ‖Σ̂ − M‖_2 ≤ √(D_in·D_out)·max|Σ̂ − M|. The SVD is backward stable:
        // its values are exact for a perturbation of norm ≤ γ_{D²}·‖Σ̂‖_F, D = max(D_in, D_out).
        double entry = mapTolerance(task.data(), task.M(), 0, whitenedTolerance(task.data(), 4));
        double tolerance = Math.sqrt(24) * entry
                + gamma(36) * NormOps_DDRM.normF(task.data().sigmaYX());
        double[] expected = {0.75, 0.75, 0.25, 0};
        for (int k = 0; k < expected.length; k++) {
            assertThat(Math.abs(measured[k] - expected[k])).isLessThanOrEqualTo(tolerance);
        }
    }

    @Test
    void noiseLeavesTheMapAndAddsTheKnownIrreducibleLoss() {
        double sigma = 0.5;
        WhitenedRegression task = WhitenedRegression.generate(3, 2, 100, new double[] {1, 0.5},
                sigma, SEED);
        double sigmaXX = whitenedTolerance(task.data(), 5);

        assertThat(maxDifference(task.data().sigmaYX(), task.M()))
                .isLessThanOrEqualTo(mapTolerance(task.data(), task.M(), sigma, sigmaXX));

        // tr Σ_yy = ‖[M σI]‖_F² exactly in exact arithmetic on orthonormal O. Loss of orthogonality
        // scales it by at most ‖[M σI]‖_F²·(whitened bound); rounding in Y and in the sum of
        // squares adds γ_{D_in+P+4} times (1/P) Σ_μ ‖|y_μ| + |X||M|ᵀ_μ‖².
        double traceYY = CommonOps_DDRM.trace(task.data().sigmaYY());
        double exact = 1 + 0.25 + sigma * sigma * 2;
        double tolerance = exact * sigmaXX + gamma(3 + 100 + 4) * 4 * exact;
        assertThat(Math.abs(traceYY - exact)).isLessThanOrEqualTo(tolerance);
        assertThat(task.irreducibleLoss()).isEqualTo(0.5 * sigma * sigma * 2);
        assertThat(task.plateauLoss(1)).isEqualTo(0.5 * 0.25 + 0.5 * sigma * sigma * 2);
    }

    @Test
    void sameSeedGivesTheSameNumbersBitForBit() {
        WhitenedRegression a = WhitenedRegression.generate(4, 3, 50, new double[] {1, 0.5}, 0.1, 7);
        WhitenedRegression b = WhitenedRegression.generate(4, 3, 50, new double[] {1, 0.5}, 0.1, 7);
        WhitenedRegression c = WhitenedRegression.generate(4, 3, 50, new double[] {1, 0.5}, 0.1, 8);

        assertThat(a.data().X().data).isEqualTo(b.data().X().data);
        assertThat(a.data().Y().data).isEqualTo(b.data().Y().data);
        assertThat(a.data().X().data).isNotEqualTo(c.data().X().data);
    }

    @Test
    void badArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> WhitenedRegression.generate(5, 3, 4, new double[] {1}, SEED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("samples P (4)");
        assertThatThrownBy(() -> WhitenedRegression.generate(2, 3, 10, new double[] {1, 1, 1}, SEED))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("spectrum s has 3 values but min(D_in, D_out) = 2");
        assertThatThrownBy(() -> WhitenedRegression.generate(3, 3, 10, new double[] {0.5, 1}, SEED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("spectrum s[1]");
        assertThatThrownBy(() -> WhitenedRegression.generate(3, 3, 5, new double[] {1}, 0.1, SEED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("D_in + D_out");
        assertThatThrownBy(() -> WhitenedRegression.generate(0, 3, 10, new double[] {1}, SEED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inputs D_in (0)");
        assertThatThrownBy(() -> WhitenedRegression.generate(3, 3, 10, new double[] {1}, -1, SEED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("noise σ (-1.0)");
    }

    static DMatrixRMaj gram(DMatrixRMaj A) {
        DMatrixRMaj G = new DMatrixRMaj(A.numCols, A.numCols);
        CommonOps_DDRM.multTransA(A, A, G);
        return G;
    }

    /** The singular values of A, largest first, padded to min(rows, cols). */
    static double[] singularValues(DMatrixRMaj A) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(A.numRows, A.numCols, false, false, true);
        assertThat(svd.decompose(A.copy())).isTrue();
        double[] values = java.util.Arrays.copyOf(svd.getSingularValues(),
                svd.numberOfSingularValues());
        java.util.Arrays.sort(values);
        double[] descending = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            descending[k] = values[values.length - 1 - k];
        }
        return descending;
    }
}
