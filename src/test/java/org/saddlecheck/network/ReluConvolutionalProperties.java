package org.saddlecheck.network;

/** The contract for the ReLU convolutional network. */
class ReluConvolutionalProperties extends NetworkContract {
    @Override
    Catalogue.Entry entry() {
        return new Catalogue.Entry("relu-conv", new Convolutional(Activation.RELU, 3, 2, 4));
    }
}
