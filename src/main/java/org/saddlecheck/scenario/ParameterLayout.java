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
 * <p>Labels, as each network documents its layout:
 * <ul>
 *   <li>fully connected: u = x[0] … x[D_in−1] (then {@code bias} when the network has one),
 *       v = y[0] … y[D_out−1];</li>
 *   <li>convolutional: u = kernel[0] … kernel[k−1], v = patch[0] … patch[N_p−1];</li>
 *   <li>attention: u = key[0] … key[D−1], query[0] … query[D−1], v = value;</li>
 *   <li>attention-merged: u = W[a][b] row-major (W_ab at a·D + b), v = value;</li>
 *   <li>any other network: u[j] and v[j].</li>
 * </ul>
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
        int uSize = network.uSize();
        int vSize = network.vSize();
        List<String> u;
        List<String> v;
        if (network instanceof FullyConnected fc) {
            u = numbered("x", fc.inputSize());
            if (fc.bias()) {
                u.add("bias");
            }
            v = numbered("y", fc.outputSize());
        } else if (Kinds.CONVOLUTIONAL.contains(network.kind())) {
            u = numbered("kernel", uSize);
            v = numbered("patch", vSize);
        } else if (network.kind().equals("attention") && uSize % 2 == 0 && vSize == 1) {
            u = numbered("key", uSize / 2);
            u.addAll(numbered("query", uSize / 2));
            v = List.of("value");
        } else if (network.kind().equals("attention-merged") && vSize == 1) {
            int d = (int) Math.round(Math.sqrt(uSize));
            u = new ArrayList<>();
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    u.add("W[" + a + "][" + b + "]");
                }
            }
            v = List.of("value");
        } else {
            u = numbered("u", uSize);
            v = numbered("v", vSize);
        }
        return new ParameterLayout(network.kind(), network.width(), uSize, vSize, u, v);
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
