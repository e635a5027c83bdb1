package org.saddlecheck.figures;

import org.saddlecheck.Require;
import org.saddlecheck.network.Network;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.task.ExplicitData;
import org.saddlecheck.task.ReluData;
import org.ejml.data.DMatrixRMaj;

/**
 * The six networks of the paper's Figure 1 in the figure's setting (reconstructed: the paper gives
 * the architectures and the picture, not every number): two-dimensional first-layer weights
 * (D_in = 2, convolution kernels of size 2 over non-overlapping patches), width 50 for the fully
 * connected and convolutional networks, 10 heads or units for attention and the quadratic network,
 * small initialization, and a target that needs exactly two units. Each panel is a {@link Scenario},
 * so it runs through {@link ScenarioResolver} like any other.
 *
 * <p>Targets, each with two strengths a factor two apart so that the two drops are well separated:
 * <ul>
 * <li>linear FC: whitened regression 2 → 2 with singular values (1, ½) (two modes, rank two);</li>
 * <li>linear conv: two patches of size 2, patch statistic with singular values (1, ½);</li>
 * <li>ReLU FC: a ReLU teacher with two rays and output weights (1, ½) on two orthogonal inputs,
 *     one ray on each ({@link #reluFcData});</li>
 * <li>ReLU conv: a ReLU convolutional teacher with kernels e_1 and e_2, output weights (1, 1) and
 *     (½, ½) on the two patches, on two inputs that each excite one kernel ({@link #reluConvData});
 *     </li>
 * <li>linear self-attention: in-context regression with D = 2, N = 8 and input covariance
 *     Λ = diag(1, ½), so that two heads are needed and they have different strengths;</li>
 * <li>quadratic: y = x_1² − ½ x_2² with exact statistics, Σ_yZ = diag(2, −1).</li>
 * </ul>
 * ReLU networks run with fixed-step RK4 (an adaptive step collapses at the kinks of ReLU), the
 * others with the adaptive flow.
 */
public final class FigureOne {

    /** The panels of Figure 1, in the figure's order. */
    public enum Panel {
        /** Linear fully connected network. */
        LINEAR_FC("linear"),
        /** Linear convolutional network. */
        LINEAR_CONV("linear-conv"),
        /** ReLU fully connected network. */
        RELU_FC("relu"),
        /** ReLU convolutional network. */
        RELU_CONV("relu-conv"),
        /** Linear self-attention with separate rank-one key and query per head. */
        ATTENTION("attention"),
        /** Quadratic network, φ = (uᵀx)². */
        QUADRATIC("quadratic");

        private final String kind;

        Panel(String kind) {
            this.kind = kind;
        }

        /** The network kind, as named in scenario files. */
        public String kind() {
            return kind;
        }
    }

    /** Width of the fully connected and convolutional networks in Figure 1. */
    public static final int WIDE = 50;
    /** Units or heads of the attention and quadratic networks in Figure 1. */
    public static final int NARROW = 10;
    /** The number of units the targets need. */
    public static final int NEEDED = 2;

    private FigureOne() {
    }

    /**
     * The scenario of one panel at initialization scale ε and seed {@code seed} (of θ(0); the data
     * are fixed per panel).
     */
    public static Scenario scenario(Panel panel, double epsilon, long seed) {
        Require.positive("initialization scale ε", epsilon);
        InitSpec init = InitSpec.gaussian(epsilon, seed);
        double log = Math.log(1 / epsilon);
        Scenario bare = switch (panel) {
            case LINEAR_FC -> new Scenario(NetworkSpec.fullyConnected("linear", 2, 2, WIDE),
                    DataSpec.generated(DataSpec.WHITENED, 1, 8, 1, 0.5), init,
                    flow(2.2 * log + 8));
            case LINEAR_CONV -> new Scenario(conv("linear-conv"),
                    DataSpec.generated(DataSpec.PATCHES, 2, 8, 1, 0.5), init,
                    flow(2.2 * log + 8));
            case RELU_FC -> new Scenario(NetworkSpec.fullyConnected("relu", 2, 1, WIDE),
                    reluFcData(), init, DynamicsSpec.rungeKutta4(4.4 * log + 16, 0.05));
            case RELU_CONV -> new Scenario(conv("relu-conv"), reluConvData(), init,
                    DynamicsSpec.rungeKutta4(4.4 * log + 16, 0.05));
            case ATTENTION -> new Scenario(new NetworkSpec("attention", NARROW, 0, 0, false, 0, 0,
                    2, 8), new DataSpec(DataSpec.IN_CONTEXT, 4, 64, new double[] {1, 0.5}, null,
                    null), init, flow(12 / epsilon));
            case QUADRATIC -> new Scenario(NetworkSpec.fullyConnected("quadratic", 2, 1, NARROW),
                    DataSpec.generated(DataSpec.QUADRATIC, 5, 64, 1, -0.5), init,
                    flow(2 / epsilon));
        };
        return panel == Panel.ATTENTION ? withSnapshotGrid(bare, FINE_SNAPSHOTS)
                : withSnapshotGrid(bare);
    }

    /** Snapshots kept per run, evenly spaced in time: enough to find the middle of every plateau. */
    public static final int SNAPSHOTS = 200;

    /**
     * Snapshots of the attention panel: its middle plateau lasts G/ε with G a property of the draw
     * (Proposition 5: the gap between two recruitments), down to a few hundredths in slow time εt,
     * while its run lasts 12/ε; 2000 snapshots, 0.006/ε apart, place one inside such a plateau.
     */
    public static final int FINE_SNAPSHOTS = 2000;

    /** {@code scenario} with {@link #SNAPSHOTS} snapshots evenly spaced up to its end time. */
    public static Scenario withSnapshotGrid(Scenario scenario) {
        return withSnapshotGrid(scenario, SNAPSHOTS);
    }

    /** {@code scenario} with {@code count} snapshots evenly spaced up to its end time. */
    public static Scenario withSnapshotGrid(Scenario scenario, int count) {
        Require.positive("snapshot count", count);
        double end = scenario.dynamics().endTime();
        double[] times = new double[count];
        for (int k = 0; k < count; k++) {
            times[k] = Math.min(end, end * (k + 1) / count);
        }
        return scenario.withDynamics(scenario.dynamics().withSnapshots(times));
    }

    /** The panel whose network kind {@code kind} is. */
    public static Panel panelOf(String kind) {
        for (Panel p : Panel.values()) {
            if (p.kind().equals(kind)) {
                return p;
            }
        }
        throw new org.saddlecheck.InvalidInputException("network kind '" + kind
                + "' is not one of the networks of Figure 1");
    }

    private static NetworkSpec conv(String kind) {
        return new NetworkSpec(kind, WIDE, 0, 0, false, 2, 2, 0, 0);
    }

    private static DynamicsSpec flow(double end) {
        return DynamicsSpec.flow(end, 1e-8);
    }

    /**
     * Data for the ReLU fully connected panel: {@link ReluData#orthogonal} with D = P = 2 (seed 3)
     * and the teacher's rays placed on the two samples, r_μ = x_μ/‖x_μ‖, with output weights
     * (1, ½). The samples are orthogonal, so ray μ is active on sample μ alone and each ray is
     * learned from one sample: two rays needed, of strengths a factor two apart.
     */
    static DataSpec reluFcData() {
        long seed = 3;
        DMatrixRMaj probe = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});
        DMatrixRMaj X = ReluData.orthogonal(2, 2, probe, new double[] {1, 1}, seed).data().X();
        double[][] rays = new double[2][2];
        for (int mu = 0; mu < 2; mu++) {
            double norm = Math.hypot(X.get(mu, 0), X.get(mu, 1));
            rays[mu][0] = X.get(mu, 0) / norm;
            rays[mu][1] = X.get(mu, 1) / norm;
        }
        return DataSpec.reluOrthogonal(seed, 2, rays, new double[] {1, -0.5});
    }

    /**
     * Explicit data for the ReLU convolutional panel: two inputs made of two patches each,
     * x_1 = (e_1, e_1) and x_2 = (e_2, e_2), and targets from the teacher
     * Σ_j Σ_p relu(r_jᵀ x_p) a_jp with kernels r_1 = e_1, a_1 = (1, 1) and r_2 = e_2,
     * a_2 = (½, ½): kernel ray j is active on sample j alone, as for the fully connected panel.
     */
    static DataSpec reluConvData() {
        double[][] x = {{1, 0, 1, 0}, {0, 1, 0, 1}};
        Network teacher = ScenarioResolver.network(new NetworkSpec("relu-conv", 2, 0, 0, false, 2,
                2, 0, 0));
        // unit layout: u (kernel, 2 entries) then v (one weight per patch, 2 entries)
        double[] theta = {1, 0, 1, 1, 0, 1, -0.5, -0.5};
        DMatrixRMaj y = teacher.predict(theta, ExplicitData.matrix("inputs", x));
        return DataSpec.explicit(x, ExplicitData.rows(y));
    }
}
