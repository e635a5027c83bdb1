package org.saddlecheck.network;

/** The contract for the cubic network, σ(z) = z³. */
class CubicNetworkProperties extends NetworkContract {
    @Override
    Catalogue.Entry entry() {
        return new Catalogue.Entry("cubic", new FullyConnected(Activation.CUBE, 3, 2, 4, false));
    }
}
