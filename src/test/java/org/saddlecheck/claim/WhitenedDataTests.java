package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.task.Dataset;

class WhitenedDataTests {

    /**
     * Σ_xx = I and the singular values of Σ_yx are the requested spectrum. Tolerance: each entry
     * of Σ_xx = XᵀX/P is a sum of P products of numbers of size about 1 built through a QR
     * decomposition whose orthogonality error is a small multiple of P·u; 100·P·u, with
     * u = 2⁻⁵³, bounds both with room. The singular values of Σ_yx inherit the same error times
     * s_1.
     */
    @Test
    void whitenedDataHaveIdentityInputCovarianceAndTheRequestedSpectrum() {
        double[] spectrum = {2, 0.5, 0.5};
        int p = 40;
        // Seed fixed so the test is repeatable; any seed would do.
        Dataset data = WhitenedData.build(
                DataSpec.generated(WhitenedData.KIND, 17, p, spectrum), 5, 3);
        double tolerance = 100 * p * 0x1p-53;

        DMatrixRMaj identity = CommonOps_DDRM.identity(5);
        for (int k = 0; k < identity.data.length; k++) {
            assertThat(data.sigmaXX().data[k]).isCloseTo(identity.data[k],
                    org.assertj.core.data.Offset.offset(tolerance));
        }
        double[] s = SingularOps_DDRM.singularValues(data.sigmaYX());
        java.util.Arrays.sort(s);
        assertThat(s[2]).isCloseTo(2, org.assertj.core.data.Offset.offset(2 * tolerance));
        assertThat(s[1]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(2 * tolerance));
        assertThat(s[0]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(2 * tolerance));
    }

    @Test
    void theSameSeedGivesTheSameDataBitForBit() {
        DataSpec spec = DataSpec.generated(WhitenedData.KIND, 3, 7, 1.0);
        Dataset a = WhitenedData.build(spec, 2, 2);
        Dataset b = WhitenedData.build(spec, 2, 2);

        assertThat(a.X().data).isEqualTo(b.X().data);
        assertThat(a.Y().data).isEqualTo(b.Y().data);
    }
}
