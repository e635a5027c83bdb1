package org.saddlecheck.network;

/** The contract for the fully connected ReLU network without bias. */
class ReluNetworkProperties extends NetworkContract {
    @Override
    Catalogue.Entry entry() {
        return new Catalogue.Entry("relu", new FullyConnected(Activation.RELU, 3, 2, 4, false));
    }
}
