package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.saddlecheck.analysis.ModeStrengths;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;

class LinearStageClaimsConvolutionTests {

    // A linear conv net with N_p = 3 patches of size k = 2, two well separated modes of the patch
    // statistic (ratio 1/3), H = 8 kernels, ε = 10⁻⁶: inside every linear claim's regime.
    // Seeds 1 and 2 are arbitrary.
    private static final double[] S = {1.5, 0.5};
    private static final int H = 8;
    private static final double EPSILON = 1e-6;

    private static Trial trial() {
        return Trial.of(new Scenario(LinearStageClaims.convolutional(3, 2, H),
                DataSpec.generated(DataSpec.PATCHES, 1, 6, S), InitSpec.gaussian(EPSILON, 2),
                DynamicsSpec.flow(LinearStageClaims.endTime(S, H, EPSILON), LinearRun.TOLERANCE)));
    }

    @Test
    void theModesOfAConvNetAreThoseOfThePatchStatistic() {
        // T read row by row from the 1 × 6 Σ_yx has the requested singular values (1.5, 0.5).
        DMatrixRMaj T = LinearRun.statistic(ScenarioResolver.resolve(trial().scenario()));
        assertThat(T.numRows).isEqualTo(3);
        assertThat(T.numCols).isEqualTo(2);
        double[] s = ModeStrengths.of(T).s();
        // The data are built with (1/P)Xᵀy = vec(T) to round-off: 1e-12 is many ulps of s_1.
        assertThat(s[0]).isCloseTo(S[0], org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s[1]).isCloseTo(S[1], org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theCorrectConvFlowMeetsEveryLinearClaim() {
        UnaryOperator<Objective> none = UnaryOperator.identity();
        assertThat(LinearStageClaims.checkTiming(trial(), none).held()).isTrue();
        assertThat(LinearStageClaims.checkOrder(trial(), none).held()).isTrue();
        assertThat(LinearStageClaims.checkPlateaus(trial(), none).held()).isTrue();
        assertThat(LinearStageClaims.checkWidthShift(trial(), none).held()).isTrue();
    }

    @Test
    void aConvFlowTwiceTooFastMissesTheHalfLearningTimesAndThePlateau() {
        // Time runs twice as fast: δ_1 ≈ −½ ln(2 s_1/(H ε²)) ≈ −13.6, far below the band.
        Outcome o = LinearStageClaims.checkTiming(trial(), BrokenObjectives.scaledGradient(2));
        assertThat(o.held()).isFalse();
        assertThat(o.measured()).isLessThan(-5);
        assertThat(LinearStageClaims.checkPlateaus(trial(), BrokenObjectives.scaledGradient(2)).held())
                .isFalse();
    }

    @Test
    void coupledKernelsBreakTheConvStageOrder() {
        Trial t = trial();
        Outcome o = LinearStageClaims.checkOrder(t, BrokenObjectives.meanUnitGradient(
                ScenarioResolver.network(t.scenario().network()).unitSize()));
        assertThat(o.held()).isFalse();
    }
}
