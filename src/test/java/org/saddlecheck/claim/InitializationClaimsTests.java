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
}
