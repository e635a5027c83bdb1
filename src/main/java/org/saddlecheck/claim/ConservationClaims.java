package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.saddlecheck.DivergenceException;
import org.saddlecheck.dynamics.GradientDescent;
import org.saddlecheck.dynamics.GradientFlow;
import org.saddlecheck.dynamics.Observer;
import org.saddlecheck.dynamics.PiecewiseFlow;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.Magnitudes;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.network.PiecewiseObjective;
import org.saddlecheck.network.ReluRegions;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.task.Dataset;

/**
 * Conserved quantities of gradient flow (paper, Section 5): for φ homogeneous of degree p,
 * c_ij = u_i·u_j − p v_i·v_j, conserved on the diagonal (per unit: ‖u_i‖² − ‖v_i‖² for ReLU,
 * ‖u_i‖² − 2v_i² for the quadratic network) and, for linear φ, for every pair: the H × H matrix
 * UUᵀ − VVᵀ = −(VVᵀ − UUᵀ).
 *
 * <h2>Gradient descent: an exact identity</h2>
 * One step θ' = θ − ηg changes c_ij by
 * <pre>
 *   Δc_ij = −η(u_i·g_uj + u_j·g_ui − p v_i·g_vj − p v_j·g_vi) + η²(g_ui·g_uj − p g_vi·g_vj).
 * </pre>
 * The first-order term is the flow's dc_ij/dt, which vanishes (Euler's identity for the diagonal;
 * for linear φ, g_ui = Gᵀv_i and g_vi = G u_i make it v_jᵀG u_i + v_iᵀG u_j twice with opposite
 * signs). So under GD Δc_ij = η² q_ij exactly, and the drift after n steps is η Σ_n η q_ij: of
 * order η, which halving η halves. Both are claims here; the identity is checked to round-off at
 * every step.
 *
 * <h2>ReLU</h2>
 * The ReLU network's vector field jumps where a pre-activation u_i·x̃_n changes sign. Its flow is
 * integrated one activation region at a time ({@link PiecewiseFlow}): with the pattern frozen
 * each unit's term is linear in u_i, so every region's flow conserves ‖u_i‖² − ‖v_i‖² exactly and
 * the smooth-field error analysis of the other networks applies step by step; so does the sliding
 * field along a kink, a linear combination of region fields. Under gradient
 * descent the drift η·η Σ q(θ_n) is a Riemann sum of a q that jumps at the kinks, so it is
 * compared with η∫q dt along that piecewise flow, with a first-order band that includes the
 * measured jumps of q.
 */
public final class ConservationClaims {

    /** Relative tolerance of the gradient flow runs. */
    static final double FLOW_TOLERANCE = 1e-10;
    /** End time of the flow and per-step runs. */
    static final double END_TIME = 30;
    /** End time of the step-halving runs. */
    static final double HALVING_TIME = 10;

    private ConservationClaims() {
    }

    /** The claims of this family, in catalogue order. */
    public static List<Claim> claims() {
        return List.of(flowConserves(), descentIdentity(), descentDriftHalves(),
                reluDescentDrift());
    }

    /** Gradient flow: drift within the integrator's accumulated local-error bound. */
    static Claim flowConserves() {
        return Claim.in(ConservationClaims.class, "conservation.flow-drift-within-tolerance")
                .trials(trials(List.of("linear", "relu", "quadratic"),
                        Gen.decimals(0.05, 0.05, 2)))
                .regimes(ConservationClaims::regimes)
                .coverage(Coverage.none().require("linear", 0.1).require("relu", 0.1)
                        .require("quadratic", 0.1))
                .check(t -> checkFlow(network(t), dataset(t), theta0(t)))
                .evidence(t -> List.of(flowFigure(t)))
                .shrinkBudget(100)
                .build();
    }

    /** Gradient descent: Δc = η²q at every step, to round-off. */
    static Claim descentIdentity() {
        return Claim.in(ConservationClaims.class, "conservation.descent-step-identity")
                .trials(trials(List.of("linear", "relu", "quadratic"), Gen.decimals(0.02, 0.2, 3)))
                .regimes(ConservationClaims::regimes)
                .coverage(Coverage.none().require("linear", 0.1).require("relu", 0.1)
                        .require("quadratic", 0.1))
                .check(t -> checkIdentity(network(t), dataset(t), theta0(t),
                        t.parameter("eta")))
                .evidence(t -> List.of(identityFigure(t)))
                .shrinkBudget(100)
                .build();
    }

    /** Gradient descent: the drift is first order in η. */
    static Claim descentDriftHalves() {
        return Claim.in(ConservationClaims.class, "conservation.descent-drift-first-order")
                .trials(trials(List.of("linear", "quadratic"),
                        Gen.integers(200, 1000).map(n -> HALVING_TIME / n)))
                .regimes(ConservationClaims::regimes)
                .coverage(Coverage.none().require("linear", 0.2).require("quadratic", 0.2))
                .check(t -> checkHalving(network(t), dataset(t), theta0(t), t.parameter("eta")))
                .evidence(t -> List.of(halvingFigure(t)))
                .shrinkBudget(50)
                .build();
    }

    /** Gradient descent on ReLU networks: D(η)/η tends to ∫q dt along the piecewise flow. */
    static Claim reluDescentDrift() {
        return Claim.in(ConservationClaims.class, "conservation.relu-descent-drift-first-order")
                .trials(trials(List.of("relu"), Gen.integers(200, 1000).map(n -> HALVING_TIME / n)))
                .regimes(ConservationClaims::regimes)
                .coverage(Coverage.none().require("relu", 1.0).require("bias", 0.2))
                .check(t -> checkReluDrift(network(t), regions(t), dataset(t), theta0(t),
                        t.parameter("eta")))
                .evidence(t -> List.of(reluDriftFigure(t)))
                .shrinkBudget(50)
                .build();
    }

    // ---------------------------------------------------------------- trials

    /**
     * Fully connected networks of {@code kinds} (ReLU and quadratic with one output, whose
     * per-unit quantity the theory states for scalar v_i), H in [1, 4], whitened regression data,
     * θ(0) = ε·N(0, 1) with ε in [0.1, 0.5], and η from {@code etas}.
     */
    private static Gen<Trial> trials(List<String> kinds, Gen<Double> etas) {
        Gen<NetworkSpec> networks = AnyNetwork.specs(kinds, 1, 4, true);
        Gen<Long> seeds = Generators.seeds();
        Gen<Double> scales = Gen.decimals(0.1, 0.5, 2);
        return c -> {
            NetworkSpec n = networks.draw(c);
            if (!n.kind().equals("linear")) {
                n = new NetworkSpec(n.kind(), n.width(), n.inputs(), 1, n.bias(), 0, 0, 0, 0);
            }
            DataSpec data = AnyNetwork.data(n, seeds.draw(c), 16);
            InitSpec init = InitSpec.gaussian(scales.draw(c), seeds.draw(c));
            return Trial.of(new Scenario(n, data, init, null)).with("eta", etas.draw(c));
        };
    }

    private static List<String> regimes(Trial t) {
        List<String> out = new ArrayList<>();
        out.add(t.scenario().network().kind());
        if (t.scenario().network().bias()) {
            out.add("bias");
        }
        return out;
    }

    private static Network network(Trial t) {
        return AnyNetwork.network(t.scenario().network());
    }

    private static Dataset dataset(Trial t) {
        return AnyNetwork.dataset(t.scenario().data(), t.scenario().network());
    }

    /** The ReLU network's loss cut into activation regions. */
    private static PiecewiseObjective regions(Trial t) {
        return ReluRegions.of((FullyConnected) network(t), dataset(t));
    }

    /** Whether {@code network} is a fully connected ReLU network, whose flow has kinks. */
    private static boolean relu(Network network) {
        return network instanceof FullyConnected fc && fc.activation() == Activation.RELU;
    }

    private static double[] theta0(Trial t) {
        return ScenarioResolver.initialTheta(t.scenario().init(), network(t).parameterCount());
    }

    // ---------------------------------------------------------------- the quantities

    /** p, the homogeneity degree (1 for linear φ). */
    private static int degree(Network network) {
        return Math.max(1, network.traits().homogeneityDegree());
    }

    /** The pairs (i, j), i ≤ j, whose c_ij is conserved: all for linear φ, else the diagonal. */
    static int[][] pairs(Network network) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < network.width(); i++) {
            for (int j = i; j < network.width(); j++) {
                if (i == j || network.traits().linear()) {
                    out.add(new int[] {i, j});
                }
            }
        }
        return out.toArray(new int[0][]);
    }

    /** c_ij = x_ui·x_uj − p x_vi·x_vj for any vector x in the layout of θ (θ or a gradient). */
    static double pairing(Network network, double[] x, double[] y, int i, int j) {
        int p = degree(network);
        double uu = 0;
        double vv = 0;
        for (int d = 0; d < network.uSize(); d++) {
            uu += x[network.uOffset(i) + d] * y[network.uOffset(j) + d];
        }
        for (int d = 0; d < network.vSize(); d++) {
            vv += x[network.vOffset(i) + d] * y[network.vOffset(j) + d];
        }
        return uu - p * vv;
    }

    private static double unitNorm(Network network, double[] x, int i) {
        double s = 0;
        for (int d = 0; d < network.unitSize(); d++) {
            s += x[network.uOffset(i) + d] * x[network.uOffset(i) + d];
        }
        return Math.sqrt(s);
    }

    // ---------------------------------------------------------------- gradient descent

    /**
     * Checks Δc_ij = η² q_ij at every step of gradient descent to {@link #END_TIME}, against the
     * bound of {@link IdentityWatch}; the measured number is the largest share of it used.
     */
    static Outcome checkIdentity(Network network, Dataset data, double[] theta0, double eta) {
        IdentityWatch watch = new IdentityWatch(network, data, eta);
        watch.accepted(0, 0, theta0);
        try {
            new GradientDescent(eta).run(network.objective(data), theta0,
                    RunPlan.until(END_TIME).withObserver(watch));
        } catch (DivergenceException e) {
            return Outcome.discard("gradient descent diverged at η = " + eta);
        }
        return Outcome.atMost(watch.worst, 1.0, String.format(Locale.ROOT, "Over %d steps of"
                + " gradient descent (η = %s) on a %s network (H = %d), every step changed"
                + " u_i·u_j − %d v_i·v_j by η²(g_ui·g_uj − %d g_vi·g_vj) to within %s of the"
                + " round-off bound (largest drift %s).", watch.steps, ManifoldGradientClaims.number(eta),
                network.kind(), network.width(), degree(network), degree(network),
                ManifoldGradientClaims.number(watch.worst),
                ManifoldGradientClaims.number(watch.drift)));
    }

    /**
     * Watches gradient descent and compares each step's Δc_ij with η² q_ij. Bound per step and
     * pair, with δ the {@link Magnitudes} bounds of the computed gradient (unit blocks) and
     * s = |u| + |v|:
     * <pre>
     *   2η(‖u_i‖‖δ_uj‖ + ‖u_j‖‖δ_ui‖ + p‖v_i‖‖δ_vj‖ + p‖v_j‖‖δ_vi‖)     the first-order term,
     *                                                                   zero only for the exact g
     *   + γ_{s+4}(1 + p)(‖θ_i‖‖θ_j‖ + 3‖θ_i'‖‖θ_j'‖ + η‖g_i‖‖θ_j'‖ + η‖θ_i'‖‖g_j‖ + η²‖g_i‖‖g_j‖)
     * </pre>
     * (evaluating c before and after, and rounding the update θ − ηg twice per entry).
     */
    static final class IdentityWatch implements Observer {
        private final Network network;
        private final Dataset data;
        private final double eta;
        private final Objective objective;
        private final int[][] pairs;
        private double[] previous;
        private double[] gradient;
        private Magnitudes errors;
        private double[] c0;
        double worst;
        double drift;
        long steps;
        final List<double[]> trace = new ArrayList<>();

        IdentityWatch(Network network, Dataset data, double eta) {
            this.network = network;
            this.data = data;
            this.eta = eta;
            this.objective = network.objective(data);
            this.pairs = pairs(network);
        }

        @Override
        public void accepted(double time, double loss, double[] theta) {
            if (previous != null) {
                compare(theta);
                steps++;
                trace.add(new double[] {time, drift, worst});
            } else {
                c0 = new double[pairs.length];
                for (int k = 0; k < pairs.length; k++) {
                    c0[k] = pairing(network, theta, theta, pairs[k][0], pairs[k][1]);
                }
            }
            previous = theta.clone();
            gradient = new double[theta.length];
            objective.lossAndGradient(previous, gradient);
            errors = Magnitudes.of(network, data, previous);
        }

        private void compare(double[] theta) {
            int p = degree(network);
            double g = Magnitudes.gamma(network.unitSize() + 4) * (1 + p);
            for (int k = 0; k < pairs.length; k++) {
                int i = pairs[k][0];
                int j = pairs[k][1];
                double before = pairing(network, previous, previous, i, j);
                double after = pairing(network, theta, theta, i, j);
                double q = pairing(network, gradient, gradient, i, j);
                double deviation = Math.abs(after - before - eta * eta * q);
                double first = 2 * eta * (part(previous, i, true) * errorPart(j, true)
                        + part(previous, j, true) * errorPart(i, true)
                        + p * part(previous, i, false) * errorPart(j, false)
                        + p * part(previous, j, false) * errorPart(i, false));
                double ni = unitNorm(network, previous, i);
                double nj = unitNorm(network, previous, j);
                double mi = unitNorm(network, theta, i);
                double mj = unitNorm(network, theta, j);
                double gi = unitNorm(network, gradient, i);
                double gj = unitNorm(network, gradient, j);
                double bound = first + g * (ni * nj + 3 * mi * mj + eta * gi * mj + eta * mi * gj
                        + eta * eta * gi * gj);
                worst = Math.max(worst, bound > 0 ? deviation / bound
                        : deviation == 0 ? 0 : Double.POSITIVE_INFINITY);
                drift = Math.max(drift, Math.abs(after - c0[k]));
            }
        }

        /** ‖u_i‖ or ‖v_i‖ of x. */
        private double part(double[] x, int i, boolean u) {
            int from = u ? network.uOffset(i) : network.vOffset(i);
            int size = u ? network.uSize() : network.vSize();
            double s = 0;
            for (int d = 0; d < size; d++) {
                s += x[from + d] * x[from + d];
            }
            return Math.sqrt(s);
        }

        /** ‖δ_ui‖ or ‖δ_vi‖, the round-off bound of the gradient's block. */
        private double errorPart(int i, boolean u) {
            int from = u ? network.uOffset(i) : network.vOffset(i);
            int size = u ? network.uSize() : network.vSize();
            double s = 0;
            for (int d = 0; d < size; d++) {
                s += errors.entry(from + d) * errors.entry(from + d);
            }
            return Math.sqrt(s);
        }
    }

    /**
     * Runs gradient descent with η, η/2 and η/4 to {@link #HALVING_TIME} (η = T/N for an integer
     * N, so that the three runs end at exactly T: a run of ⌈T/η⌉ steps that overshoots T by a
     * fraction of η adds a drift that is not smooth in η) and takes the pair with
     * the largest drift D(η) = c_ij(T) − c_ij(0). With D(η) = Aη + Bη² + O(η³) (A ≠ 0, the
     * identity above), the ratios ρ₁ = D(η)/D(η/2) and ρ₂ = D(η/2)/D(η/4) are 2 + Bη/A + O(η²)
     * and 2 + Bη/(2A) + O(η²): the measured ρ₂ must be within max(|ρ₁ − 2|, η) of 2 (the
     * first-order correction halves, and the slack of the other half covers O(η²); the floor η,
     * the size of the correction for B/A of order one, matters only when B nearly vanishes and
     * O(η²) terms dominate both ratios). A drift of order 0 (a
     * wrong factor in the gradient) gives ratios near 1 that move away from 2 as η halves.
     */
    static Outcome checkHalving(Network network, Dataset data, double[] theta0, double eta) {
        double[][] drifts = new double[3][];
        for (int k = 0; k < 3; k++) {
            double[] d = drift(network, data, theta0, eta / (1 << k));
            if (d == null) {
                return Outcome.discard("gradient descent diverged at η = " + eta / (1 << k));
            }
            drifts[k] = d;
        }
        int best = 0;
        for (int k = 1; k < drifts[0].length; k++) {
            if (Math.abs(drifts[0][k]) > Math.abs(drifts[0][best])) {
                best = k;
            }
        }
        double floor = 1e6 * Magnitudes.gamma(network.unitSize() + 4) * HALVING_TIME / eta;
        if (Math.abs(drifts[2][best]) <= floor) {
            return Outcome.discard("the drift at η/4 is within a million times its round-off");
        }
        double rho1 = drifts[0][best] / drifts[1][best];
        double rho2 = drifts[1][best] / drifts[2][best];
        double band = Math.max(Math.abs(rho1 - 2), eta);
        return Outcome.within(rho2, 2, band, String.format(Locale.ROOT,
                "On a %s network (H = %d), the drift of c_ij after t = %s was %s, %s and %s at η = %s,"
                        + " η/2 and η/4: ratios %s and %s.", network.kind(), network.width(),
                ManifoldGradientClaims.number(HALVING_TIME),
                ManifoldGradientClaims.number(drifts[0][best]),
                ManifoldGradientClaims.number(drifts[1][best]),
                ManifoldGradientClaims.number(drifts[2][best]), ManifoldGradientClaims.number(eta),
                ManifoldGradientClaims.number(rho1), ManifoldGradientClaims.number(rho2)));
    }

    /** c_ij(T) − c_ij(0) for every pair, or null if the run diverged. */
    private static double[] drift(Network network, Dataset data, double[] theta0, double eta) {
        Trajectory run;
        try {
            run = new GradientDescent(eta).run(network.objective(data), theta0,
                    RunPlan.until(HALVING_TIME));
        } catch (DivergenceException e) {
            return null;
        }
        int[][] pairs = pairs(network);
        double[] end = run.finalTheta();
        double[] d = new double[pairs.length];
        for (int k = 0; k < pairs.length; k++) {
            int i = pairs[k][0];
            int j = pairs[k][1];
            d[k] = pairing(network, end, end, i, j) - pairing(network, theta0, theta0, i, j);
        }
        return d;
    }

    // ---------------------------------------------------------------- gradient descent on ReLU

    /**
     * Gradient descent on a ReLU network with η, η/2 and η/4 (η = T/N, {@link #HALVING_TIME}),
     * against the piecewise flow. For the unit i with the largest |A|, A = ∫₀ᵀ q_ii dt along the
     * flow ({@link PiecewiseFlow} with q_ii = ‖g_ui‖² − ‖g_vi‖² as an integrand), and
     * S(h) = D(h)/h = h Σ_n q_ii(θ_n) for the run with step h (the step identity). S(h) is a left
     * Riemann sum, along a trajectory within O(h) of the flow, of a q_ii that is smooth inside each
     * activation region and jumps by J_c where unit i crosses a kink. So
     * <pre>
     *   S(h) = A + h(B + β(h)) + O(h²),      |β(h)| ≤ β̄(h) = ½ Σ_c |J_c|,
     * </pre>
     * B smooth in h, β(h) the part of the jumps that depends on where each crossing falls inside
     * its step (a step straddling a crossing at fraction φ of it contributes −φhJ_c; its mean −hJ_c/2
     * goes into B, the rest is at most hJ_c/2), and the straddling steps' effect on the path is
     * O(h²). From S(η) − S(η/2) = ηB/2 + ηβ(η) − (η/2)β(η/2) + O(η²),
     * <pre>
     *   |S(η/4) − A| ≤ ½|S(η) − S(η/2)| + (η/2)β̄(η) + (η/4)β̄(η/2) + (η/4)β̄(η/4) + O(η²).
     * </pre>
     * The band doubles the first term (the other half covers the O(η²) terms, as for the smooth
     * networks), with a floor of (η/4)|A|, the first-order correction for B/A of order one, for
     * when B nearly vanishes. β̄(h) is measured on each run as ½ Σ |q_ii(θ_{n+1}) − q_ii(θ_n)|
     * over the steps where the pattern changes (the jump plus an O(h) smooth change). The flow's
     * own error, about r = 10⁻¹⁰ per step, is far below the floor. A zeroth-order drift Z (a
     * wrong factor in the gradient) makes S(η/4) − A ≈ 4Z/η against a band of about Z/η, and
     * fails.
     *
     * <p>Regime: the flow must not slide along a kink, and all three runs must cross each kink as
     * often as the flow (transversal crossings); otherwise the trial is discarded. Where the flow
     * slides with fraction α, gradient descent chatters across the kink, a share α of its steps on
     * the active side, and q_ii averaged over them exceeds q_ii of the sliding field by
     * α(1 − α) q_ii(d) (d the jump of the field across the kink, q_ii a quadratic form); its
     * chattering crosses the kink O(1/η) times, so the band above, one jump per crossing, does
     * not bound it.
     */
    static Outcome checkReluDrift(Network network, PiecewiseObjective regions, Dataset data,
            double[] theta0, double eta) {
        PiecewiseFlow.Run flow;
        try {
            flow = new PiecewiseFlow(FLOW_TOLERANCE).run(regions, theta0, HALVING_TIME,
                    Observer.NONE, new DiagonalQ(network));
        } catch (DivergenceException e) {
            return Outcome.discard("the flow diverged");
        }
        if (flow.slid()) {
            return Outcome.discard("the flow slides along kinks for t = " + ManifoldGradientClaims
                    .number(flow.slidingTime()) + " of " + ManifoldGradientClaims.number(
                    HALVING_TIME) + ": gradient descent chatters across them, and its drift has"
                    + " another first-order limit and no band here (outside the regime)");
        }
        int unit = 0;
        for (int i = 1; i < network.width(); i++) {
            if (Math.abs(flow.integrals()[i]) > Math.abs(flow.integrals()[unit])) {
                unit = i;
            }
        }
        double a = flow.integrals()[unit];
        DescentWatch[] runs = new DescentWatch[3];
        double[] s = new double[3];
        for (int k = 0; k < 3; k++) {
            double h = eta / (1 << k);
            runs[k] = DescentWatch.run(network, data, regions, theta0, h, unit);
            if (runs[k] == null) {
                return Outcome.discard("gradient descent diverged at η = " + h);
            }
            if (!Arrays.equals(runs[k].crossings, flow.crossings())) {
                return Outcome.discard("gradient descent at η = " + h + " crosses the kinks"
                        + " otherwise than the flow (a graze), outside the regime");
            }
            s[k] = runs[k].drift / h;
        }
        double floor = 1e6 * Magnitudes.gamma(network.unitSize() + 4) * HALVING_TIME / eta;
        if (Math.abs(runs[2].drift) <= floor) {
            return Outcome.discard("the drift at η/4 is within a million times its round-off");
        }
        double band = Math.abs(s[0] - s[1]) + eta / 2 * runs[0].jumpBound()
                + eta / 4 * runs[1].jumpBound() + eta / 4 * runs[2].jumpBound()
                + eta / 4 * Math.abs(a);
        return Outcome.within(s[2], a, band, String.format(Locale.ROOT, "On a relu network"
                + " (H = %d) crossing kinks %d times, D(η)/η for unit %d after t = %s was %s, %s"
                + " and %s at η = %s, η/2 and η/4, against ∫q dt = %s along the flow; half the"
                + " jumps of q summed to %s, %s and %s.", network.width(), flow.switches(), unit,
                ManifoldGradientClaims.number(HALVING_TIME), ManifoldGradientClaims.number(s[0]),
                ManifoldGradientClaims.number(s[1]), ManifoldGradientClaims.number(s[2]),
                ManifoldGradientClaims.number(eta), ManifoldGradientClaims.number(a),
                ManifoldGradientClaims.number(runs[0].jumpBound()),
                ManifoldGradientClaims.number(runs[1].jumpBound()),
                ManifoldGradientClaims.number(runs[2].jumpBound())));
    }

    /** q_ii = ‖θ̇_ui‖² − p‖θ̇_vi‖² for every unit (θ̇ = −g, so this is g's pairing). */
    private static final class DiagonalQ implements PiecewiseFlow.Integrand {
        private final Network network;

        DiagonalQ(Network network) {
            this.network = network;
        }

        @Override
        public int size() {
            return network.width();
        }

        @Override
        public void evaluate(double[] theta, double[] thetaDot, double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = pairing(network, thetaDot, thetaDot, i, i);
            }
        }
    }

    /**
     * Watches gradient descent on a ReLU network: counts each switching function's sign changes
     * and sums |q_ii(θ_{n+1}) − q_ii(θ_n)| over the steps where the pattern changes.
     */
    static final class DescentWatch implements Observer {
        private final Network network;
        private final PiecewiseObjective regions;
        private final Objective objective;
        private final int unit;
        private final double[] gradient;
        private boolean[] before;
        private boolean[] now;
        private double q;
        final int[] crossings;
        double jumps;
        double drift;

        private DescentWatch(Network network, Objective objective, PiecewiseObjective regions,
                double[] theta0, int unit) {
            this.network = network;
            this.regions = regions;
            this.objective = objective;
            this.unit = unit;
            this.gradient = new double[theta0.length];
            this.before = new boolean[regions.switches()];
            this.now = new boolean[regions.switches()];
            this.crossings = new int[regions.switches()];
            regions.pattern(theta0, before);
            this.q = q(theta0);
        }

        /** Runs gradient descent with step h to {@link #HALVING_TIME}; null if it diverged. */
        static DescentWatch run(Network network, Dataset data, PiecewiseObjective regions,
                double[] theta0, double h, int unit) {
            Objective objective = network.objective(data);
            DescentWatch watch = new DescentWatch(network, objective.copy(), regions, theta0, unit);
            Trajectory run;
            try {
                run = new GradientDescent(h).run(objective, theta0,
                        RunPlan.until(HALVING_TIME).withObserver(watch));
            } catch (DivergenceException e) {
                return null;
            }
            double[] end = run.finalTheta();
            watch.drift = pairing(network, end, end, unit, unit)
                    - pairing(network, theta0, theta0, unit, unit);
            return watch;
        }

        private double q(double[] theta) {
            objective.lossAndGradient(theta, gradient);
            return pairing(network, gradient, gradient, unit, unit);
        }

        @Override
        public void accepted(double time, double loss, double[] theta) {
            regions.pattern(theta, now);
            boolean changed = false;
            for (int k = 0; k < now.length; k++) {
                if (now[k] != before[k]) {
                    crossings[k]++;
                    changed = true;
                }
            }
            double next = q(theta);
            if (changed) {
                jumps += Math.abs(next - q);
            }
            q = next;
            boolean[] swap = before;
            before = now;
            now = swap;
        }

        /** β̄ = ½ Σ |Δq_ii| over the steps where the pattern changed. */
        double jumpBound() {
            return jumps / 2;
        }
    }

    /** D(h)/h at h = η/4, η/2, η against h, with ∫q dt along the flow as a horizontal mark. */
    private static Figure reluDriftFigure(Trial t) {
        Network network = network(t);
        double eta = t.parameter("eta");
        PiecewiseFlow.Run flow = new PiecewiseFlow(FLOW_TOLERANCE).run(regions(t), theta0(t),
                HALVING_TIME, Observer.NONE, new DiagonalQ(network));
        int unit = 0;
        for (int i = 1; i < network.width(); i++) {
            if (Math.abs(flow.integrals()[i]) > Math.abs(flow.integrals()[unit])) {
                unit = i;
            }
        }
        double[] etas = {eta / 4, eta / 2, eta};
        double[] measured = new double[3];
        for (int k = 0; k < 3; k++) {
            DescentWatch w = DescentWatch.run(network, dataset(t), regions(t), theta0(t), etas[k],
                    unit);
            measured[k] = w == null ? Double.NaN : w.drift / etas[k];
        }
        return new Figure.Lines("Drift over the step under gradient descent, against the flow's"
                + " integral", "$\\eta$", "$D(\\eta)/\\eta$", true, false,
                List.of(new Figure.Series("measured", etas, measured)), List.of(),
                List.of(new Figure.Mark(flow.integrals()[unit], "$\\int_0^T q\\,dt$ along the"
                        + " flow")));
    }

    // ---------------------------------------------------------------- evidence

    /** The largest drift of a conserved c_ij and the largest accumulated allowance, in time. */
    private static Figure flowFigure(Trial t) {
        Network network = network(t);
        FlowWatch watch = new FlowWatch(network, theta0(t));
        if (relu(network)) {
            new PiecewiseFlow(FLOW_TOLERANCE).run(regions(t), theta0(t), END_TIME, watch,
                    PiecewiseFlow.NO_INTEGRAND);
        } else {
            new GradientFlow(FLOW_TOLERANCE).run(network.objective(dataset(t)), theta0(t),
                    RunPlan.until(END_TIME).withObserver(watch));
        }
        return traceFigure("Drift of the conserved quantities under the flow", watch.trace,
                "allowance");
    }

    /** The largest drift and the largest share of the step-identity bound used, in time. */
    private static Figure identityFigure(Trial t) {
        Network network = network(t);
        IdentityWatch watch = new IdentityWatch(network, dataset(t), t.parameter("eta"));
        watch.accepted(0, 0, theta0(t));
        new GradientDescent(t.parameter("eta")).run(network.objective(dataset(t)), theta0(t),
                RunPlan.until(END_TIME).withObserver(watch));
        return traceFigure("Drift under gradient descent and the share of the step-identity bound"
                + " used", watch.trace, "share of the bound used");
    }

    private static Figure traceFigure(String title, List<double[]> trace, String second) {
        double[] time = new double[trace.size()];
        double[] a = new double[trace.size()];
        double[] b = new double[trace.size()];
        for (int k = 0; k < time.length; k++) {
            time[k] = trace.get(k)[0];
            a[k] = Math.max(trace.get(k)[1], Double.MIN_NORMAL);
            b[k] = Math.max(trace.get(k)[2], Double.MIN_NORMAL);
        }
        return new Figure.Lines(title, "time $t$", "size", false, true, List.of(
                new Figure.Series("largest drift of $c_{ij}$", time, a),
                new Figure.Series(second, time, b)), List.of(), List.of());
    }

    /** |D| against η at η, η/2, η/4 on log-log axes, beside the line of slope 1 through D(η). */
    private static Figure halvingFigure(Trial t) {
        Network network = network(t);
        double eta = t.parameter("eta");
        double[] etas = {eta / 4, eta / 2, eta};
        double[] measured = new double[3];
        double[] predicted = new double[3];
        double top = 0;
        for (int k = 0; k < 3; k++) {
            double[] d = drift(network, dataset(t), theta0(t), etas[k]);
            double largest = 0;
            for (double x : d == null ? new double[0] : d) {
                largest = Math.max(largest, Math.abs(x));
            }
            measured[k] = Math.max(largest, Double.MIN_NORMAL);
            top = k == 2 ? measured[k] : top;
        }
        for (int k = 0; k < 3; k++) {
            predicted[k] = top * etas[k] / eta;
        }
        return new Figure.Lines("Largest drift of $c_{ij}$ at $t = 10$ against the step", "$\\eta$",
                "$|D(\\eta)|$", true, true, List.of(new Figure.Series("measured", etas, measured),
                        new Figure.Series("first order, through $D(\\eta)$", etas, predicted)),
                List.of(), List.of());
    }

    // ---------------------------------------------------------------- gradient flow

    /**
     * Gradient flow (DOP853, relative tolerance r = 10⁻¹⁰) to {@link #END_TIME}: the drift of each
     * c_ij must stay within the sum over accepted steps of the local-error allowance. The
     * integrator accepts a step when the root mean square of ê_k/τ_k is at most 1, with
     * τ_k = rρ + r max(|θ_k|, |θ_k'|) (ρ = ‖θ(0)‖/√n), so every entry's error is at most √n τ_k, and
     * c_ij moves by at most (1 + p)(‖e_i‖‖θ_j'‖ + ‖θ_i‖‖e_j‖) per step, plus the round-off of one
     * step, γ_{s+4}(1 + p)·4‖θ_i'‖‖θ_j'‖ (s = |u| + |v|), and of evaluating c twice.
     */
    static Outcome checkFlow(Network network, Dataset data, double[] theta0) {
        if (relu(network)) {
            return checkPiecewiseFlow(network, ReluRegions.of((FullyConnected) network, data),
                    theta0);
        }
        FlowWatch watch = new FlowWatch(network, theta0);
        try {
            new GradientFlow(FLOW_TOLERANCE).run(network.objective(data), theta0,
                    RunPlan.until(END_TIME).withObserver(watch));
        } catch (DivergenceException e) {
            return Outcome.discard("the flow diverged");
        }
        return Outcome.atMost(watch.worst, 1.0, String.format(Locale.ROOT, "Over %d accepted"
                + " steps of the flow on a %s network (H = %d), the largest drift of a conserved"
                + " c_ij was %s, %s of its accumulated local-error bound.", watch.steps,
                network.kind(), network.width(), ManifoldGradientClaims.number(watch.drift),
                ManifoldGradientClaims.number(watch.worst)));
    }

    /**
     * The ReLU flow to {@link #END_TIME}, integrated one activation region at a time
     * ({@link PiecewiseFlow}, with the same r and the same error rule as {@link GradientFlow}).
     * Every step the watch sees is a step accepted by the error control on one region's smooth
     * field, which conserves c_ii = ‖u_i‖² − v_i² exactly (each unit's term is linear in u_i there),
     * so the allowance of {@link FlowWatch} applies step by step as on a smooth network. A step
     * that contains a kink crossing is thrown away and the flow is integrated again, with error
     * control, up to the crossing: dense output and event location never produce a watched state,
     * and where a crossing is placed changes which region's field comes next, not c. Where the flow
     * slides along kinks, its field is a linear combination of the one-sided region fields at the
     * same θ, each of which satisfies Euler's identity unit by unit, so it conserves c_ii exactly
     * too, and the steps the watch sees are again accepted steps of one smooth field: runs are
     * judged to the end.
     */
    static Outcome checkPiecewiseFlow(Network network, PiecewiseObjective regions,
            double[] theta0) {
        FlowWatch watch = new FlowWatch(network, theta0);
        PiecewiseFlow.Run run;
        try {
            run = new PiecewiseFlow(FLOW_TOLERANCE).run(regions, theta0, END_TIME, watch,
                    PiecewiseFlow.NO_INTEGRAND);
        } catch (DivergenceException e) {
            return Outcome.discard("the flow diverged");
        }
        String sliding = !run.slid() ? "" : String.format(Locale.ROOT, ", sliding along kinks"
                + " for t = %s in all (up to %d at once%s)", ManifoldGradientClaims.number(
                run.slidingTime()), run.mostSurfaces(), run.uniqueUntil() < END_TIME
                ? ", one no longer attracting from t = " + ManifoldGradientClaims.number(
                run.uniqueUntil()) : "");
        return Outcome.atMost(watch.worst, 1.0, String.format(Locale.ROOT, "Over %d accepted"
                + " steps of the flow on a %s network (H = %d), integrated region by region"
                + " through %d kink events%s, the largest drift of a conserved c_ii was %s, %s of"
                + " its accumulated local-error bound.", watch.steps, network.kind(),
                network.width(), run.switches(), sliding,
                ManifoldGradientClaims.number(watch.drift),
                ManifoldGradientClaims.number(watch.worst)));
    }

    /** Accumulates the flow's allowance per pair and compares the drift with it. */
    static final class FlowWatch implements Observer {
        private final Network network;
        private final int[][] pairs;
        private final double[] c0;
        private final double[] allowance;
        private final double[] n0;
        private final double rho;
        private double[] previous;
        double worst;
        double drift;
        long steps;
        final List<double[]> trace = new ArrayList<>();

        FlowWatch(Network network, double[] theta0) {
            this.network = network;
            this.pairs = pairs(network);
            this.c0 = new double[pairs.length];
            this.allowance = new double[pairs.length];
            this.n0 = new double[pairs.length];
            for (int k = 0; k < pairs.length; k++) {
                c0[k] = pairing(network, theta0, theta0, pairs[k][0], pairs[k][1]);
                n0[k] = unitNorm(network, theta0, pairs[k][0])
                        * unitNorm(network, theta0, pairs[k][1]);
            }
            double sum = 0;
            for (double x : theta0) {
                sum += x * x;
            }
            double rms = Math.sqrt(sum / theta0.length);
            this.rho = rms > 0 ? rms : 1;
            this.previous = theta0.clone();
        }

        @Override
        public void accepted(double time, double loss, double[] theta) {
            int p = degree(network);
            double root = Math.sqrt(theta.length);
            double g = Magnitudes.gamma(network.unitSize() + 4) * (1 + p);
            for (int k = 0; k < pairs.length; k++) {
                int i = pairs[k][0];
                int j = pairs[k][1];
                double ei = root * localError(theta, i);
                double ej = root * localError(theta, j);
                double mi = unitNorm(network, theta, i);
                double mj = unitNorm(network, theta, j);
                double ni = unitNorm(network, previous, i);
                double nj = unitNorm(network, previous, j);
                allowance[k] += (1 + p) * (ei * mj + ni * ej) + g * (4 * mi * mj + ni * nj);
                double d = Math.abs(pairing(network, theta, theta, i, j) - c0[k]);
                double evaluation = g * (mi * mj + n0[k]);
                drift = Math.max(drift, d);
                worst = Math.max(worst, d / (allowance[k] + evaluation + Double.MIN_NORMAL));
            }
            previous = theta.clone();
            steps++;
            double largest = 0;
            for (double a : allowance) {
                largest = Math.max(largest, a);
            }
            trace.add(new double[] {time, drift, largest});
        }

        /** ‖τ‖ over unit i's entries: the allowed local error of the step, entry by entry. */
        private double localError(double[] theta, int i) {
            double s = 0;
            for (int d = 0; d < network.unitSize(); d++) {
                int k = network.uOffset(i) + d;
                double tau = FLOW_TOLERANCE * (rho + Math.max(Math.abs(theta[k]),
                        Math.abs(previous[k])));
                s += tau * tau;
            }
            return Math.sqrt(s);
        }
    }
}
