package org.saddlecheck.claim;

import java.util.List;
import java.util.function.UnaryOperator;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;

/**
 * Validity maps of the linear-network timing and ordering claims (paper, Section 6.1): each claim's
 * check, without its regime gate, on a grid of the gap ratio s_2/s_1 and the initialization scale
 * ε, for one network (D_in = D_out = 2, H = 8, s_1 = 1.5, fixed seeds). Inside the regime the
 * claims are asserted; the maps show where they keep holding beyond it.
 */
public final class StageValidityMaps {

    /** Gap ratios of the default map. */
    static final double[] RATIOS = {0.3, 0.5, 0.7, 0.9};
    /** Gap ratios of the deep map. */
    static final double[] DEEP_RATIOS = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
    /** Initialization scales of the default map, increasing. */
    static final double[] EPSILONS = {1e-8, 1e-6, 1e-4, 1e-2};
    /** Initialization scales of the deep map, increasing. */
    static final double[] DEEP_EPSILONS = {1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2};
    private static final double TOP = 1.5;
    private static final int WIDTH = 8;
    // Data seed 11 and init seed 12: any fixed pair; the map is a picture of one network.
    private static final long DATA_SEED = 11;
    private static final long INIT_SEED = 12;

    private StageValidityMaps() {
    }

    /** The maps of {@code theorem4.half-learning-time} and {@code theorem4.stage-order}. */
    public static List<ValidityMap> maps(boolean deep) {
        double[] x = deep ? DEEP_RATIOS : RATIOS;
        double[] y = deep ? DEEP_EPSILONS : EPSILONS;
        boolean[][] timingHeld = new boolean[y.length][x.length];
        double[][] timingUsage = new double[y.length][x.length];
        boolean[][] orderHeld = new boolean[y.length][x.length];
        double[][] orderUsage = new double[y.length][x.length];
        for (int j = 0; j < y.length; j++) {
            for (int i = 0; i < x.length; i++) {
                Trial t = trial(x[i], y[j]);
                Outcome timing = LinearStageClaims.timing(t, UnaryOperator.identity(), false);
                Outcome order = LinearStageClaims.order(t, UnaryOperator.identity(), false);
                timingHeld[j][i] = timing.held();
                timingUsage[j][i] = timing.usage();
                orderHeld[j][i] = order.held();
                orderUsage[j][i] = order.usage();
            }
        }
        double[] regime = {0, LinearStageClaims.MAX_RATIO, 1e-8, 1e-3};
        return List.of(
                new ValidityMap("theorem4.half-learning-time", "Half-learning times within the χ² band",
                        "$s_2/s_1$", "$\\varepsilon$", false, true, x, y, timingHeld, timingUsage,
                        regime),
                new ValidityMap("theorem4.stage-order", "One drop per distinct singular value",
                        "$s_2/s_1$", "$\\varepsilon$", false, true, x, y, orderHeld, orderUsage,
                        new double[] {0, LinearStageClaims.MAX_RATIO, 1e-8, 1e-5}));
    }

    /** Two modes s = (1.5, 1.5 r) at scale ε. */
    static Trial trial(double ratio, double epsilon) {
        double[] s = {TOP, TOP * ratio};
        return Trial.of(new Scenario(NetworkSpec.fullyConnected("linear", 2, 2, WIDTH),
                DataSpec.generated(DataSpec.WHITENED, DATA_SEED, 2, s),
                InitSpec.gaussian(epsilon, INIT_SEED),
                DynamicsSpec.flow(LinearStageClaims.endTime(s, WIDTH, epsilon), LinearRun.TOLERANCE)));
    }
}
