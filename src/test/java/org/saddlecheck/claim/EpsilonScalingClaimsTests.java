package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;

class EpsilonScalingClaimsTests {

    // s_2/s_1 = 0.4, H = 8, d = 2: inside both claims' regime. Seeds 3 and 4 are arbitrary.
    private static final double[] S = {1.5, 0.6};

    private static Trial trial() {
        return Trial.of(new Scenario(NetworkSpec.fullyConnected("linear", 2, 2, 8),
                DataSpec.generated(DataSpec.WHITENED, 3, 2, S), InitSpec.gaussian(1, 4),
                DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
    }

    @Test
    void theCorrectFlowHasThePredictedSlopes() {
        UnaryOperator<Objective> none = UnaryOperator.identity();
        assertThat(EpsilonScalingClaims.checkPlateauLength(trial(), none).held()).isTrue();
        assertThat(EpsilonScalingClaims.checkOutsideSlope(trial(), none).held()).isTrue();
    }

    @Test
    void anExtraGrowthRateChangesThePlateauSlope() {
        // Rates s_k + λ with λ = 0.75: slope 1/1.35 − 1/2.25 ≈ 0.30 instead of 1/0.6 − 1/1.5 = 1.
        Outcome o = EpsilonScalingClaims.checkPlateauLength(trial(), BrokenObjectives.extraGrowth(0.75));
        assertThat(o.held()).isFalse();
    }

    @Test
    void anExtraGrowthRateChangesTheOutsideExponent() {
        // Exponent 1 − 1.35/2.25 = 0.4 instead of 1 − 0.6/1.5 = 0.6.
        Outcome o = EpsilonScalingClaims.checkOutsideSlope(trial(), BrokenObjectives.extraGrowth(0.75));
        assertThat(o.held()).isFalse();
    }

    @Test
    void theSlopeBoundIsTheWorstCaseOfTheLeastSquaresWeights() {
        // x = 0, 1, 2: weights (x − x̄)/S_xx = −½, 0, ½; errors 1, 5, 3 give ½ + 0 + 3/2 = 2.
        assertThat(EpsilonScalingClaims.slopeBound(new double[] {0, 1, 2}, new double[] {1, 5, 3}))
                .isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-15));
    }
}
