package org.saddlecheck.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.saddlecheck.network.Objective;

/**
 * Gradient evaluations per second, L(θ) and ∇L(θ) together, for each network and size. Everything
 * is built in {@link #setUp}; the measured call reuses the objective's workspaces and the gradient
 * array, so {@code -prof gc} must show about 0 B/op (an allocation there is a bug).
 *
 * <p>Add a network by adding its name to {@link #network} (and a branch to {@link BenchCase}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GradientBenchmark {

    @Param({"linear"})
    public String network;

    /** D_in x D_out x H. */
    @Param({"8x8x32", "32x32x128"})
    public String size;

    private Objective objective;
    private double[] theta;
    private double[] gradient;

    @Setup
    public void setUp() {
        BenchCase c = BenchCase.of(network, size);
        objective = c.objective();
        theta = c.start(0.1);
        gradient = new double[theta.length];
    }

    /** One gradient evaluation; returns the loss so that the work cannot be removed. */
    @Benchmark
    public double lossAndGradient() {
        return objective.lossAndGradient(theta, gradient);
    }
}
