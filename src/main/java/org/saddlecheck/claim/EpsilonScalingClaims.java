package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.analysis.LineFit;
import org.saddlecheck.analysis.Measures;
import org.saddlecheck.analysis.ModeStrengths;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.network.Units;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;

/**
 * How the linear network's stages scale with the initialization scale ε (paper, Section 6.1 and
 * Theorem 4). One trial is one network, one data set and one Gaussian draw g; it is trained from
 * θ(0) = ε·g at each ε of {@link #EPSILONS}, so that the random factors of the start (the χ² of each
 * mode) are the same at every ε and only the theory's ε-dependence is left:
 * <ul>
 *   <li>the plateau between the half-learning times of modes 1 and 2 lasts
 *       (1/s_2 − 1/s_1) ln(1/ε) + const (Section 6.1: plateau lengths grow like ln(1/ε));</li>
 *   <li>when mode 1 is half learned, the weights outside the top singular directions are
 *       ∝ ε^{1 − s_2/s_1} (Theorem 4).</li>
 * </ul>
 * Every tolerance is a bound on the slope error that the theory's own correction terms can cause,
 * computed from θ(0) and the measured times (derivations in the specs).
 */
public final class EpsilonScalingClaims {

    /** The initialization scales, four decades apart pairs: 10⁻⁴ … 10⁻¹⁰. */
    static final double[] EPSILONS = {1e-4, 1e-6, 1e-8, 1e-10};
    private static final int MAX_WIDTH = 16;
    private static final int FEWEST_UNITS = 6;

    private EpsilonScalingClaims() {
    }

    /** The claims of this family, in catalogue order. */
    public static List<Claim> claims() {
        return List.of(plateauLength(), outsideSlope());
    }

    /** Section 6.1: plateau length against ln(1/ε) has slope 1/s_2 − 1/s_1. */
    static Claim plateauLength() {
        return Claim.in(EpsilonScalingClaims.class, "theorem4.plateau-length-log-epsilon")
                .trials(trials(3))
                .regimes(t -> List.of(t.scenario().network().kind()))
                .require("linear", LinearStageClaims.KIND_SHARE)
                .require("linear-conv", LinearStageClaims.KIND_SHARE)
                .check(t -> checkPlateauLength(t, UnaryOperator.identity()))
                .evidence(t -> List.of(scalingFigure(t, UnaryOperator.identity())))
                .shrinkBudget(10)
                .build();
    }

    /** Theorem 4: the weight outside the top mode at t_1 scales like ε^{1 − s_2/s_1}. */
    static Claim outsideSlope() {
        return Claim.in(EpsilonScalingClaims.class, "theorem4.outside-top-mode-slope")
                .trials(trials(2))
                .check(t -> checkOutsideSlope(t, UnaryOperator.identity()))
                .evidence(t -> List.of(scalingFigure(t, UnaryOperator.identity())))
                .shrinkBudget(10)
                .build();
    }

    /**
     * Trials: D_in = D_out = d in [2, largestD] or, with probability 1/2, a linear convolutional
     * network with N_p = d patches of size k in [2, largestD] on whitened patch data (P = N_p·k);
     * two modes s_1 in [1, 2], s_2/s_1 in [0.2, 0.5], H in [6, 16], P = d samples; the scale ε in
     * the scenario is a placeholder (1) replaced by each of {@link #EPSILONS}.
     */
    static Gen<Trial> trials(int largestD) {
        Gen<Integer> dims = Gen.integers(2, largestD);
        Gen<Double> top = Gen.decimals(1, 2, 1);
        Gen<Double> ratio = Gen.decimals(0.2, LinearStageClaims.MAX_RATIO, 2);
        Gen<Integer> widths = Gen.integers(FEWEST_UNITS, MAX_WIDTH);
        Gen<Long> seeds = Generators.seeds();
        Gen<Trial> gen = c -> {
            boolean conv = c.flag(0.5);
            int d = dims.draw(c);
            int kernel = conv ? dims.draw(c) : d;
            double s1 = top.draw(c);
            double[] s = {s1, s1 * ratio.draw(c)};
            int h = widths.draw(c);
            DataSpec data = conv ? DataSpec.generated(DataSpec.PATCHES, seeds.draw(c), d * kernel, s)
                    : DataSpec.generated(DataSpec.WHITENED, seeds.draw(c), d, s);
            InitSpec init = InitSpec.gaussian(1, seeds.draw(c));
            NetworkSpec net = conv ? LinearStageClaims.convolutional(d, kernel, h)
                    : NetworkSpec.fullyConnected("linear", d, d, h);
            return Trial.of(new Scenario(net, data, init, DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
        };
        return gen.named("epsilon-scaling-trial");
    }

    /** The trial at scale ε: the same draw g, θ(0) = ε g, run to the end of both drops. */
    static Trial at(Trial t, double epsilon) {
        Scenario sc = t.scenario();
        double[] s = sc.data().spectrum();
        int h = sc.network().width();
        return new Trial(sc.withInit(InitSpec.gaussian(epsilon, sc.init().seed()))
                .withDynamics(DynamicsSpec.flow(LinearStageClaims.endTime(s, h, epsilon),
                        LinearRun.TOLERANCE)), t.parameters());
    }

    /** The runs of a trial at every ε. */
    static List<LinearRun> runs(Trial t, UnaryOperator<Objective> breaker) {
        List<LinearRun> out = new ArrayList<>();
        for (double epsilon : EPSILONS) {
            out.add(LinearStageClaims.run(at(t, epsilon), breaker));
        }
        return out;
    }

    /**
     * The start in the mode picture of mode k: p_i = r_kᵀu_i(0) + q_kᵀv_i(0) (the growing part) and
     * m_i = r_kᵀu_i(0) − q_kᵀv_i(0) (the decaying part), for the draw g (ε = 1).
     */
    static double[][] growingAndDecaying(Trial t, LinearRun run, int k) {
        Network network = run.network();
        double epsilon = t.scenario().init().scale();
        DMatrixRMaj U = new DMatrixRMaj(network.width(), network.uSize());
        DMatrixRMaj V = new DMatrixRMaj(network.width(), network.vSize());
        Units.split(run.theta0(), network.uSize(), network.vSize(), U, V);
        DMatrixRMaj Q = run.bases().Q();
        DMatrixRMaj R = run.bases().R();
        double[] p = new double[network.width()];
        double[] m = new double[network.width()];
        for (int i = 0; i < p.length; i++) {
            double a = 0;
            double b = 0;
            for (int j = 0; j < network.uSize(); j++) {
                a += U.get(i, j) * R.get(j, k);
            }
            for (int j = 0; j < network.vSize(); j++) {
                b += V.get(i, j) * Q.get(j, k);
            }
            p[i] = (a + b) / epsilon;
            m[i] = (a - b) / epsilon;
        }
        return new double[][] {p, m};
    }

    private static double squared(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return sum;
    }

    /**
     * Least-squares slope of the plateau length t_2 − t_1 against ln(1/ε), against
     * 1/s_2 − 1/s_1; tolerance Σ_j |x_j − x̄|/S_xx · (E_1j + E_2j), E_kj the bound on the
     * ε-dependent error of t_k at ε_j (spec).
     */
    static Outcome checkPlateauLength(Trial t, UnaryOperator<Objective> breaker) {
        double[] s = t.scenario().data().spectrum();
        List<LinearRun> runs = runs(t, breaker);
        double[] x = new double[EPSILONS.length];
        double[] lengths = new double[EPSILONS.length];
        double[] errors = new double[EPSILONS.length];
        for (int j = 0; j < EPSILONS.length; j++) {
            LinearRun run = runs.get(j);
            double t1 = run.halfTime(0);
            double t2 = run.halfTime(1);
            x[j] = Math.log(1 / EPSILONS[j]);
            lengths[j] = t2 - t1;
            errors[j] = timeError(t, run, 0, EPSILONS[j], t1, t2)
                    + timeError(t, run, 1, EPSILONS[j], t1, t2);
        }
        if (!allFinite(lengths)) {
            return Outcome.within(Double.NaN, 1 / s[1] - 1 / s[0], 0, "a mode was never half"
                    + " learned: half-learning times missing");
        }
        LineFit fit = Measures.linearFit(x, lengths);
        double tolerance = slopeBound(x, errors);
        double predicted = 1 / s[1] - 1 / s[0];
        return Outcome.within(fit.slope(), predicted, tolerance, String.format(Locale.ROOT,
                "s = %s (%s, H = %d): the plateau between t_1 and t_2 grows by %s ± %s (standard"
                        + " error) per unit of ln(1/ε) against 1/s_2 − 1/s_1 = %s.",
                LinearStageClaims.list(s), LinearStageClaims.shape(t.scenario().network()),
                t.scenario().network().width(), n(fit.slope()),
                n(fit.standardError()), n(predicted)));
    }

    /**
     * The bound on the ε-dependent error of the half-learning time t_k at scale ε, in time units:
     * (grid + flow + 2 w_0/s_k + |m|²/|p|² e^{−4 s_k t_k} + parallel part)/(2 s_k), with
     * w_0 = ε²|p|²/4 from θ(0) and, for mode 2, the part along mode 1's unit-space direction decaying
     * by e^{−2 s_1 (t_2 − t_1)} (spec).
     */
    static double timeError(Trial t, LinearRun run, int k, double epsilon, double t1, double t2) {
        double[] s = run.s();
        double[][] pm = growingAndDecaying(at(t, epsilon), run, k);
        double p2 = squared(pm[0]);
        double w0 = epsilon * epsilon * p2 / 4;
        double bound = LinearStageClaims.GRID_SLACK + LinearStageClaims.FLOW_SLACK + 2 * w0 / s[k]
                + squared(pm[1]) / p2 * Math.exp(-4 * s[k] * (k == 0 ? t1 : t2));
        if (k == 1) {
            double[] p1 = growingAndDecaying(at(t, epsilon), run, 0)[0];
            double along = 0;
            for (int i = 0; i < p1.length; i++) {
                along += pm[0][i] * p1[i];
            }
            along = along * along / squared(p1);
            bound += along / Math.max(p2 - along, Double.MIN_NORMAL)
                    * Math.exp(-2 * s[0] * (t2 - t1));
        }
        return bound / (2 * s[k]);
    }

    /**
     * Log-log slope of ‖outside‖ (rows of U outside r_1 and of V outside q_1, at the snapshot
     * nearest t_1) against ε, against 1 − s_2/s_1; tolerance from the snapshot offset, the decaying
     * part and the logistic's −1 (spec). Only d = 2 (every direction a mode) is asserted.
     */
    static Outcome checkOutsideSlope(Trial t, UnaryOperator<Objective> breaker) {
        double[] s = t.scenario().data().spectrum();
        Network shape = org.saddlecheck.scenario.ScenarioResolver.network(t.scenario().network());
        if (shape.uSize() != 2 || shape.vSize() != 2) {
            return Outcome.discard("the outside slope is asserted for W of size 2 × 2 only");
        }
        List<LinearRun> runs = runs(t, breaker);
        double[] outside = new double[EPSILONS.length];
        double[] lnX = new double[EPSILONS.length];
        double[] errors = new double[EPSILONS.length];
        for (int j = 0; j < EPSILONS.length; j++) {
            LinearRun run = runs.get(j);
            double t1 = run.halfTime(0);
            if (Double.isNaN(t1)) {
                return Outcome.within(Double.NaN, 1 - s[1] / s[0], 0, "mode 1 was never half learned");
            }
            int at = run.nearest(t1);
            outside[j] = outsideNorm(run, run.thetas()[at]);
            lnX[j] = Math.log(EPSILONS[j]);
            double[][] pm = growingAndDecaying(at(t, EPSILONS[j]), run, 1);
            double w0 = EPSILONS[j] * EPSILONS[j] * squared(growingAndDecaying(at(t, EPSILONS[j]), run,
                    0)[0]) / 4;
            errors[j] = snapshotRate(s, run, at) * Math.abs(run.times()[at] - t1)
                    + squared(pm[1]) / squared(pm[0]) * Math.exp(-4 * s[1] * t1) / 2
                    + s[1] / (2 * s[0]) * 2 * w0 / s[0]
                    + outsideSelfDamping(EPSILONS[j], pm, s[1], t1);
        }
        LineFit fit = Measures.logLogSlope(EPSILONS, outside);
        double tolerance = slopeBound(lnX, errors);
        double predicted = 1 - s[1] / s[0];
        return Outcome.within(fit.slope(), predicted, tolerance, String.format(Locale.ROOT,
                "s = %s, H = %d: at t_1 the weight outside the top mode scales like ε^%s against"
                        + " ε^(1 − s_2/s_1) = ε^%s.", LinearStageClaims.list(s),
                t.scenario().network().width(), n(fit.slope()), n(predicted)));
    }

    /**
     * A bound on the ε-dependent damping of the outside weights by their own cubic terms up to
     * t_1. In the mode basis (a_2 = U r_2, b_2 = V q_2, vectors over units) the growing part
     * g = a_2 + b_2 obeys ġ = s_2 g − (b_2 b_2ᵀ + a_2 a_2ᵀ)·(…) − (mode 1's action), so every cubic
     * term with two mode-2 factors changes d ln|g|/dt by at most |a_2|² + |b_2|² = |outside|².
     * These terms only shrink the weights, so the linear phase bounds them:
     * |outside|² ≤ (ε²/2)(|p|² e^{2 s_2 t} + |m|² e^{−2 s_2 t}), and
     * ∫_0^{t_1} |outside|² dt ≤ ε² (|p|² e^{2 s_2 t_1} + |m|²)/(4 s_2). Unlike mode 1's action
     * (the same at every ε in time measured from t_1) this grows like ε^{2(1 − s_2/s_1)}, so it tilts
     * the slope (spec).
     *
     * @param pm the growing and decaying parts p, m of mode 2 for the unit-scale draw
     */
    static double outsideSelfDamping(double epsilon, double[][] pm, double s2, double t1) {
        return epsilon * epsilon * (squared(pm[0]) * Math.exp(2 * s2 * t1) + squared(pm[1]))
                / (4 * s2);
    }

    /**
     * The largest |d ln‖outside‖/dt| between t_1 and the snapshot nearest to it: s_2 for the part
     * of the outside weights orthogonal to mode 1's unit-space direction, s_2 − w_1 for the part
     * along it (mode 1's action −w_1 on that part), w_1 ≤ max(w_1(t_1), w_1 at the snapshot).
     */
    static double snapshotRate(double[] s, LinearRun run, int at) {
        double w1 = Math.max(s[0] / 2, run.strengths()[at][0]);
        return Math.max(s[1], Math.abs(s[1] - w1));
    }

    /** √(‖U − U r_1 r_1ᵀ‖² + ‖V − V q_1 q_1ᵀ‖²). */
    static double outsideNorm(LinearRun run, double[] theta) {
        Network network = run.network();
        DMatrixRMaj U = new DMatrixRMaj(network.width(), network.uSize());
        DMatrixRMaj V = new DMatrixRMaj(network.width(), network.vSize());
        Units.split(theta, network.uSize(), network.vSize(), U, V);
        double u = ModeStrengths.outsideRows(U, run.bases().R(), 1);
        double v = ModeStrengths.outsideRows(V, run.bases().Q(), 1);
        return Math.sqrt(u * u + v * v);
    }

    /** max |slope error| of a least-squares line when each y_j is off by at most e_j. */
    static double slopeBound(double[] x, double[] e) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double sxx = 0;
        for (double v : x) {
            sxx += (v - mean) * (v - mean);
        }
        double bound = 0;
        for (int j = 0; j < x.length; j++) {
            bound += Math.abs(x[j] - mean) / sxx * e[j];
        }
        return bound;
    }

    private static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static Figure scalingFigure(Trial t, UnaryOperator<Objective> breaker) {
        List<LinearRun> runs = runs(t, breaker);
        double[] x = new double[EPSILONS.length];
        double[] t1 = new double[EPSILONS.length];
        double[] t2 = new double[EPSILONS.length];
        for (int j = 0; j < EPSILONS.length; j++) {
            x[j] = Math.log(1 / EPSILONS[j]);
            t1[j] = runs.get(j).halfTime(0);
            t2[j] = runs.get(j).halfTime(1);
        }
        return new Figure.Lines("Half-learning times against ln(1/ε)", "$\\ln(1/\\varepsilon)$",
                "$t_k$", false, false, List.of(new Figure.Series("$t_1$", x, t1),
                        new Figure.Series("$t_2$", x, t2)), List.of(), List.of());
    }

    private static String n(double x) {
        return ManifoldGradientClaims.number(x);
    }
}
