package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
        NetworkSpec spec = new NetworkSpec("linear", 3, 3, 2, false, 0, 0, 0, 0);
        Scenario s = new Scenario(spec, AnyNetwork.data(spec, 5, 20), InitSpec.gaussian(0.1, 6),
                DynamicsSpec.gradientDescent(ManifoldRunClaims.END_TIME, 0.1));
        return Trial.of(s).with("manifold", manifold).with("unit", 0).with("other", 2)
                .with("gamma", gamma);
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
