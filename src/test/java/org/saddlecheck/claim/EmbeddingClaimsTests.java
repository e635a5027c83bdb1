package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.saddlecheck.network.Network;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;

/** The Theorem 1 claims hold on a correct network and fail on a network with a declared bug. */
class EmbeddingClaimsTests {

    /** A tanh network of narrow width 2; the seeds are arbitrary, the point is generic for any. */
    private static Trial tanhTrial() {
        NetworkSpec spec = new NetworkSpec("tanh", 2, 3, 2, false, 0, 0, 0, 0);
        Network n = AnyNetwork.network(spec);
        Scenario s = new Scenario(spec, AnyNetwork.data(spec, 11, n.parameterCount() / 2 + 4),
                InitSpec.gaussian(0.7, 12), null);
        return Trial.of(s).with("unit", 0).with("gamma", 0.3).with("gamma-u", 0.5)
                .with("gamma-v", 0.8).with("mix", 13).with("star", 14);
    }

    private static DMatrixRMaj inputs(Trial t) {
        return AnyNetwork.dataset(t.scenario().data(), t.scenario().network()).X();
    }

    @Test
    void applicableConstructionsOfTanhKeepItsFixedPoint() {
        Trial t = tanhTrial();
        Network tanh = AnyNetwork.network(t.scenario().network());
        assertThat(EmbeddingClaims.check(tanh, inputs(t), t, false).held()).isTrue();
    }

    @Test
    void tanhDeclaredHomogeneousFailsTheEmbeddingClaim() {
        Trial t = tanhTrial();
        Network broken = new BrokenNetwork(AnyNetwork.network(t.scenario().network()),
                BrokenNetwork.Bug.DECLARED_HOMOGENEOUS);
        Outcome o = EmbeddingClaims.check(broken, inputs(t), t, false);
        assertThat(o.verdict()).isEqualTo(Outcome.Verdict.VIOLATED);
    }

    @Test
    void tanhDeclaredHomogeneousNoLongerShowsItsScalingBreaking() {
        Trial t = tanhTrial();
        Network broken = new BrokenNetwork(AnyNetwork.network(t.scenario().network()),
                BrokenNetwork.Bug.DECLARED_HOMOGENEOUS);
        // Declared homogeneous and linear-free: the only inapplicable construction left is the
        // combination, which still breaks; the scaling is now (wrongly) claimed to work.
        assertThat(EmbeddingClaims.cases(broken, 0.5, true)).extracting(c -> c.construction())
                .containsExactly(org.saddlecheck.network.Embeddings.Construction.LINEAR_COMBINATION);
    }
}
