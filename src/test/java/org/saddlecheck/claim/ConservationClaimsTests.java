package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saddlecheck.network.Network;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.task.Dataset;

/**
 * The conservation claims hold on correct networks and fail when ∂L/∂v is off by 1%, which
 * leaves a first-order term in dc/dt.
 */
class ConservationClaimsTests {

    private static NetworkSpec spec(String kind, int outputs) {
        return new NetworkSpec(kind, 2, 3, outputs, false, 0, 0, 0, 0);
    }

    /** Whitened data with 16 samples; the seed is arbitrary. */
    private static Dataset data(NetworkSpec spec) {
        return AnyNetwork.dataset(AnyNetwork.data(spec, 21, 16), spec);
    }

    /** θ(0) = 0.3·N(0, 1); the seed is arbitrary. */
    private static double[] theta0(Network n) {
        return ScenarioResolver.initialTheta(
                org.saddlecheck.scenario.InitSpec.gaussian(0.3, 22), n.parameterCount());
    }

    private static Network broken(Network n) {
        return new BrokenNetwork(n, BrokenNetwork.Bug.READOUT_FACTOR);
    }

    @Test
    void theStepIdentityHoldsForReluAndFailsWithAWrongReadoutFactor() {
        NetworkSpec s = spec("relu", 1);
        Network n = AnyNetwork.network(s);
        assertThat(ConservationClaims.checkIdentity(n, data(s), theta0(n), 0.1).held()).isTrue();
        assertThat(ConservationClaims.checkIdentity(broken(n), data(s), theta0(n), 0.1).verdict())
                .isEqualTo(Outcome.Verdict.VIOLATED);
    }

    @Test
    void theFlowConservesTheGramDifferenceAndFailsWithAWrongReadoutFactor() {
        NetworkSpec s = spec("linear", 2);
        Network n = AnyNetwork.network(s);
        assertThat(ConservationClaims.checkFlow(n, data(s), theta0(n)).held()).isTrue();
        assertThat(ConservationClaims.checkFlow(broken(n), data(s), theta0(n)).verdict())
                .isEqualTo(Outcome.Verdict.VIOLATED);
    }

    @Test
    void theDescentDriftHalvesWithTheStepAndNotWithAWrongReadoutFactor() {
        NetworkSpec s = spec("quadratic", 1);
        Network n = AnyNetwork.network(s);
        double eta = ConservationClaims.HALVING_TIME / 400;
        assertThat(ConservationClaims.checkHalving(n, data(s), theta0(n), eta).held()).isTrue();
        assertThat(ConservationClaims.checkHalving(broken(n), data(s), theta0(n), eta).verdict())
                .isEqualTo(Outcome.Verdict.VIOLATED);
    }
}
