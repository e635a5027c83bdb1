package org.saddlecheck.figures;

import org.apache.commons.math3.random.Well19937c;
import org.saddlecheck.Require;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.task.Draws;

/**
 * The negative and positive controls of the paper (Section 6.4 as summarised in the theory): the
 * Figure 1 setting with the one change that should alter (or keep) the picture.
 * <ul>
 * <li>{@link Control#TANH}: the linear panel's data with tanh units, which is not homogeneous: a
 *     fast first drop, then a slow smooth decay with no second plateau;</li>
 * <li>{@link Control#SCALAR_OUTPUT}, {@link Control#SCALAR_INPUT}: a linear network 2 → 1 or
 *     1 → 2 on whitened data, where Σ_yx has one singular value: a single drop;</li>
 * <li>{@link Control#MERGED_ATTENTION}: the attention panel with merged key-query heads, where one
 *     head expresses every map: a single drop;</li>
 * <li>{@link Control#XTANH}: the quadratic panel's target with φ = x·tanh(x), quadratic at lowest
 *     order: sparse saddle-to-saddle, two drops, one unit each;</li>
 * <li>{@link Control#CUBIC}: a cubic network on y = x_1³ − ½ x_2³: two drops, one unit each.</li>
 * </ul>
 */
public final class Controls {

    /** The controls. */
    public enum Control {
        /** tanh fully connected network on the linear panel's data. */
        TANH("tanh", 1),
        /** Linear network with one output. */
        SCALAR_OUTPUT("scalar-output", 1),
        /** Linear network with one input. */
        SCALAR_INPUT("scalar-input", 1),
        /** Linear attention with merged key-query. */
        MERGED_ATTENTION("attention-merged", 1),
        /** x·tanh(x) network on the quadratic target. */
        XTANH("xtanh", 2),
        /** Cubic network on a cubic target. */
        CUBIC("cubic", 2);

        private final String id;
        private final int drops;

        Control(String id, int drops) {
            this.id = id;
            this.drops = drops;
        }

        /** The control's name in claim ids. */
        public String id() {
            return id;
        }

        /** The number of drops the theory predicts. */
        public int drops() {
            return drops;
        }

        /** Whether the theory predicts a sparse saddle-to-saddle run (type III). */
        public boolean sparse() {
            return drops == 2;
        }
    }

    /**
     * The cubic control's horizon in slow time ε²t. A balanced cubic unit (‖u‖² = 3v², the
     * conserved quantity of a unit of degree 3) of size v on the direction e_k of a target term
     * c_k x_k³ grows as v̇ = 3√3 c_k E[x_k⁶] v³ = 45√3 c_k v³, so it blows up at 1/(90√3 c_k v(0)²):
     * the second unit (c_2 = ½) starting at v(0) = gε is recruited at ε²t = 1/(45√3 g²) ≈ 0.0128/g².
     * 0.25 covers g ≥ 0.23.
     */
    public static final double CUBIC_HORIZON = 0.25;

    private Controls() {
    }

    /** The scenario of a control at initialization scale ε and seed {@code seed} of θ(0). */
    public static Scenario scenario(Control control, double epsilon, long seed) {
        Require.positive("initialization scale ε", epsilon);
        InitSpec init = InitSpec.gaussian(epsilon, seed);
        double log = Math.log(1 / epsilon);
        Scenario bare = switch (control) {
            case TANH -> FigureOne.scenario(FigureOne.Panel.LINEAR_FC, epsilon, seed)
                    .withNetwork(NetworkSpec.fullyConnected("tanh", 2, 2, FigureOne.WIDE))
                    .withDynamics(DynamicsSpec.flow(4.4 * log + 16, 1e-8));
            case SCALAR_OUTPUT -> new Scenario(NetworkSpec.fullyConnected("linear", 2, 1,
                    FigureOne.WIDE), DataSpec.generated(DataSpec.WHITENED, 1, 8, 1), init,
                    DynamicsSpec.flow(2.2 * log + 8, 1e-8));
            case SCALAR_INPUT -> new Scenario(NetworkSpec.fullyConnected("linear", 1, 2,
                    FigureOne.WIDE), DataSpec.generated(DataSpec.WHITENED, 1, 8, 1), init,
                    DynamicsSpec.flow(2.2 * log + 8, 1e-8));
            case MERGED_ATTENTION -> {
                Scenario a = FigureOne.scenario(FigureOne.Panel.ATTENTION, epsilon, seed);
                NetworkSpec n = a.network();
                yield a.withNetwork(new NetworkSpec("attention-merged", n.width(), 0, 0, false,
                        0, 0, n.dimension(), n.context()));
            }
            case XTANH -> FigureOne.scenario(FigureOne.Panel.QUADRATIC, epsilon, seed)
                    .withNetwork(NetworkSpec.fullyConnected("xtanh", 2, 1, FigureOne.NARROW));
            case CUBIC -> new Scenario(NetworkSpec.fullyConnected("cubic", 2, 1,
                    FigureOne.NARROW), cubicData(), init,
                    DynamicsSpec.flow(CUBIC_HORIZON / (epsilon * epsilon), 1e-8));
        };
        return FigureOne.withSnapshotGrid(bare.withInit(init));
    }

    /**
     * y = x_1³ − ½ x_2³ on 64 inputs x ~ N(0, I_2) drawn from a {@link Well19937c} seeded with 8,
     * given as explicit data.
     */
    static DataSpec cubicData() {
        Well19937c random = Draws.generator(8);
        int samples = 64;
        double[][] x = new double[samples][2];
        double[][] y = new double[samples][1];
        for (int mu = 0; mu < samples; mu++) {
            x[mu][0] = random.nextGaussian();
            x[mu][1] = random.nextGaussian();
            y[mu][0] = Math.pow(x[mu][0], 3) - 0.5 * Math.pow(x[mu][1], 3);
        }
        return DataSpec.explicit(x, y);
    }
}
