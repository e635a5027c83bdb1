package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saddlecheck.figures.FigureOne;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.Scenario;

class StochasticClaimsTests {

    @Test
    void sgdKeepsTheStagesOfTheLinearNetwork() {
        // Seeds 1 and 2: any seeds are in the asserted regime.
        Scenario s = StochasticClaims.sgd(FigureOne.scenario(FigureOne.Panel.LINEAR_FC, 1e-7, 1),
                2, 2);

        assertThat(FigureOneClaims.check(Trial.of(s)).held()).isTrue();
    }

    @Test
    void sgdOnATargetOfRankOneFailsTheStagesClaim() {
        // Broken variant: the target has one mode, so SGD shows one drop and rank one.
        Scenario flow = FigureOne.scenario(FigureOne.Panel.LINEAR_FC, 1e-7, 1);
        Scenario s = StochasticClaims.sgd(flow.withData(DataSpec.generated(DataSpec.WHITENED, 1,
                8, 1)), 2, 2);

        assertThat(FigureOneClaims.check(Trial.of(s)).held()).isFalse();
    }
}
