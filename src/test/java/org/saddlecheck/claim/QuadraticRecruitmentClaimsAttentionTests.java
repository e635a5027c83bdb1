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

class QuadraticRecruitmentClaimsAttentionTests {

    // D = 2, N = 4 context tokens, H = 4 heads, Λ = diag(1.2, 1), P = 32 re-whitened sequences.
    // Seeds 5 and 6 are arbitrary.
    private static Trial trial() {
        return trial(4, 1.2, 1);
    }

    private static Trial trial(int heads, double... spectrum) {
        return Trial.of(new Scenario(new NetworkSpec("attention", heads, 0, 0, false, 0, 0, 2, 4),
                DataSpec.generated(DataSpec.IN_CONTEXT, 5, 32, spectrum).withExactStatistics(true),
                InitSpec.gaussian(1, 6), DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
    }

    @Test
    void attentionRatesAreHalfTheSquaredSpectrumWithBothSigns() {
        // M = ½[[0, Λ²], [Λ², 0]] has the eigenvalues ±Λ_a²/2.
        assertThat(QuadraticRecruitmentClaims.rates(trial()))
                .containsExactly(1.2 * 1.2 / 2, -1.2 * 1.2 / 2, 0.5, -0.5);
        assertThat(QuadraticRecruitmentClaims.slowestRate(trial())).isEqualTo(0.5);
    }

    @Test
    void attentionRecruitsOneHeadAfterAPlateauOfOrderOneOverEpsilon() {
        UnaryOperator<Objective> none = UnaryOperator.identity();
        assertThat(QuadraticRecruitmentClaims.checkInverseEpsilon(trial(), none).held()).isTrue();
        assertThat(QuadraticRecruitmentClaims.checkSparse(trial(), none).held()).isTrue();
    }

    @Test
    void aLinearGrowthTermTurnsTheAttentionPlateauIntoOneOfOrderLogOneOverEpsilon() {
        // With an extra growth rate 0.05 near 0 the weights escape in ≈ ln(1/ε)/0.05: from
        // ε = 10⁻³ to 10⁻⁵ that adds ≈ 92 time units, not the factor 100 of a 1/ε plateau.
        Outcome o = QuadraticRecruitmentClaims.checkInverseEpsilon(trial(),
                BrokenObjectives.extraGrowth(0.05));
        assertThat(o.held()).as(o.toString()).isFalse();
    }

    @Test
    void coupledHeadsAreRecruitedTogether() {
        // Every head receives the mean gradient, so all heads grow alike and none stays O(ε).
        // Λ = I: the offset bound rests on the slowest rate min Λ_a²/2, and on an isotropic
        // spectrum that is the rate of every eigenvector, so the bound carries no slack from
        // unequal rates. The correct flow holds on this trial too.
        Trial t = trial(4, 1, 1);
        assertThat(QuadraticRecruitmentClaims.checkSparse(t, UnaryOperator.identity()).held()).isTrue();
        Outcome o = QuadraticRecruitmentClaims.checkSparse(t, BrokenObjectives.meanUnitGradient(
                ScenarioResolver.network(t.scenario().network()).unitSize()));
        assertThat(o.held()).as(o.toString()).isFalse();
        assertThat(o.verdict()).isEqualTo(Outcome.Verdict.VIOLATED);
    }

    @Test
    void balancedHeadsBlowUpOnTimeAndAFlowTwiceTooFastDoesNot() {
        // Λ = diag(1.2, 1): head 0 has k = q = 10⁻³ e_1 and v = 10⁻³ (λ = 1.2²/2 = 0.72), head 1 has
        // k = −q = 2·10⁻³ e_2 and v = −2·10⁻³ (λ = −1/2, λ v = 10⁻³ above head 0's 7.2·10⁻⁴):
        // head 1 leads and reaches |v| = 0.1 at 1/(2·10⁻³) − 1/(2 · 0.5 · 0.1) = 490.
        double a = 1e-3;
        double b = 2e-3;
        double[] theta = {a, 0, a, 0, a, 0, b, 0, -b, -b};
        Trial t = Trial.of(new Scenario(new NetworkSpec("attention", 2, 0, 0, false, 0, 0, 2, 4),
                DataSpec.generated(DataSpec.IN_CONTEXT, 5, 32, 1.2, 1).withExactStatistics(true),
                InitSpec.explicit(theta), DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
        Outcome o = BalancedBlowUp.check(t, UnaryOperator.identity());
        assertThat(o.held()).as(o.toString()).isTrue();
        assertThat(o.predicted()).isCloseTo(1 / (2 * 0.5 * b) - 1 / (2 * 0.5 * BalancedBlowUp.LEVEL),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(BalancedBlowUp.check(t, BrokenObjectives.scaledGradient(2)).held()).isFalse();
    }

    @Test
    void moreHeadsShortenTheFirstPlateauAndAGradientDividedByTheWidthDoesNot() {
        // ∇L scaled by 10/(number of weights): 16-head networks run 8 times slower than 2-head
        // ones, which more than cancels the head start of the fastest of 16 heads.
        assertThat(QuadraticRecruitmentClaims.checkMoreUnits(trial(), UnaryOperator.identity()).held())
                .isTrue();
        UnaryOperator<Objective> perWeight = inner -> BrokenObjectives
                .scaledGradient(10.0 / inner.dimension()).apply(inner);
        assertThat(QuadraticRecruitmentClaims.checkMoreUnits(trial(), perWeight).held()).isFalse();
    }
}
