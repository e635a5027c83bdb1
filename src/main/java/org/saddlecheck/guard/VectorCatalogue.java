package org.saddlecheck.guard;

import java.util.List;
import java.util.Optional;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.dynamics.SaxeSolution;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.task.WhitenedRegression;

/**
 * The canonical scenarios exported as conformance vectors: every network kind of the paper's
 * Table 1, linear-timing (ln 1/ε plateaus, Section 6.1) and quadratic-timing (1/ε plateaus,
 * Section 6.2) cases, tied singular values, and tanh as the negative control (Section 6.4). Each is
 * small (P ≤ 100, H ≤ 10) so the whole catalogue exports in seconds.
 *
 * <p>The ReLU cases take their flow reference from fixed-step RK4 rather than the adaptive
 * integrator, whose step collapses where a pre-activation crosses the kink (see {@link Golden}).
 *
 * <p>Seeds are fixed so that the vectors are the same on every machine; any seed would do.
 */
public final class VectorCatalogue {
    /** Spectrum of the linear cases: well separated, so each drop is resolved (Section 6.1). */
    private static final double[] THREE_MODES = {1.0, 0.5, 0.25};
    /** Initial mode strength of the aligned, balanced case: ε² with ε = 10⁻⁶. */
    private static final double ORACLE_W0 = 1e-12;

    private VectorCatalogue() {
    }

    /** All cases, in a fixed order. */
    public static List<VectorCase> all() {
        return List.of(linearAligned(), linear(), linearTies(), linearConv(), reluConv(), relu(),
                quadratic(), cubic(), xtanh(), attention(), attentionMerged(), tanh());
    }

    /** The case of that name, if there is one. */
    public static Optional<VectorCase> named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The case of that name, or an input error listing the names. */
    public static VectorCase require(String name) {
        return named(name).orElseThrow(() -> new InvalidInputException("case '" + name
                + "' is not one of: " + String.join(", ", all().stream().map(VectorCase::name)
                        .toList())));
    }

    private static DynamicsSpec flow(double endTime) {
        return DynamicsSpec.flow(endTime, 1e-10);
    }

    /** Whitened linear network, aligned balanced start: the exact Saxe solution applies. */
    static VectorCase linearAligned() {
        NetworkSpec net = NetworkSpec.fullyConnected("linear", 4, 3, 4);
        DataSpec data = DataSpec.generated(DataSpec.WHITENED, 11, 16, THREE_MODES);
        WhitenedRegression w = WhitenedRegression.generate(4, 3, 16, THREE_MODES, 11);
        FullyConnected network = (FullyConnected) ScenarioResolver.network(net);
        double[] theta = new SaxeSolution(THREE_MODES, ORACLE_W0)
                .alignedBalancedTheta(network, firstColumns(w.Q(), 3), firstColumns(w.R(), 3));
        return new VectorCase("linear-aligned", "linear network, whitened data, aligned balanced"
                + " start: three logistic drops given exactly by the Saxe solution",
                new Scenario(net, data, InitSpec.explicit(theta), flow(70)), 0.05, true);
    }

    /** Whitened linear network, small Gaussian start: three drops at ln(1/ε)/s_k. */
    static VectorCase linear() {
        return new VectorCase("linear", "linear network, whitened data, N(0, ε²) start: three"
                + " drops in order of the singular values, plateaus of length ln(1/ε)",
                new Scenario(NetworkSpec.fullyConnected("linear", 4, 3, 6),
                        DataSpec.generated(DataSpec.WHITENED, 12, 16, THREE_MODES),
                        InitSpec.gaussian(1e-6, 13), flow(70)), 0.05, false);
    }

    /** A tied pair of singular values: rank grows by two in one drop. */
    static VectorCase linearTies() {
        return new VectorCase("linear-ties", "linear network with tied singular values (1, 1, ½):"
                + " the tied pair is learned in one drop",
                new Scenario(NetworkSpec.fullyConnected("linear", 4, 3, 6),
                        DataSpec.generated(DataSpec.WHITENED, 14, 16, 1.0, 1.0, 0.5),
                        InitSpec.gaussian(1e-6, 15), flow(70)), 0.05, false);
    }

    /** Linear convolution over two patches: the kernel rank grows (Table 1). */
    static VectorCase linearConv() {
        return new VectorCase("linear-conv", "linear convolutional network, two patches of size 2:"
                + " two drops, one per singular value of the patch statistic",
                new Scenario(new NetworkSpec("linear-conv", 6, 0, 0, false, 2, 2, 0, 0),
                        DataSpec.generated(DataSpec.PATCHES, 16, 16, 1.0, 0.4),
                        InitSpec.gaussian(1e-6, 17), flow(70)), 0.05, false);
    }

    /**
     * ReLU convolution over two patches of size 2, on the linear-conv data: kernels aligned with
     * the patch statistic's directions are recruited as rays.
     */
    static VectorCase reluConv() {
        return new VectorCase("relu-conv", "ReLU convolutional network, two patches of size 2:"
                + " kernels recruited as rays (fixed-step flow reference, since ReLU has kinks)",
                new Scenario(new NetworkSpec("relu-conv", 6, 0, 0, false, 2, 2, 0, 0),
                        DataSpec.generated(DataSpec.PATCHES, 16, 16, 1.0, 0.4),
                        InitSpec.gaussian(1e-6, 17), flow(70)), 0.05, false);
    }

    /** ReLU network on orthogonal inputs with two rays: the number of rays grows. */
    static VectorCase relu() {
        double[][] rays = {{1, 0, 0, 0}, {0, 1, 0, 0}};
        return new VectorCase("relu", "ReLU network, orthogonal inputs, two target rays of"
                + " different strength: one ray per drop",
                new Scenario(NetworkSpec.fullyConnected("relu", 4, 1, 6),
                        DataSpec.reluOrthogonal(18, 4, rays, new double[] {1.0, 0.25}),
                        InitSpec.gaussian(1e-6, 19), flow(70)), 0.05, false);
    }

    /** Quadratic network on y = x₁² − x₂²: units recruited one per drop, 1/ε plateaus. */
    static VectorCase quadratic() {
        return new VectorCase("quadratic", "quadratic network, y = x1² − x2²: one unit recruited"
                + " per drop, plateaus of length 1/ε",
                new Scenario(NetworkSpec.fullyConnected("quadratic", 2, 1, 6),
                        DataSpec.generated(DataSpec.QUADRATIC, 20, 40, 1.0, -1.0),
                        InitSpec.gaussian(1e-2, 21), flow(150)), 0.02, false);
    }

    /** Linear self-attention on in-context regression: heads recruited one per drop. */
    static VectorCase attention() {
        return new VectorCase("attention", "linear self-attention with rank-one key and query,"
                + " in-context regression: one head recruited per drop",
                new Scenario(new NetworkSpec("attention", 4, 0, 0, false, 0, 0, 2, 8),
                        DataSpec.generated(DataSpec.IN_CONTEXT, 22, 64, 1.0, 0.5),
                        InitSpec.gaussian(1e-2, 23), flow(200)), 0.02, false);
    }

    /** Cubic activation: lowest order cubic in u, sparse saddle-to-saddle (Section 6.4). */
    static VectorCase cubic() {
        return new VectorCase("cubic", "cubic activation σ(z) = z³ on whitened data: units"
                + " recruited one at a time, as for the quadratic network",
                new Scenario(NetworkSpec.fullyConnected("cubic", 4, 3, 6),
                        DataSpec.generated(DataSpec.WHITENED, 28, 16, THREE_MODES),
                        InitSpec.gaussian(1e-1, 29), flow(150)), 0.02, false);
    }

    /** x·tanh(x): quadratic at lowest order, sparse saddle-to-saddle (Section 6.4). */
    static VectorCase xtanh() {
        return new VectorCase("xtanh", "activation z·tanh z (quadratic at lowest order) on the"
                + " quadratic target: units recruited one at a time",
                new Scenario(NetworkSpec.fullyConnected("xtanh", 2, 1, 6),
                        DataSpec.generated(DataSpec.QUADRATIC, 30, 40, 1.0, -1.0),
                        InitSpec.gaussian(1e-2, 31), flow(150)), 0.02, false);
    }

    /** Merged key-query attention: a single drop, no saddle-to-saddle (Section 2.1). */
    static VectorCase attentionMerged() {
        return new VectorCase("attention-merged", "linear attention with one merged key-query"
                + " matrix per head (negative control): one abrupt drop",
                new Scenario(new NetworkSpec("attention-merged", 4, 0, 0, false, 0, 0, 2, 8),
                        DataSpec.generated(DataSpec.IN_CONTEXT, 32, 64, 1.0, 0.5),
                        InitSpec.gaussian(1e-2, 33), flow(200)), 0.02, false);
    }

    /** tanh network: the negative control, a first drop then a smooth decay. */
    static VectorCase tanh() {
        return new VectorCase("tanh", "tanh network (negative control): not homogeneous, so no"
                + " clean staircase is promised beyond the first drop",
                new Scenario(NetworkSpec.fullyConnected("tanh", 4, 3, 6),
                        DataSpec.generated(DataSpec.WHITENED, 24, 16, THREE_MODES),
                        InitSpec.gaussian(1e-6, 25), flow(70)), 0.05, false);
    }

    private static org.ejml.data.DMatrixRMaj firstColumns(org.ejml.data.DMatrixRMaj A, int m) {
        org.ejml.data.DMatrixRMaj B = new org.ejml.data.DMatrixRMaj(A.numRows, m);
        for (int r = 0; r < A.numRows; r++) {
            for (int c = 0; c < m; c++) {
                B.set(r, c, A.get(r, c));
            }
        }
        return B;
    }
}
