package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.saddlecheck.task.Dataset;

/** The second-moment and the sample-sum objectives of a linear network compute the same L and ∇L. */
final class StatisticsAgreement {
    private StatisticsAgreement() {
    }

    /**
     * Loss within δL_samples + δL_statistics (the latter with the extra pseudo-inverse term of
     * {@link StatisticsRoundOff}); gradient within twice the sample-sum bound, which also bounds the
     * statistics gradient V(WΣ_xx − Σ_yx), a regrouping of the same products.
     */
    static void check(Objective statistics, Objective samples, NetworkContract contract,
            Dataset data, List<double[]> points) {
        for (double[] theta : points) {
            Magnitudes m = contract.magnitudes(data, theta);
            double[] gs = new double[theta.length];
            double[] gp = new double[theta.length];
            double ls = statistics.lossAndGradient(theta, gs);
            double lp = samples.lossAndGradient(theta, gp);
            assertThat(Math.abs(ls - lp)).isLessThanOrEqualTo(
                    contract.lossError(data, theta) + m.lossError());
            for (int j = 0; j < theta.length; j++) {
                assertThat(Math.abs(gs[j] - gp[j])).isLessThanOrEqualTo(2 * m.entry(j));
            }
        }
    }
}
