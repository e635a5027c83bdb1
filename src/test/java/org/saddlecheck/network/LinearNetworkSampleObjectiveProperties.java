package org.saddlecheck.network;

import org.saddlecheck.task.Dataset;

/** The contract for the linear fully connected network with its sample-sum objective. */
class LinearNetworkSampleObjectiveProperties extends NetworkContract {
    @Override
    Catalogue.Entry entry() {
        return new Catalogue.Entry("linear, sample objective",
                new FullyConnected(Activation.LINEAR, 3, 2, 4, false));
    }

    @Override
    Objective objective(Dataset data) {
        return ((FullyConnected) network()).sampleObjective(data);
    }
}
