package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saddlecheck.scenario.Scenario;

class DiscreteStepValidityMapsTests {

    @Test
    void insideTheClaimsRegimeEveryMapHolds() {
        // η = 0.02 and s_2/s_1 = 0.5: a corner of the regime where the claim is asserted.
        Scenario flow = DiscreteStepValidityMaps.flow(0.5, 0.04);

        DiscreteStepValidityMaps.Cell cell = DiscreteStepValidityMaps.cell(flow, 0.02);

        assertThat(cell.stages().held()).isTrue();
        assertThat(cell.delay().held()).isTrue();
        assertThat(cell.stable()).isTrue();
    }

    @Test
    void aboveTheStabilityBoundTheRunNeverSettlesOnAFinalPlateau() {
        // η = 1.5 > η_c = 1/s_1 = 1: every minimum has Hessian eigenvalue at least 2 s_1 > 2/η,
        // so GD cannot converge and the stages map must not hold.
        Scenario flow = DiscreteStepValidityMaps.flow(0.5, 1.5);

        DiscreteStepValidityMaps.Cell cell = DiscreteStepValidityMaps.cell(flow, 1.5);

        assertThat(cell.stages().held()).isFalse();
    }

    @Test
    void theDefaultGridCrossesTheStabilityBoundAndContainsTheRegime() {
        double[] etas = DiscreteStepValidityMaps.ETAS;
        assertThat(etas[0]).isLessThanOrEqualTo(0.02);
        assertThat(etas[etas.length - 1]).isGreaterThan(1.0);
        assertThat(DiscreteStepValidityMaps.RATIOS).contains(0.5);
        assertThat(DiscreteStepValidityMaps.DEEP_ETAS[DiscreteStepValidityMaps.DEEP_ETAS.length - 1])
                .isGreaterThanOrEqualTo(3.0);
    }
}
