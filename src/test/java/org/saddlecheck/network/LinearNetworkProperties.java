package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saddlecheck.task.Dataset;

/** The contract for the linear fully connected network with its second-moment objective. */
class LinearNetworkProperties extends NetworkContract {
    @Override
    Catalogue.Entry entry() {
        return new Catalogue.Entry("linear", new FullyConnected(Activation.LINEAR, 3, 2, 4, false));
    }

    @Override
    double lossError(Dataset data, double[] theta) {
        return super.lossError(data, theta) + StatisticsRoundOff.extraLossError(network(), data, theta);
    }

    @Test
    void theObjectiveIsTheSecondMomentForm() {
        Dataset data = entry().data(5, random(20));
        assertThat(network().objective(data)).isInstanceOf(LinearStatisticsObjective.class);
    }

    @Test
    void theStatisticsAndTheSampleObjectivesAgree() {
        SplittableRandom random = random(21);
        Dataset data = entry().data(24, random);
        FullyConnected fc = (FullyConnected) network();
        StatisticsAgreement.check(network().objective(data), fc.sampleObjective(data), this, data,
                points(random));
    }
}
