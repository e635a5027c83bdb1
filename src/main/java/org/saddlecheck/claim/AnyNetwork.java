package org.saddlecheck.claim;

import java.util.Arrays;
import java.util.List;
import org.saddlecheck.network.Network;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.task.Dataset;

/**
 * Small networks of every kind of the paper's table (fully connected with each activation, with
 * and without bias, linear and ReLU convolutions, attention with separate and merged key-query),
 * each with the data it is trained on, for claims that must hold over all networks. Trials are
 * resolved through {@link ScenarioResolver}, the one place that maps kinds to classes.
 *
 * <p>Sizes: fully connected D_in ≤ 3, D_out ≤ 2; convolutions N_p ≤ 3 patches of size k ≤ 3;
 * attention D ≤ 2, N ≤ 4 context tokens. The data: whitened regression, patches with a
 * generated spectrum, or in-context regression with exact statistics.
 */
public final class AnyNetwork {

    /** Every network kind of the project, in the order generators list them. */
    public static final List<String> KINDS = List.of("linear", "relu", "quadratic", "cubic",
            "tanh", "xtanh", "linear-conv", "relu-conv", "attention", "attention-merged");

    private AnyNetwork() {
    }

    /**
     * Networks of one of {@code kinds} with H in [{@code fewest}, {@code most}]; fully connected
     * ones get a bias with probability ½ when {@code bias}.
     */
    public static Gen<NetworkSpec> specs(List<String> kinds, int fewest, int most, boolean bias) {
        Gen<String> kind = Gen.oneOf(kinds.toArray(new String[0]));
        Gen<Integer> width = Generators.widths(fewest, most);
        Gen<Integer> small = Gen.integers(1, 3);
        Gen<Integer> outputs = Gen.integers(1, 2);
        Gen<Integer> dimension = Gen.integers(1, 2);
        Gen<Integer> context = Gen.integers(2, 4);
        Gen<NetworkSpec> network = c -> {
            String k = kind.draw(c);
            int h = width.draw(c);
            if (k.endsWith("-conv")) {
                return new NetworkSpec(k, h, 0, 0, false, small.draw(c), small.draw(c), 0, 0);
            }
            if (k.startsWith("attention")) {
                return new NetworkSpec(k, h, 0, 0, false, 0, 0, dimension.draw(c),
                        context.draw(c));
            }
            int dIn = small.draw(c);
            int dOut = outputs.draw(c);
            return new NetworkSpec(k, h, dIn, dOut, bias && c.flag(0.5), 0, 0, 0, 0);
        };
        return network.named("network");
    }

    /**
     * Data for {@code network}: a seed and {@code samples} samples (raised to what the generator
     * needs), with the spectrum s_k = 2^{1−k} over the largest number of modes the network allows.
     */
    public static DataSpec data(NetworkSpec network, long seed, int samples) {
        String kind = network.kind();
        if (kind.endsWith("-conv")) {
            int p = Math.max(samples, network.patches() * network.kernel());
            return DataSpec.generated(DataSpec.PATCHES, seed, p,
                    halving(Math.min(network.patches(), network.kernel())));
        }
        if (kind.startsWith("attention")) {
            int d = network.dimension();
            double[] identity = new double[d];
            Arrays.fill(identity, 1.0);
            return DataSpec.generated(DataSpec.IN_CONTEXT, seed, Math.max(samples, d * d),
                    identity);
        }
        return DataSpec.generated(DataSpec.WHITENED, seed, Math.max(samples, network.inputs()),
                halving(Math.min(network.inputs(), network.outputs())));
    }

    /** The network a spec describes. */
    public static Network network(NetworkSpec spec) {
        return ScenarioResolver.network(spec);
    }

    /** The data of {@code spec} for the network of {@code network}. */
    public static Dataset dataset(DataSpec spec, NetworkSpec network) {
        return ScenarioResolver.data(spec, network, network(network));
    }

    /** s_k = 2^{1−k}, k = 1 … n. */
    private static double[] halving(int n) {
        double[] s = new double[n];
        for (int k = 0; k < n; k++) {
            s[k] = Math.scalb(1.0, -k);
        }
        return s;
    }
}
