package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.saddlecheck.dynamics.GradientDescent;
import org.saddlecheck.network.Network;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;

/**
 * The Theorem 3 run claims hold on a correct network and fail when one unit's gradient leaks a
 * little of its neighbour's (a unit-coupling bug).
 */
class ManifoldRunClaimsTests {

    /**
     * A linear network of width 3 trained by gradient descent (η = 0.1 to t = 40) from
     * θ(0) = 0.1·N(0, 1) on a manifold; the seeds are arbitrary, any gives a generic start.
     */
    private static Trial linearTrial(int manifold, double gamma) {
        return linearTrial(manifold, gamma, descent());
    }

    /** The same network and start, trained by {@code dynamics}. */
    private static Trial linearTrial(int manifold, double gamma, DynamicsSpec dynamics) {
        return trial(new NetworkSpec("linear", 3, 3, 2, false, 0, 0, 0, 0), dynamics, manifold,
                gamma);
    }

    private static Network correct(Trial t) {
        return AnyNetwork.network(t.scenario().network());
    }

    private static Network coupled(Trial t) {
        return new BrokenNetwork(correct(t), BrokenNetwork.Bug.COUPLING);
    }

    @Test
    void equalUnitsStayBitwiseEqualAndTheCouplingBugSeparatesThem() {
        Trial t = linearTrial(0, 1);
        assertThat(ManifoldRunClaims.checkBitwise(correct(t), t).held()).isTrue();
        assertThat(ManifoldRunClaims.checkBitwise(coupled(t), t).verdict())
                .isEqualTo(Outcome.Verdict.VIOLATED);
    }

    @Test
    void aZeroUnitStaysZeroAndTheCouplingBugFillsIt() {
        Trial t = linearTrial(1, 1);
        assertThat(ManifoldRunClaims.checkBitwise(correct(t), t).held()).isTrue();
        assertThat(ManifoldRunClaims.checkBitwise(coupled(t), t).verdict())
                .isEqualTo(Outcome.Verdict.VIOLATED);
    }

    @Test
    void genericProportionalUnitsStayWithinTheirBoundAndTheCouplingBugBreaksIt() {
        Trial t = linearTrial(2, -0.37);
        assertThat(ManifoldRunClaims.checkDrift(correct(t), t, false).held()).isTrue();
        assertThat(ManifoldRunClaims.checkDrift(coupled(t), t, false).verdict())
                .isEqualTo(Outcome.Verdict.VIOLATED);
    }

    @Test
    void aDependentUnitStaysWithinItsBoundAndTheCouplingBugBreaksIt() {
        Trial t = linearTrial(3, 17);
        assertThat(ManifoldRunClaims.checkDrift(correct(t), t, false).held()).isTrue();
        assertThat(ManifoldRunClaims.checkDrift(coupled(t), t, false).verdict())
                .isEqualTo(Outcome.Verdict.VIOLATED);
    }

    /**
     * A trial of the round-off claim: a network of {@code spec} trained from θ(0) = 0.1·N(0, 1)
     * by {@code dynamics} to t = 40, units 0 and 2 (or the last unit, for the dependence) on the
     * manifold; the seeds are arbitrary, any gives a generic start.
     */
    private static Trial trial(NetworkSpec spec, DynamicsSpec dynamics, int manifold,
            double gamma) {
        Scenario s = new Scenario(spec, AnyNetwork.data(spec, 5, 20), InitSpec.gaussian(0.1, 6),
                dynamics);
        return Trial.of(s).with("manifold", manifold).with("unit", 0).with("other", 2)
                .with("gamma", gamma);
    }

    private static DynamicsSpec descent() {
        return DynamicsSpec.gradientDescent(ManifoldRunClaims.END_TIME, 0.1);
    }

    private static DynamicsSpec rungeKutta() {
        return DynamicsSpec.rungeKutta4(ManifoldRunClaims.END_TIME, 0.1);
    }

    private static DynamicsSpec adaptive() {
        return DynamicsSpec.flowDp54(ManifoldRunClaims.END_TIME, ManifoldRunClaims.ADAPTIVE_TOLERANCE);
    }

    /** The shared check: the correct network holds the claim, the coupled one violates it. */
    private static void heldAndBrokenByTheCouplingLeak(Trial t) {
        Outcome held = ManifoldRunClaims.checkDrift(correct(t), t, false);
        assertThat(held.held()).as(held.description()).isTrue();
        assertThat(ManifoldRunClaims.checkDrift(coupled(t), t, false).verdict())
                .isEqualTo(Outcome.Verdict.VIOLATED);
    }

    @Test
    void proportionalKernelsOfALinearConvolutionStayWithinTheirBound() {
        NetworkSpec spec = new NetworkSpec("linear-conv", 3, 0, 0, false, 3, 2, 0, 0);
        heldAndBrokenByTheCouplingLeak(trial(spec, descent(), 2, -0.37));
    }

    @Test
    void aDependentKernelOfALinearConvolutionStaysWithinItsBoundUnderTheAdaptiveFlow() {
        NetworkSpec spec = new NetworkSpec("linear-conv", 3, 0, 0, false, 3, 2, 0, 0);
        heldAndBrokenByTheCouplingLeak(trial(spec, adaptive(), 3, 23));
    }

    @Test
    void proportionalKernelsOfAReluConvolutionStayWithinTheirBoundUnderRk4() {
        NetworkSpec spec = new NetworkSpec("relu-conv", 3, 0, 0, false, 2, 3, 0, 0);
        heldAndBrokenByTheCouplingLeak(trial(spec, rungeKutta(), 2, 2.7));
    }

    @Test
    void proportionalMergedAttentionHeadsStayWithinTheirBound() {
        NetworkSpec spec = new NetworkSpec("attention-merged", 3, 0, 0, false, 0, 0, 2, 4);
        heldAndBrokenByTheCouplingLeak(trial(spec, descent(), 2, 0.61));
    }

    @Test
    void aDependentMergedAttentionHeadStaysWithinItsBoundUnderRk4() {
        NetworkSpec spec = new NetworkSpec("attention-merged", 3, 0, 0, false, 0, 0, 2, 3);
        heldAndBrokenByTheCouplingLeak(trial(spec, rungeKutta(), 3, 29));
    }

    @Test
    void proportionalReluUnitsStayWithinTheirBoundUnderRk4() {
        NetworkSpec spec = new NetworkSpec("relu", 3, 2, 2, true, 0, 0, 0, 0);
        heldAndBrokenByTheCouplingLeak(trial(spec, rungeKutta(), 2, 4.2));
    }

    @Test
    void linearUnitsUnderTheAdaptiveFlowStayWithinTheirBound() {
        heldAndBrokenByTheCouplingLeak(linearTrial(2, -0.37, adaptive()));
        heldAndBrokenByTheCouplingLeak(linearTrial(3, 17, adaptive()));
    }

    @Test
    void anRk4WhoseCombinationIsOffInOneUnitByOnePartInATrillionFails() {
        for (Trial t : new Trial[] {linearTrial(2, -0.37, rungeKutta()),
                linearTrial(3, 17, rungeKutta())}) {
            Network n = correct(t);
            assertThat(ManifoldRunClaims.checkDrift(n, t, false).held()).isTrue();
            Outcome broken = ManifoldRunClaims.checkDrift(n,
                    new BrokenRungeKutta4(0.1, n.unitSize()), t, false);
            assertThat(broken.verdict()).as(broken.description())
                    .isEqualTo(Outcome.Verdict.VIOLATED);
        }
    }

    @Test
    void theBoundRefusesAnIntegratorItDoesNotModel() {
        // Gradient descent evaluates one gradient per step where RK4 evaluates four: the bound's
        // reading of the stages must notice, not accept the run.
        Trial t = linearTrial(2, -0.37, rungeKutta());
        Network n = correct(t);
        assertThatThrownBy(() -> ManifoldRunClaims.checkDrift(n, new GradientDescent(0.1), t,
                false))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tanhIsOutsideTheProportionalClaimAndFailsItWhenDeclaredHomogeneous() {
        NetworkSpec spec = new NetworkSpec("tanh", 2, 3, 2, false, 0, 0, 0, 0);
        Scenario s = new Scenario(spec, AnyNetwork.data(spec, 5, 20), InitSpec.gaussian(0.3, 6),
                DynamicsSpec.gradientDescent(ManifoldRunClaims.END_TIME, 0.1));
        Trial t = Trial.of(s).with("manifold", 2).with("unit", 0).with("other", 1)
                .with("gamma", 2.5);
        Network tanh = correct(t);
        assertThat(ManifoldRunClaims.checkDrift(tanh, t, false).verdict())
                .isEqualTo(Outcome.Verdict.DISCARDED);
        Network declared = new BrokenNetwork(tanh, BrokenNetwork.Bug.DECLARED_HOMOGENEOUS);
        assertThat(ManifoldRunClaims.checkDrift(declared, t, false).verdict())
                .isEqualTo(Outcome.Verdict.VIOLATED);
        assertThat(ManifoldRunClaims.checkDrift(tanh, t, true).held()).isTrue();
    }

    @Test
    void mergingEqualUnitsOfACoupledNetworkStillKeepsOutputsSinceMergingReadsNoGradient() {
        // The merge claim is about the map alone: a gradient bug cannot break it, a wrong merge
        // rule can. Merging with the wrong readout (v_i unchanged) changes the outputs.
        Trial t = linearTrial(0, 1);
        Network n = correct(t);
        assertThat(ManifoldRunClaims.checkMerge(n, t).held()).isTrue();
        double[] theta = ManifoldRunClaims.start(n, t);
        double[] wrong = org.saddlecheck.network.Manifolds.removeUnit(n, theta, 0);
        var f = n.predict(theta, AnyNetwork.dataset(t.scenario().data(), t.scenario().network()).X());
        var g = n.withWidth(2).predict(wrong,
                AnyNetwork.dataset(t.scenario().data(), t.scenario().network()).X());
        assertThat(Math.abs(f.get(0, 0) - g.get(0, 0))).isGreaterThan(1e-6);
    }
}
