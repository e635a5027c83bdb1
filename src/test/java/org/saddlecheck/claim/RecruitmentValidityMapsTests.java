package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecruitmentValidityMapsTests {

    @Test
    void theDefaultMapsHoldInsideTheirRegimeAndCoverTheGrid() {
        List<ValidityMap> maps = RecruitmentValidityMaps.maps(false);
        assertThat(maps).extracting(ValidityMap::claim).containsExactly(
                "proposition5.plateau-inverse-epsilon", "proposition5.sparse-recruitment");
        for (ValidityMap m : maps) {
            assertThat(m.x()).containsExactly(RecruitmentValidityMaps.RATIOS);
            assertThat(m.y()).containsExactly(RecruitmentValidityMaps.EPSILONS);
            for (int j = 0; j < m.y().length; j++) {
                for (int i = 0; i < m.x().length; i++) {
                    boolean inside = m.x()[i] >= m.regime()[0] && m.x()[i] <= m.regime()[1]
                            && m.y()[j] >= m.regime()[2] && m.y()[j] <= m.regime()[3];
                    if (inside) {
                        assertThat(m.held()[j][i]).as("%s at (%s, %s)", m.claim(), m.x()[i],
                                m.y()[j]).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void theGapTargetHasTheRatesTwoAndTwoRWithBothSigns() {
        // Σ_yZ = 2 diag(1, r, −1, −r) + (1 + r − 1 − r) I = diag(2, 2r, −2, −2r).
        assertThat(QuadraticRecruitmentClaims.rates(RecruitmentValidityMaps.trial(0.25)))
                .containsExactly(2, 0.5, -2, -0.5);
        assertThat(QuadraticRecruitmentClaims.slowestRate(RecruitmentValidityMaps.trial(0.25)))
                .isEqualTo(0.5);
    }

    @Test
    void aRunWithoutTheRecruitmentClaimsWritesNoRecruitmentMaps() {
        assertThat(ValidityMaps.of(ManifoldGradientClaims.claims(), false)).isEmpty();
    }
}
