package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saddlecheck.network.Network;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.task.Dataset;

/** The saddle claims hold on correct networks and fail on a readout gradient off by 1%. */
class SaddleClaimsTests {

    /** Whitened data with s = (1, ½) for a 3 → 2 linear network of width H; seed arbitrary. */
    private static Dataset data(NetworkSpec spec) {
        return AnyNetwork.dataset(DataSpec.generated(DataSpec.WHITENED, 3, 12, 1.0, 0.5), spec);
    }

    private static NetworkSpec linear(int width) {
        return new NetworkSpec("linear", width, 3, 2, false, 0, 0, 0, 0);
    }

    @Test
    void theOriginSpectrumHoldsAndAWrongReadoutFactorShiftsIt() {
        NetworkSpec spec = linear(3);
        Network n = AnyNetwork.network(spec);
        assertThat(SaddleClaims.checkOrigin(n, data(spec)).held()).isTrue();
        Network broken = new BrokenNetwork(n, BrokenNetwork.Bug.READOUT_FACTOR);
        assertThat(SaddleClaims.checkOrigin(broken, data(spec)).verdict())
                .isEqualTo(Outcome.Verdict.VIOLATED);
    }

    @Test
    void theRankOneSaddleHasMostNegativeEigenvalueMinusTheSecondModeAndTheBugMovesIt() {
        NetworkSpec spec = linear(3);
        Network n = AnyNetwork.network(spec);
        assertThat(SaddleClaims.checkRankSaddle(n, data(spec), 1, 7).held()).isTrue();
        Network broken = new BrokenNetwork(n, BrokenNetwork.Bug.READOUT_FACTOR);
        assertThat(SaddleClaims.checkRankSaddle(broken, data(spec), 1, 7).verdict())
                .isEqualTo(Outcome.Verdict.VIOLATED);
    }

    @Test
    void theLinearOriginIsNotDegenerate() {
        NetworkSpec spec = linear(2);
        assertThat(SaddleClaims.checkDegenerate(AnyNetwork.network(spec), data(spec)).verdict())
                .isEqualTo(Outcome.Verdict.VIOLATED);
    }
}
