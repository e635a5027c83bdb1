package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saddlecheck.network.DeepLinear;

class DeepNetworkClaimsTests {

    private static Trial trial(int index) {
        // Seed 3: trials drawn by the claim's own generator; any seed serves.
        return Search.trial(DeepNetworkClaims.zeroUnit(), 3, index);
    }

    @Test
    void aUnitWhoseOutWeightsAreLeftNonZeroGetsAGradient() {
        // Broken variant: only the in-weights of the unit are zeroed; its out-weights still carry
        // the residual back, so its in-weights' gradient is not zero and the claim's measure is.
        int failures = 0;
        for (int k = 0; k < 10; k++) {
            Trial t = trial(k);
            DeepLinear net = DeepNetworkClaims.network(t);
            double[] theta = DeepNetworkClaims.theta(t, net);
            int layer = t.integer("layer");
            int[] idx = DeepNetworkClaims.unitIndices(net, layer, t.integer("unit"));
            int inSize = layer == 1 ? net.inputs() : net.width1();
            for (int j = 0; j < inSize; j++) {
                theta[idx[j]] = 0;
            }
            double[] gradient = new double[net.dimension()];
            net.lossAndGradient(theta, gradient);
            double largest = 0;
            for (int j = 0; j < inSize; j++) {
                largest = Math.max(largest, Math.abs(gradient[idx[j]]));
            }
            if (largest > 0) {
                failures++;
            }
        }
        assertThat(failures).isPositive();
    }

    @Test
    void theZeroAndEqualUnitClaimsHoldOnGeneratedTrials() {
        for (int k = 0; k < 10; k++) {
            assertThat(DeepNetworkClaims.checkZero(trial(k)).held()).isTrue();
            assertThat(DeepNetworkClaims.checkEqual(trial(k)).held()).isTrue();
        }
    }
}
