package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saddlecheck.figures.Controls;
import org.saddlecheck.figures.Controls.Control;
import org.saddlecheck.figures.FigureOne;
import org.saddlecheck.scenario.Scenario;

class ControlClaimsTests {

    @Test
    void aTargetOfRankTwoFailsTheSingleDropClaim() {
        // Broken variant: the scalar-output claim checked on the two-output Figure 1 panel, whose
        // Σ_yx has two singular values: two drops and rank two, so the claim must fail.
        Scenario twoModes = FigureOne.scenario(FigureOne.Panel.LINEAR_FC, 1e-7, 1);

        assertThat(ControlClaims.check(Control.SCALAR_OUTPUT, Trial.of(twoModes)).held())
                .isFalse();
    }

    @Test
    void aLinearNetworkFailsTheTanhClaimBecauseItEndsOnAPlateau() {
        // Broken variant: the tanh control's scenario with linear units: the target is then
        // representable and the run ends on a plateau at zero loss.
        Scenario tanh = Controls.scenario(Control.TANH, 1e-7, 1);
        Scenario linear = tanh.withNetwork(FigureOne.scenario(FigureOne.Panel.LINEAR_FC, 1e-7, 1)
                .network());

        assertThat(ControlClaims.check(Control.TANH, Trial.of(linear)).held()).isFalse();
    }

    @Test
    void aLinearNetworkIsDenseAndFailsTheSparseClaim() {
        // Broken variant: the sparse claim checked on the linear Figure 1 panel, where all 50 units
        // grow along the learned modes.
        Scenario linear = FigureOne.scenario(FigureOne.Panel.LINEAR_FC, 1e-7, 1);

        assertThat(ControlClaims.check(Control.CUBIC, Trial.of(linear)).held()).isFalse();
    }

    @Test
    void aLinearNetworkIsDenseAndFailsTheXTanhClaim() {
        // Broken variant: the x·tanh x claim checked on the linear Figure 1 panel, where all 50 units
        // grow together along the learned modes: far more than half of them are large.
        Scenario linear = FigureOne.scenario(FigureOne.Panel.LINEAR_FC, 1e-7, 1);

        assertThat(ControlClaims.check(Control.XTANH, Trial.of(linear)).held()).isFalse();
    }

    @Test
    void theXTanhWindowIsTheBlowUpTimeFromTheRecruitmentLevel() {
        // 1/(|λ| ρ) with the smallest |λ| of Σ_yZ = diag(2, −1).
        assertThat(ControlClaims.XTANH_WINDOW).isEqualTo(1 / (1 * QuadraticRecruitmentClaims.RECRUITED));
    }
}
