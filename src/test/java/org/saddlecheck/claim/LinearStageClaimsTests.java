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
import org.saddlecheck.scenario.ScenarioResolver;

class LinearStageClaimsTests {

    // Two well separated modes (ratio 1/3), H = 8, ε = 10⁻⁶: deep inside every claim's regime.
    // Seeds 1 and 2 are arbitrary; any pair gives the same verdicts up to the false-alarm rate.
    private static final double[] S = {1.5, 0.5};
    private static final int H = 8;
    private static final double EPSILON = 1e-6;

    private static Trial trial() {
        NetworkSpec net = NetworkSpec.fullyConnected("linear", 3, 3, H);
        DataSpec data = DataSpec.generated(DataSpec.WHITENED, 1, 3, S);
        return Trial.of(new Scenario(net, data, InitSpec.gaussian(EPSILON, 2),
                DynamicsSpec.flow(LinearStageClaims.endTime(S, H, EPSILON), LinearRun.TOLERANCE)));
    }

    @Test
    void theCorrectFlowMeetsEveryLinearClaim() {
        UnaryOperator<Objective> none = UnaryOperator.identity();
        assertThat(LinearStageClaims.checkTiming(trial(), none).held()).isTrue();
        assertThat(LinearStageClaims.checkOrder(trial(), none).held()).isTrue();
        assertThat(LinearStageClaims.checkPlateaus(trial(), none).held()).isTrue();
    }

    @Test
    void aFlowTwiceTooFastMissesTheHalfLearningTimes() {
        // Time runs twice as fast: t_k ≈ t̂_k/2, so δ_1 ≈ −s_1 t̂_1 = −½ ln(2 s_1/(H ε²)) ≈ −13.6,
        // far below the band's lower edge −ln(q_{1−α/2}(8)/8) ≈ −1.5.
        Outcome o = LinearStageClaims.checkTiming(trial(), BrokenObjectives.scaledGradient(2));
        assertThat(o.held()).isFalse();
        assertThat(o.measured()).isLessThan(-5);
    }

    @Test
    void aFlowTwiceTooFastIsPastThePlateauWhenTheTheoryExpectsIt() {
        // At τ = (t̂_1 + t̂_2)/2 the fast flow has learned both modes: loss near 0, not s_2²/2.
        Outcome o = LinearStageClaims.checkPlateaus(trial(), BrokenObjectives.scaledGradient(2));
        assertThat(o.held()).isFalse();
    }

    @Test
    void coupledUnitsLearnOnlyOneModeAndBreakTheStageOrder() {
        Trial t = trial();
        Outcome o = LinearStageClaims.checkOrder(t, BrokenObjectives.meanUnitGradient(
                ScenarioResolver.network(t.scenario().network()).unitSize()));
        assertThat(o.held()).isFalse();
    }

    @Test
    void separationRuleRejectsOverlappingDropsAndAcceptsDistantOnes() {
        // s_2/s_1 = 0.95 at ε = 10⁻³: t̂_2 − t̂_1 ≈ (1/1.9 − 1/2)·ln(2/(8·10⁻⁶)) ≈ 0.33, shorter
        // than one drop width ln 81/1.9 ≈ 2.3, so the drops overlap.
        assertThat(LinearStageClaims.unseparated(new double[] {1, 0.95}, H, 1e-3)).isNotNull();
        assertThat(LinearStageClaims.unseparated(S, H, EPSILON)).isNull();
    }

    @Test
    void tiedDataGiveOneDropPerDistinctValueFromEveryInitialization() {
        // s = [1.5, 1.5, 0.5]: two distinct values. Seeds 7 and 8 are arbitrary.
        Trial t = Trial.of(new Scenario(NetworkSpec.fullyConnected("linear", 3, 3, 1),
                DataSpec.generated(DataSpec.WHITENED, 7, 3, 1.5, 1.5, 0.5), InitSpec.gaussian(1, 8),
                DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
        assertThat(DataVersusInitClaims.checkLinear(t, UnaryOperator.identity()).held()).isTrue();
        // Coupled units can only build a rank-one W: one drop, not two.
        Outcome broken = DataVersusInitClaims.checkLinear(t, BrokenObjectives.meanUnitGradient(
                ScenarioResolver.network(NetworkSpec.fullyConnected("linear", 3, 3, 1)).unitSize()));
        assertThat(broken.held()).isFalse();
    }

    @Test
    void wideningByFourMovesEveryDropByLnFourOverTwoSAndAWrongTimeScaleDoesNot() {
        assertThat(LinearStageClaims.checkWidthShift(trial(), UnaryOperator.identity()).held())
                .isTrue();
        // A width-dependent time scale: only the wide network (32 units of 6 weights, more than
        // the narrow one's 48 weights) runs twice too fast, so its drops come at about half their
        // time, a shift of about −s_k t̂_k ≈ −13 in 2s·Δt instead of −ln 4, far outside the band.
        UnaryOperator<Objective> fastWhenWide = inner -> inner.dimension() > 8 * 6
                ? BrokenObjectives.scaledGradient(2).apply(inner) : inner;
        assertThat(LinearStageClaims.checkWidthShift(trial(), fastWhenWide).held()).isFalse();
    }
}
