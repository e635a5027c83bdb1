package org.saddlecheck.claim;

import java.util.List;
import org.saddlecheck.SaddlecheckException;
import org.saddlecheck.figures.FigureOne;
import org.saddlecheck.figures.FigureOne.Panel;
import org.saddlecheck.figures.StagedRun;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.Scenario;

/**
 * Validity maps of gradient descent against gradient flow (claim
 * {@code dynamics.gd-drop-delay-halves-with-eta}) on a grid of the learning rate η and the gap
 * ratio s_2/s_1 (s_1 = 1), for the linear network of Figure 1 (whitened 2 → 2, H = 50,
 * ε = {@value #EPSILON}, fixed seeds). Three maps, one question each, per cell:
 * <ul>
 * <li><b>stages</b>: GD shows two drops, the first learning the stronger mode (the plateau between
 *     them nearest ½ s_2² in ln L, not ½ s_1²), and ends on a plateau;</li>
 * <li><b>delay</b>: the claim's check without its regime gate: the ratio of the delays against the
 *     flow at η and η/2 within its O(η) prediction 2(1 − x/6)/(1 − x/12) ± (x² + e), x = ηs_k;</li>
 * <li><b>no divergence</b>: GD at η finishes with finite weights and a loss below its start. Its
 *     value is η/η_c with η_c = 2/λ_max = 1/s_1: at a balanced solution of one mode of strength s
 *     the Hessian is the Gauss–Newton matrix [b; a][b; a]ᵀ of the strength w = aᵀb, whose only
 *     non-zero eigenvalue is ‖a‖² + ‖b‖² = 2s, so explicit Euler is unstable there for η &gt; 1/s
 *     (Section 6.1 conventions, whitened inputs).</li>
 * </ul>
 * Each row (one gap ratio) runs to the same end time: the flow's second drop
 * t_2 = (1/(2s_2)) ln(2s_2/(Hε²)) with a margin, stretched by the largest slowing factor of GD on
 * the grid, x/ln(1 + x) at x = η_max s_2, so that a drop delayed by GD stays inside the run.
 */
public final class DiscreteStepValidityMaps {

    /** The claim these maps sweep. */
    static final String CLAIM = "dynamics.gd-drop-delay-halves-with-eta";
    /** Learning rates of the default map, increasing, across η_c = 1. */
    static final double[] ETAS = {0.02, 0.1, 0.5, 1.5};
    /** Learning rates of the deep map, increasing, up to three times η_c = 1. */
    static final double[] DEEP_ETAS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 1.0, 1.4, 2.0,
        3.0};
    /** Gap ratios s_2/s_1 of the default map. */
    static final double[] RATIOS = {0.3, 0.5, 0.9};
    /** Gap ratios s_2/s_1 of the deep map. */
    static final double[] DEEP_RATIOS = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    /** The initialization scale: inside the claim's range 10⁻⁸ … 10⁻⁶. */
    static final double EPSILON = 1e-7;
    // Seed 1 for θ(0): any seed; the map is a picture of one network.
    private static final long SEED = 1;
    private static final double S1 = 1;

    private DiscreteStepValidityMaps() {
    }

    /** The three maps of the claim, default or deep grids. */
    public static List<ValidityMap> maps(boolean deep) {
        double[] x = deep ? DEEP_ETAS : ETAS;
        double[] y = deep ? DEEP_RATIOS : RATIOS;
        boolean[][] stagesHeld = new boolean[y.length][x.length];
        double[][] stagesValue = new double[y.length][x.length];
        boolean[][] delayHeld = new boolean[y.length][x.length];
        double[][] delayValue = new double[y.length][x.length];
        boolean[][] stableHeld = new boolean[y.length][x.length];
        double[][] stableValue = new double[y.length][x.length];
        for (int j = 0; j < y.length; j++) {
            Scenario flow = flow(y[j], x[x.length - 1]);
            for (int i = 0; i < x.length; i++) {
                Cell c = cell(flow, x[i]);
                stagesHeld[j][i] = c.stages().held();
                stagesValue[j][i] = c.stages().usage();
                delayHeld[j][i] = c.delay().held();
                delayValue[j][i] = c.delay().usage();
                stableHeld[j][i] = c.stable();
                stableValue[j][i] = x[i] * S1;
            }
        }
        double[] regime = {0.02, 0.08, 0.5, 0.5};
        return List.of(
                new ValidityMap(CLAIM, "GD keeps two drops in the flow's order", "$\\eta$",
                        "$s_2/s_1$", true, false, x, y, stagesHeld, stagesValue, regime),
                new ValidityMap(CLAIM, "GD drop delays halve with η within the O(η) prediction",
                        "$\\eta$", "$s_2/s_1$", true, false, x, y, delayHeld, delayValue, regime),
                new ValidityMap(CLAIM, "GD does not diverge (value η/η_c, η_c = 1/s_1)",
                        "$\\eta$", "$s_2/s_1$", true, false, x, y, stableHeld, stableValue,
                        regime));
    }

    /**
     * The three outcomes at one cell.
     *
     * @param stages two drops in the flow's order, ending on a plateau
     * @param delay the claim's check
     * @param stable whether GD at η finished with finite weights and a loss below its start
     */
    record Cell(Outcome stages, Outcome delay, boolean stable) {
    }

    /** Runs GD at η (and η/2, and the flow, for the delay) on {@code flow}'s setting. */
    static Cell cell(Scenario flow, double eta) {
        Trial t = Trial.of(flow).with("eta", eta);
        StagedRun run;
        try {
            run = StagedRun.of(DiscreteStepClaims.descent(flow, eta));
        } catch (SaddlecheckException e) {
            Outcome diverged = Outcome.error("GD at η = " + eta + " diverged: " + e.getMessage());
            return new Cell(diverged, diverged, false);
        }
        double[] losses = run.trajectory().losses();
        boolean stable = losses[losses.length - 1] <= losses[0];
        Outcome delay;
        try {
            delay = DiscreteStepClaims.check(t, DynamicsSpec.GD);
        } catch (SaddlecheckException e) {
            delay = Outcome.error("GD at η/2 = " + eta / 2 + " failed: " + e.getMessage());
        }
        return new Cell(stages(run), delay, stable);
    }

    /**
     * Departures of a GD run from the flow's staircase: not two drops, a middle plateau nearer
     * ½ s_1² than ½ s_2² in ln L (the weaker mode learned first), not ending on a plateau.
     */
    static Outcome stages(StagedRun run) {
        double[] s = DiscreteStepClaims.strengths(run.scenario());
        double[] levels = run.stages().plateauLevels();
        int misses = run.stages().dropCount() == 2 ? 0 : 1;
        if (levels.length >= 2) {
            double m = levels[1];
            boolean weakerFirst = Math.abs(Math.log(m / (0.5 * s[0] * s[0])))
                    < Math.abs(Math.log(m / (0.5 * s[1] * s[1])));
            misses += weakerFirst ? 1 : 0;
        }
        misses += run.stages().endsOnPlateau() ? 0 : 1;
        return Outcome.within(misses, 0, 0, "departures from two drops in the flow's order");
    }

    /** The Figure 1 linear panel with strengths (1, r), run long enough for GD up to η_max. */
    static Scenario flow(double ratio, double etaMax) {
        Scenario base = FigureOne.scenario(Panel.LINEAR_FC, EPSILON, SEED);
        double s2 = S1 * ratio;
        int h = base.network().width();
        double t2 = Math.log(2 * s2 / (h * EPSILON * EPSILON)) / (2 * s2);
        double x = etaMax * s2;
        double end = (1.1 * t2 + 8 / s2) * x / Math.log1p(x);
        return base.withData(DataSpec.generated(DataSpec.WHITENED, 1, 8, S1, s2))
                .withDynamics(DynamicsSpec.flow(end, 1e-8));
    }
}
