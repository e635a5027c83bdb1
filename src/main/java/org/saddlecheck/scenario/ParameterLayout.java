package org.saddlecheck.scenario;

import java.util.ArrayList;
import java.util.List;
import org.saddlecheck.Require;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.Network;

/**
 * Where each weight sits in the flat parameter vector θ ({@link Network}): H units, each a block of
 * |u| + |v| entries, u_i first, then v_i. The labels name the entries of one block in order, so
 * that θ reshaped to H × (|u| + |v|) has the columns {@code u} followed by {@code v}.
 *
 * <p>Labels: for fully connected networks u = x[0] … x[D_in−1] (then {@code bias} when the network
 * has one) and v = y[0] … y[D_out−1]; for other networks u[j] and v[j] unless their layout is known
 * here.
 *
 * @param network the network kind
 * @param width H
 * @param uSize |u|
 * @param vSize |v|
 * @param u the labels of the entries of u_i, in order (|u| of them)
 * @param v the labels of the entries of v_i, in order (|v| of them)
 */
public record ParameterLayout(
        String network, int width, int uSize, int vSize, List<String> u, List<String> v) {

    public ParameterLayout {
        Require.that(u.size() == uSize, "there are " + u.size() + " labels for u but |u| = " + uSize);
        Require.that(v.size() == vSize, "there are " + v.size() + " labels for v but |v| = " + vSize);
        u = List.copyOf(u);
        v = List.copyOf(v);
    }

    /** The layout of {@code network}'s parameter vector. */
    public static ParameterLayout of(Network network) {
        List<String> u = numbered("u", network.uSize());
        List<String> v = numbered("v", network.vSize());
        if (network instanceof FullyConnected fc) {
            u = numbered("x", fc.inputSize());
            if (fc.bias()) {
                u.add("bias");
            }
            v = numbered("y", fc.outputSize());
        }
        return new ParameterLayout(network.kind(), network.width(), network.uSize(),
                network.vSize(), u, v);
    }

    /** |u| + |v|. */
    public int unitSize() {
        return uSize + vSize;
    }

    /** H·(|u| + |v|), the length of θ. */
    public int parameterCount() {
        return width * unitSize();
    }

    static List<String> numbered(String name, int count) {
        List<String> labels = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            labels.add(name + "[" + j + "]");
        }
        return labels;
    }
}
