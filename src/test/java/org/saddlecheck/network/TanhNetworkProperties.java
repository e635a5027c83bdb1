package org.saddlecheck.network;

/** The contract for the tanh network (not homogeneous: the paper's negative control). */
class TanhNetworkProperties extends NetworkContract {
    @Override
    Catalogue.Entry entry() {
        return new Catalogue.Entry("tanh", new FullyConnected(Activation.TANH, 3, 2, 4, false));
    }
}
