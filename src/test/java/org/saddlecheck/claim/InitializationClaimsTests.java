package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saddlecheck.figures.FigureOne;
import org.saddlecheck.figures.LowRankInit;

class InitializationClaimsTests {

    @Test
    void aSmallIsotropicStartFailsTheNoInitialPlateauClaim() {
        // Broken variant: the small isotropic start of Figure 1 has an initial plateau.
        Trial small = Trial.of(FigureOne.scenario(FigureOne.Panel.LINEAR_FC, 1e-7, 1))
                .with("epsilon", 1e-7);

        assertThat(InitializationClaims.checkLowRank(small).held()).isFalse();
    }

    @Test
    void aStartBelowTheNeededRankFailsTheSingleDropClaim() {
        // Broken variant: rank one plus a perturbation of 10⁻⁶: the second mode must escape from the
        // perturbation, so a plateau and a second drop follow the first, and the single-drop claim
        // must not hold.
        Trial perturbed = Trial.of(LowRankInit.scenario(1, 1e-6, 1));

        assertThat(InitializationClaims.checkNeededRank(perturbed).held()).isFalse();
    }

    @Test
    void theRankTwoStartReachesTheRankTwoSolutionInOneDrop() {
        // Seed 1: any seed serves.
        assertThat(InitializationClaims.checkNeededRank(Trial.of(LowRankInit.scenario(2, 0, 1)))
                .held()).isTrue();
    }

    @Test
    void plateauLevelsAreReadAsTheNearestOfTheTheorysLevels() {
        double[] s = {1, 0.5};
        // ½ s_1² = 0.5, ½ s_2² = 0.125, ½(s_1² + s_2²) = 0.625; zero below 10⁻³ · 0.125.
        assertThat(InitializationClaims.path(new double[] {0.501, 0.1251, 2e-16}, s))
                .isEqualTo("120");
        assertThat(InitializationClaims.path(new double[] {0.62, 0.13}, s)).isEqualTo("x2");
    }

    @Test
    void aRankOneStartWithoutPerturbationStaysOnTheRankOneSaddle() {
        // Broken variant: ε = 0, so by Theorem 3 (iv) W keeps rank one for all time: the run ends
        // on the plateau ½ s_2², never at zero, and the claim must fail.
        Trial unperturbed = Trial.of(LowRankInit.scenario(1, 0, 1)).with("epsilon", 0);

        assertThat(InitializationClaims.checkLowRank(unperturbed).held()).isFalse();
    }

    @Test
    void theFlattestMiddleSlopeRisesWithTheInitializationScale() {
        // Section 6.1: the flattest slope of the middle plateau is ∝ ε^{4/5} ln(1/ε); a decade of ε
        // must raise it (seed 1: any seed).
        double low = InitializationClaims.middleFlatness(org.saddlecheck.figures.StagedRun.of(
                FigureOne.scenario(FigureOne.Panel.LINEAR_FC, 1e-8, 1)));
        double high = InitializationClaims.middleFlatness(org.saddlecheck.figures.StagedRun.of(
                FigureOne.scenario(FigureOne.Panel.LINEAR_FC, 1e-7, 1)));

        assertThat(high).isGreaterThan(low);
        assertThat(low).isPositive();
    }
}
