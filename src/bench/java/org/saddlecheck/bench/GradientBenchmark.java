package org.saddlecheck.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.task.Dataset;

/**
 * Gradient evaluations per second, L(θ) and ∇L(θ) together, for every network kind at a small and a
 * large size. Networks, data and θ(0) are resolved from scenario values exactly as
 * {@code simulate} resolves them. Everything is built in {@link #setUp}; the measured call reuses
 * the objective's workspaces and the gradient array, so {@code -prof gc} must show about 0 B/op (an
 * allocation there is a bug).
 *
 * <p>Sizes. Fully connected: D_in = D_out = 8, H = 32, P = 64 (small) and D_in = D_out = 32,
 * H = 128, P = 256 (large; the quadratic, cubic, tanh and x·tanh networks have the same sizes).
 * Convolutional: N_p = 4 patches of k = 2, H = 16, P = 64 and N_p = 16, k = 4, H = 64, P = 256.
 * Attention: D = 4, N = 8, 4 heads, P = 64 and D = 8, N = 32, 16 heads, P = 256.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GradientBenchmark {

    @Param({"linear", "relu", "quadratic", "cubic", "tanh", "xtanh", "linear-conv", "relu-conv",
        "attention", "attention-merged"})
    public String network;

    @Param({"small", "large"})
    public String size;

    private Objective objective;
    private double[] theta;
    private double[] gradient;

    @Setup
    public void setUp() {
        boolean large = size.equals("large");
        int samples = large ? 256 : 64;
        NetworkSpec spec;
        DataSpec data;
        if (network.endsWith("-conv")) {
            int patches = large ? 16 : 4;
            int kernel = large ? 4 : 2;
            spec = new NetworkSpec(network, large ? 64 : 16, 0, 0, false, patches, kernel, 0, 0);
            data = DataSpec.generated(DataSpec.PATCHES, 1, samples, 1.0, 0.5);
        } else if (network.startsWith("attention")) {
            int d = large ? 8 : 4;
            spec = new NetworkSpec(network, large ? 16 : 4, 0, 0, false, 0, 0, d, large ? 32 : 8);
            double[] identity = new double[d];
            Arrays.fill(identity, 1.0);
            data = DataSpec.generated(DataSpec.IN_CONTEXT, 1, samples, identity);
        } else {
            int d = large ? 32 : 8;
            spec = NetworkSpec.fullyConnected(network, d, d, large ? 128 : 32);
            data = DataSpec.generated(DataSpec.WHITENED, 1, samples, 1.0, 0.5, 0.25);
        }
        Network net = ScenarioResolver.network(spec);
        Dataset dataset = ScenarioResolver.data(data, spec, net);
        objective = net.objective(dataset);
        theta = ScenarioResolver.initialTheta(InitSpec.gaussian(0.1, 2), net.parameterCount());
        gradient = new double[theta.length];
    }

    /** One gradient evaluation; returns the loss so that the work cannot be removed. */
    @Benchmark
    public double lossAndGradient() {
        return objective.lossAndGradient(theta, gradient);
    }
}
