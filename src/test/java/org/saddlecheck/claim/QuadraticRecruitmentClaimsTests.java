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

class QuadraticRecruitmentClaimsTests {

    // D = 2, H = 4 units on y = x_1² − x_2². Seeds 5 and 6 are arbitrary.
    private static Trial trial() {
        return Trial.of(new Scenario(NetworkSpec.fullyConnected("quadratic", 2, 1, 4),
                DataSpec.generated(DataSpec.QUADRATIC, 5, 24, 1, -1), InitSpec.gaussian(1, 6),
                DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
    }

    @Test
    void theCorrectFlowRecruitsOneUnitAfterAPlateauOfOrderOneOverEpsilon() {
        UnaryOperator<Objective> none = UnaryOperator.identity();
        assertThat(QuadraticRecruitmentClaims.checkInverseEpsilon(trial(), none).held()).isTrue();
        assertThat(QuadraticRecruitmentClaims.checkSparse(trial(), none).held()).isTrue();
    }

    @Test
    void aLinearGrowthTermTurnsThePlateauIntoOneOfOrderLogOneOverEpsilon() {
        // With an extra growth rate λ = 0.05 near 0, the weights escape in ≈ ln(1/ε)/λ: from ε = 10⁻³
        // to 10⁻⁵ that adds ≈ 92 time units, not the factor 100 of a 1/ε plateau.
        Outcome o = QuadraticRecruitmentClaims.checkInverseEpsilon(trial(),
                BrokenObjectives.extraGrowth(0.05));
        assertThat(o.held()).isFalse();
    }

    @Test
    void coupledUnitsAreRecruitedTogether() {
        // Every unit receives the mean gradient, so all units grow alike and none stays O(ε).
        Trial t = trial();
        Outcome o = QuadraticRecruitmentClaims.checkSparse(t, BrokenObjectives.meanUnitGradient(
                ScenarioResolver.network(t.scenario().network()).unitSize()));
        assertThat(o.held()).isFalse();
        assertThat(o.verdict()).isEqualTo(Outcome.Verdict.VIOLATED);
    }

    @Test
    void aGradientDividedByTheWidthMakesWideNetworksSlower() {
        // ∇L scaled by 10/(number of weights): the 16-unit networks run 8 times slower than the
        // 2-unit ones, which more than cancels the head start of the fastest of 16 units.
        UnaryOperator<Objective> perWeight = inner -> BrokenObjectives
                .scaledGradient(10.0 / inner.dimension()).apply(inner);
        Outcome o = QuadraticRecruitmentClaims.checkMoreUnits(trial(), perWeight);
        assertThat(o.held()).isFalse();
    }

    @Test
    void balancedUnitsBlowUpOnTimeAndAFlowTwiceTooFastDoesNot() {
        // One unit on e_1 with v = 10⁻³ (λ v = 2·10⁻³) and one on e_2 with v = −2·10⁻³ (λ v = 4·10⁻³):
        // unit 1 leads and reaches |v| = 0.1 at 1/(4·2·10⁻³) − 1/(4·0.1) = 122.5.
        double v0 = 1e-3;
        double[] theta = {Math.sqrt(2) * v0, 0, v0, 0, Math.sqrt(2) * 2 * v0, -2 * v0};
        Trial t = Trial.of(new Scenario(NetworkSpec.fullyConnected("quadratic", 2, 1, 2),
                DataSpec.generated(DataSpec.QUADRATIC, 5, 24, 1, -1), InitSpec.explicit(theta),
                DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
        Outcome o = BalancedBlowUp.check(t, UnaryOperator.identity());
        assertThat(o.held()).isTrue();
        assertThat(o.predicted()).isCloseTo(122.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(BalancedBlowUp.check(t, BrokenObjectives.scaledGradient(2))
                .held()).isFalse();
    }

    @Test
    void tiedLeadersAreOutsideTheBlowUpRegime() {
        // Two growing units with the same λ v_i(0) = 2·10⁻³, one on e_1 and one on e_2: no unit has
        // the largest λ v_i(0), so the claim names none and the try is discarded, not judged.
        double v0 = 1e-3;
        double[] theta = {Math.sqrt(2) * v0, 0, v0, 0, Math.sqrt(2) * v0, -v0};
        Trial t = Trial.of(new Scenario(NetworkSpec.fullyConnected("quadratic", 2, 1, 2),
                DataSpec.generated(DataSpec.QUADRATIC, 5, 24, 1, -1), InitSpec.explicit(theta),
                DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
        Outcome o = BalancedBlowUp.check(t, UnaryOperator.identity());
        assertThat(o.verdict()).isEqualTo(Outcome.Verdict.DISCARDED);
    }
}
