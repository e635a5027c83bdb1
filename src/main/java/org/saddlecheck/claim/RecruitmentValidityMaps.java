package org.saddlecheck.claim;

import java.util.List;
import java.util.function.UnaryOperator;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;

/**
 * Validity maps of the quadratic network's recruitment claims (paper, Section 6.2, Proposition 5):
 * the checks of {@code proposition5.plateau-inverse-epsilon} and {@code proposition5.sparse-recruitment}
 * on a grid of the gap ratio r = λ_2/λ_1 and the initialization scale, for one network (D = 4,
 * H = 6, fixed seeds) on y = x_1² + r x_2² − x_3² − r x_4², whose Σ_yZ = diag(2, 2r, −2, −2r) has
 * the trace zero and the gap ratio r on both signs. A cell at scale ε_0 runs the claim's slope check
 * over the three scales ε_0, ε_0/10, ε_0/100 (the claims use ε_0 = 10⁻³); its offset bound uses the
 * slowest rate 2r, as derived in the claims' specs.
 */
public final class RecruitmentValidityMaps {

    /** Gap ratios of the default map. */
    static final double[] RATIOS = {0.25, 0.5, 1};
    /** Gap ratios of the deep map. */
    static final double[] DEEP_RATIOS = {0.1, 0.25, 0.5, 0.75, 1};
    /** Largest scales ε_0 of the default map, increasing. */
    static final double[] EPSILONS = {1e-3, 1e-2, 1e-1};
    /** Largest scales ε_0 of the deep map, increasing. */
    static final double[] DEEP_EPSILONS = {1e-4, 1e-3, 1e-2, 3e-2, 1e-1, 3e-1};
    private static final int INPUTS = 4;
    private static final int WIDTH = 6;
    private static final int SAMPLES = 24;
    // Data seed 21 and init seed 22: any fixed pair; the map is a picture of one network.
    private static final long DATA_SEED = 21;
    private static final long INIT_SEED = 22;

    private RecruitmentValidityMaps() {
    }

    /** The maps of the 1/ε plateau and of sparse recruitment, default or deep grids. */
    public static List<ValidityMap> maps(boolean deep) {
        double[] x = deep ? DEEP_RATIOS : RATIOS;
        double[] y = deep ? DEEP_EPSILONS : EPSILONS;
        boolean[][] plateauHeld = new boolean[y.length][x.length];
        double[][] plateauUsage = new double[y.length][x.length];
        boolean[][] sparseHeld = new boolean[y.length][x.length];
        double[][] sparseUsage = new double[y.length][x.length];
        for (int j = 0; j < y.length; j++) {
            double[] scales = {y[j], y[j] / 10, y[j] / 100};
            for (int i = 0; i < x.length; i++) {
                Trial t = trial(x[i]);
                Outcome plateau = QuadraticRecruitmentClaims.checkInverseEpsilon(t,
                        UnaryOperator.identity(), scales);
                Outcome sparse = QuadraticRecruitmentClaims.checkSparse(t, UnaryOperator.identity(),
                        scales);
                plateauHeld[j][i] = plateau.held();
                plateauUsage[j][i] = plateau.usage();
                sparseHeld[j][i] = sparse.held();
                sparseUsage[j][i] = sparse.usage();
            }
        }
        // The claims assert the quadratic network at r = 1 and ε_0 = 10⁻³ only.
        double[] regime = {1, 1, QuadraticRecruitmentClaims.EPSILONS[0],
            QuadraticRecruitmentClaims.EPSILONS[0]};
        return List.of(
                new ValidityMap("proposition5.plateau-inverse-epsilon",
                        "First plateau ∝ 1/ε (slope over ε_0, ε_0/10, ε_0/100)", "$\\lambda_2/\\lambda_1$",
                        "$\\varepsilon_0$", false, true, x, y, plateauHeld, plateauUsage, regime),
                new ValidityMap("proposition5.sparse-recruitment",
                        "One unit recruited, the next O(ε) (slope over ε_0, ε_0/10, ε_0/100)",
                        "$\\lambda_2/\\lambda_1$", "$\\varepsilon_0$", false, true, x, y, sparseHeld,
                        sparseUsage, regime));
    }

    /** The quadratic network on y = x_1² + r x_2² − x_3² − r x_4² (exact statistics). */
    static Trial trial(double ratio) {
        return Trial.of(new Scenario(NetworkSpec.fullyConnected("quadratic", INPUTS, 1, WIDTH),
                DataSpec.generated(DataSpec.QUADRATIC, DATA_SEED, SAMPLES, 1, ratio, -1, -ratio),
                InitSpec.gaussian(1, INIT_SEED), DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
    }
}
