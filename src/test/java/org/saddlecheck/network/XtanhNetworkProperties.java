package org.saddlecheck.network;

/** The contract for the x·tanh(x) network (zero element, not homogeneous). */
class XtanhNetworkProperties extends NetworkContract {
    @Override
    Catalogue.Entry entry() {
        return new Catalogue.Entry("xtanh", new FullyConnected(Activation.XTANH, 3, 2, 4, false));
    }
}
