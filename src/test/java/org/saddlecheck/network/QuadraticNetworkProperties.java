package org.saddlecheck.network;

/** The contract for the quadratic network, σ(z) = z². */
class QuadraticNetworkProperties extends NetworkContract {
    @Override
    Catalogue.Entry entry() {
        return new Catalogue.Entry("quadratic", new FullyConnected(Activation.SQUARE, 3, 2, 4, false));
    }
}
