package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saddlecheck.figures.FigureOne;
import org.saddlecheck.scenario.DynamicsSpec;

class DiscreteStepClaimsTests {

    private static Trial trial(double eta) {
        // Seed 2: any seed of θ(0) is in the asserted regime.
        return Trial.of(FigureOne.scenario(FigureOne.Panel.LINEAR_FC, 1e-7, 2)).with("eta", eta);
    }

    @Test
    void gradientDescentDelaysHalveWithTheLearningRate() {
        Outcome o = DiscreteStepClaims.check(trial(0.08), DynamicsSpec.GD);

        assertThat(o.held()).as(o.description()).isTrue();
    }

    @Test
    void aMethodOfFourthOrderFailsTheFirstOrderRatio() {
        // Broken variant: RK4 in place of GD; its deviation scales like η⁴, a ratio near 16.
        Outcome o = DiscreteStepClaims.check(trial(0.08), DynamicsSpec.RK4);

        assertThat(o.held()).as(o.description()).isFalse();
    }
}
