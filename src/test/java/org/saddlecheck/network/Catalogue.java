package org.saddlecheck.network;

import java.util.List;
import java.util.SplittableRandom;
import org.saddlecheck.task.Dataset;

/**
 * Every network of the paper's table, at small sizes, with what the tests need to know of each:
 * the inputs it reads and the network whose absolute-value evaluation bounds its round-off
 * ({@link Magnitudes}).
 */
final class Catalogue {
    private Catalogue() {
    }

    /** One network of the catalogue. */
    record Entry(String name, Network network) {
        /** The same entry with another width. */
        Entry withWidth(int width) {
            return new Entry(name, network.withWidth(width));
        }

        /** The network whose magnitudes bound this one's: the linear network for tanh and x·tanh. */
        Network magnitudeNetwork() {
            if (network instanceof FullyConnected fc && (fc.activation() == Activation.TANH
                    || fc.activation() == Activation.XTANH)) {
                return new FullyConnected(Activation.LINEAR, fc.inputSize(), fc.outputSize(),
                        fc.width(), fc.bias());
            }
            return network;
        }

        /** Data for this network: in-context regression for attention, N(0, 1) otherwise. */
        Dataset data(int samples, SplittableRandom random) {
            if (network instanceof LinearAttention attention) {
                return Generators.inContextRegression(attention.dimension(), attention.context(),
                        samples, random);
            }
            return Generators.gaussianData(network, samples, random);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Each network at width H. */
    static List<Entry> all(int width) {
        return List.of(
                new Entry("linear", new FullyConnected(Activation.LINEAR, 3, 2, width, false)),
                new Entry("relu", new FullyConnected(Activation.RELU, 3, 2, width, false)),
                new Entry("relu with bias", new FullyConnected(Activation.RELU, 3, 2, width, true)),
                new Entry("quadratic", new FullyConnected(Activation.SQUARE, 3, 1, width, false)),
                new Entry("cubic", new FullyConnected(Activation.CUBE, 3, 1, width, false)),
                new Entry("tanh", new FullyConnected(Activation.TANH, 3, 2, width, false)),
                new Entry("xtanh", new FullyConnected(Activation.XTANH, 3, 2, width, false)),
                new Entry("linear-conv", new Convolutional(Activation.LINEAR, 3, 2, width)),
                new Entry("relu-conv", new Convolutional(Activation.RELU, 3, 2, width)),
                new Entry("attention", new LinearAttention(2, 4, width, false)),
                new Entry("attention-merged", new LinearAttention(2, 4, width, true)));
    }
}
