package org.saddlecheck.scenario;

/**
 * Which network, and its sizes. Fields a kind does not use are 0 (or false).
 *
 * @param kind {@code linear}, {@code relu}, {@code quadratic}, {@code cubic}, {@code tanh},
 *     {@code xtanh} (fully connected); {@code linear-conv}, {@code relu-conv};
 *     {@code attention} (separate rank-one key and query per head), {@code attention-merged}
 * @param width H: hidden units, kernels or heads
 * @param inputs D_in for fully connected networks
 * @param outputs D_out for fully connected networks
 * @param bias a constant 1 appended to the input (fully connected ReLU and others)
 * @param patches N_p, the number of non-overlapping patches (convolutional)
 * @param kernel k, the kernel size (convolutional)
 * @param dimension D, the dimension of x in in-context regression (attention)
 * @param context N, the number of context tokens (attention)
 */
public record NetworkSpec(
        String kind,
        int width,
        int inputs,
        int outputs,
        boolean bias,
        int patches,
        int kernel,
        int dimension,
        int context) {

    /** A fully connected network. */
    public static NetworkSpec fullyConnected(String kind, int inputs, int outputs, int width) {
        return new NetworkSpec(kind, width, inputs, outputs, false, 0, 0, 0, 0);
    }

    public NetworkSpec withWidth(int h) {
        return new NetworkSpec(kind, h, inputs, outputs, bias, patches, kernel, dimension, context);
    }
}
