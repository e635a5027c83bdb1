package org.saddlecheck.network;

/** The contract for the fully connected ReLU network with the bias folded into the input. */
class ReluNetworkWithBiasProperties extends NetworkContract {
    @Override
    Catalogue.Entry entry() {
        return new Catalogue.Entry("relu with bias", new FullyConnected(Activation.RELU, 3, 2, 4, true));
    }
}
