package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.DivergenceException;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.dynamics.DormandPrince54Flow;
import org.saddlecheck.dynamics.GradientDescent;
import org.saddlecheck.dynamics.Integrator;
import org.saddlecheck.dynamics.Observer;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.RungeKutta4;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.CriticalPoints;
import org.saddlecheck.network.Magnitudes;
import org.saddlecheck.network.Manifolds;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.task.Dataset;

/**
 * Theorem 3 of the paper (invariant manifolds) along whole runs, through at least one drop: a run
 * started on a manifold stays on it, under gradient descent at any stable learning rate and under
 * the Runge–Kutta integrators of the flow. And on a manifold the network can be merged into one
 * with a unit fewer and the same outputs.
 *
 * <h2>What is exactly true in floating point</h2>
 * Equal units, a zero unit and units proportional by a power of two γ = ±2^k stay so bitwise: the
 * gradients of the two units are computed by the same operations on bitwise equal (or exactly
 * scaled, or zero) operands, so they are bitwise equal (scaled, zero); the update
 * θ ← θ − η∇L (or a Runge–Kutta stage y + hΣ a_s k_s, the same coefficients for every entry)
 * keeps the relation without any rounding difference. For a generic γ, and for a linear
 * dependence θ_H = Σ_j γ_j θ_j, the relation holds in exact arithmetic and drifts by round-off,
 * which the dynamics carry along: {@link DriftBound} accumulates the bound step by step.
 *
 * <p>Trial parameters: {@code manifold} (0 equal, 1 zero, 2 proportional, 3 dependent),
 * {@code unit} i, {@code other} j, {@code gamma} (γ, or the seed of the dependence's γ_j).
 */
public final class ManifoldRunClaims {

    /** The manifolds, in the order of the {@code manifold} parameter. */
    static final String[] MANIFOLDS = {"equal", "zero", "proportional", "dependent"};
    /** End time of every run: past the first drop for the sizes and scales drawn here. */
    static final double END_TIME = 40;
    /** Relative tolerance of the gradient flow (DOP853). */
    static final double FLOW_TOLERANCE = 1e-10;
    /**
     * Relative tolerance of the Dormand–Prince 5(4) flow in the round-off claim: any tolerance
     * keeps the relation (the bound holds step by step); this one keeps runs to a few hundred
     * steps.
     */
    static final double ADAPTIVE_TOLERANCE = 1e-7;
    /** "Far above": the tanh deviation must exceed the round-off bound this much. */
    static final double SPECIFICITY_FACTOR = 100;

    private static final List<String> DEGREE_ONE = List.of("linear", "relu", "linear-conv",
            "relu-conv", "attention-merged");
    private static final List<String> NOT_DEGREE_ONE = List.of("tanh", "xtanh", "quadratic",
            "cubic");
    private static final List<String> LINEAR = List.of("linear", "linear-conv",
            "attention-merged");

    private ManifoldRunClaims() {
    }

    /** The claims of this family, in catalogue order. */
    public static List<Claim> claims() {
        return List.of(keptBitwise(), keptToRoundoff(), leaveTheRay(), mergesKeepOutputs());
    }

    /** Equal, zero and power-of-two proportional units stay so bitwise along runs. */
    static Claim keptBitwise() {
        return Claim.in(ManifoldRunClaims.class, "theorem3.manifolds-kept-bitwise-along-runs")
                .trials(trials(AnyNetwork.KINDS, new int[] {0, 1, 2}, true, true))
                .regimes(ManifoldRunClaims::regimes)
                .coverage(kindCoverage(AnyNetwork.KINDS, 0.01).require("equal", 0.1)
                        .require("zero", 0.1).require("proportional", 0.05).require("gd", 0.15)
                        .require("flow", 0.05).require("rk4", 0.05))
                .check(t -> checkBitwise(AnyNetwork.network(t.scenario().network()), t))
                .evidence(t -> List.of(deviationCurve(t)))
                .shrinkBudget(100)
                .maxDiscarded(0.5)
                .build();
    }

    /**
     * Generic γ and linear dependence: kept to accumulated round-off under gradient descent, RK4
     * and the Dormand–Prince 5(4) flow, on every network of degree-1 φ.
     */
    static Claim keptToRoundoff() {
        return Claim.in(ManifoldRunClaims.class, "theorem3.manifolds-kept-to-roundoff-along-runs")
                .trials(trials(DEGREE_ONE, new int[] {2, 3}, false, true, false,
                        ADAPTIVE_TOLERANCE).map(ManifoldRunClaims::ownFlow))
                .regimes(ManifoldRunClaims::regimes)
                .coverage(kindCoverage(DEGREE_ONE, 0.08).require("proportional", 0.25)
                        .require("dependent", 0.1).require("gd", 0.15).require("rk4", 0.2)
                        .require(DynamicsSpec.FLOW_DP54, 0.08))
                .check(t -> checkDrift(AnyNetwork.network(t.scenario().network()), t, false))
                .evidence(t -> List.of(deviationCurve(t)))
                .shrinkBudget(100)
                .build();
    }

    /**
     * Specificity: units of a φ that is not homogeneous of degree 1 (tanh, x·tanh, and the
     * quadratic and cubic networks, homogeneous of degree 2 and 3, whose gradients are
     * γ^p-proportional) do not stay proportional over a run.
     */
    static Claim leaveTheRay() {
        return Claim.in(ManifoldRunClaims.class, "theorem3.proportional-units-leave-the-ray")
                .trials(trials(NOT_DEGREE_ONE, new int[] {2}, false, false, true, FLOW_TOLERANCE))
                .regimes(ManifoldRunClaims::regimes)
                .coverage(kindCoverage(NOT_DEGREE_ONE, 1.0 / 32).require("gamma-below-1", 0.15)
                        .require("gamma-above-1", 0.15))
                .check(t -> checkDrift(AnyNetwork.network(t.scenario().network()), t, true))
                .evidence(t -> List.of(deviationCurve(t)))
                .shrinkBudget(100)
                .build();
    }

    /** On a manifold, merging the units keeps the outputs. */
    static Claim mergesKeepOutputs() {
        return Claim.in(ManifoldRunClaims.class, "theorem3.merged-units-keep-outputs")
                .trials(trials(AnyNetwork.KINDS, new int[] {0, 2, 3}, false, true))
                .regimes(ManifoldRunClaims::regimes)
                .coverage(kindCoverage(AnyNetwork.KINDS, 0.25 / 10).require("equal", 0.1)
                        .require("proportional", 0.03).require("dependent", 0.02))
                .check(t -> checkMerge(AnyNetwork.network(t.scenario().network()), t))
                .evidence(t -> List.of(mergeScatter(t)))
                .build();
    }

    // ---------------------------------------------------------------- trials

    /**
     * Trials: a network of {@code kinds} with H in [2, 4] (the dependence uses H ≥ 3), data from
     * {@link AnyNetwork#data}, θ(0) = ε·N(0, 1) with ε in [0.05, 0.3], one of {@code manifolds}
     * (one that does not apply to the drawn φ is replaced by the first of {@code manifolds} if
     * that applies, else by equal units), units i ≠ j, γ, and dynamics: gradient descent (η in
     * [0.02, 0.2]) or, when {@code allIntegrators}, also RK4 (h in [0.02, 0.2]) and the gradient
     * flow (RK4 for ReLU, whose kinks stall adaptive steps). With {@code powerOfTwo} γ = ±2^k,
     * k in [−2, 2] \ {0}; else |γ| in [0.1, 0.8) or [1.25, 10), positive when φ is only
     * positively homogeneous.
     */
    private static Gen<Trial> trials(List<String> kinds, int[] manifolds, boolean powerOfTwo,
            boolean allIntegrators) {
        return trials(kinds, manifolds, powerOfTwo, allIntegrators, false, FLOW_TOLERANCE);
    }

    /**
     * As above; with {@code anyPhi} the manifold is kept even where it does not apply, and the
     * flow has relative tolerance {@code flowTolerance}.
     */
    private static Gen<Trial> trials(List<String> kinds, int[] manifolds, boolean powerOfTwo,
            boolean allIntegrators, boolean anyPhi, double flowTolerance) {
        Gen<NetworkSpec> networks = AnyNetwork.specs(kinds, 2, 4, true);
        Gen<Long> seeds = Generators.seeds();
        Gen<Double> scales = Gen.decimals(0.05, 0.3, 2);
        Gen<Double> steps = Gen.decimals(0.02, 0.2, 2);
        Gen<Integer> manifold = Gen.integers(0, manifolds.length - 1);
        Gen<Integer> integrator = Gen.integers(0, allIntegrators ? 2 : 0);
        Gen<Integer> exponent = Gen.integers(1, 2);
        Gen<Double> below = Gen.decimals(0.1, 0.79, 2);
        Gen<Double> above = Gen.decimals(1.25, 9.99, 2);
        return c -> {
            NetworkSpec spec = networks.draw(c);
            Network network = AnyNetwork.network(spec);
            int m = manifolds[manifold.draw(c)];
            if (!anyPhi && !applies(m, spec.kind(), spec.width())) {
                m = applies(manifolds[0], spec.kind(), spec.width()) ? manifolds[0] : 0;
            }
            DataSpec data = AnyNetwork.data(spec, seeds.draw(c), 2 * network.unitSize() + 8);
            InitSpec init = InitSpec.gaussian(scales.draw(c), seeds.draw(c));
            double step = steps.draw(c);
            int kind = integrator.draw(c);
            boolean kinks = spec.kind().startsWith("relu");
            DynamicsSpec dynamics = kind == 0 ? DynamicsSpec.gradientDescent(END_TIME, step)
                    : kind == 1 || kinks ? DynamicsSpec.rungeKutta4(END_TIME, step)
                    : DynamicsSpec.flow(END_TIME, flowTolerance);
            int i = Gen.integers(0, spec.width() - 1).draw(c);
            int j = (i + Gen.integers(1, spec.width() - 1).draw(c)) % spec.width();
            boolean negative = network.traits().negativeScalings() && c.flag(0.5);
            double gamma = powerOfTwo ? Math.scalb(1.0, exponent.draw(c) * (c.flag(0.5) ? 1 : -1))
                    : c.flag(0.5) ? above.draw(c) : below.draw(c);
            if (m == 3) {
                gamma = seeds.draw(c);
            } else if (negative) {
                gamma = -gamma;
            }
            return Trial.of(new Scenario(spec, data, init, dynamics)).with("manifold", m)
                    .with("unit", i).with("other", j).with("gamma", gamma);
        };
    }

    /** Whether Theorem 3 makes manifold {@code m} invariant for the kind at width H. */
    private static boolean applies(int m, String kind, int width) {
        return switch (m) {
            case 2 -> DEGREE_ONE.contains(kind);
            case 3 -> LINEAR.contains(kind) && width >= 3;
            default -> true;
        };
    }

    /**
     * Why the trial's manifold is not invariant for the network's declared φ (Theorem 3, from
     * {@link Manifolds.Kind#appliesTo}), or null. The claims take the declaration at its word:
     * a φ declared homogeneous that is not makes them fail.
     */
    private static String outside(Network network, Trial t) {
        Manifolds.Kind kind = switch (t.integer("manifold")) {
            case 0 -> Manifolds.Kind.EQUAL_UNITS;
            case 1 -> Manifolds.Kind.ZERO_UNIT;
            case 2 -> Manifolds.Kind.PROPORTIONAL_UNITS;
            default -> Manifolds.Kind.LINEAR_DEPENDENCE;
        };
        if (!kind.appliesTo(network.traits())) {
            return "the manifold " + kind + " is not invariant for the " + network.kind()
                    + " network's declared φ (" + network.traits() + ")";
        }
        if (kind == Manifolds.Kind.PROPORTIONAL_UNITS && t.parameter("gamma") < 0
                && !network.traits().negativeScalings()) {
            return "γ < 0 and φ is homogeneous only for positive factors";
        }
        return null;
    }

    private static List<String> regimes(Trial t) {
        List<String> out = new ArrayList<>();
        out.add(t.scenario().network().kind());
        out.add(MANIFOLDS[t.integer("manifold")]);
        out.add(t.scenario().dynamics().kind());
        if (t.integer("manifold") == 2) {
            out.add(Math.abs(t.parameter("gamma")) < 1 ? "gamma-below-1" : "gamma-above-1");
        }
        return out;
    }

    /** Each kind in at least {@code share} of the judged tries. */
    private static Coverage kindCoverage(List<String> kinds, double share) {
        Coverage c = Coverage.none();
        for (String k : kinds) {
            c = c.require(k, share);
        }
        return c;
    }

    // ---------------------------------------------------------------- the relation

    /** θ(0) of the trial, moved onto its manifold. */
    static double[] start(Network network, Trial t) {
        double[] theta = ScenarioResolver.initialTheta(t.scenario().init(),
                network.parameterCount());
        int s = network.unitSize();
        int i = t.integer("unit");
        int j = t.integer("other");
        double gamma = t.parameter("gamma");
        switch (t.integer("manifold")) {
            case 0 -> System.arraycopy(theta, j * s, theta, i * s, s);
            case 1 -> Arrays.fill(theta, i * s, (i + 1) * s, 0.0);
            case 2 -> {
                for (int k = 0; k < s; k++) {
                    theta[i * s + k] = gamma * theta[j * s + k];
                }
            }
            default -> {
                double[] w = weights(network, t);
                int last = network.width() - 1;
                Arrays.fill(theta, last * s, theta.length, 0.0);
                for (int k = 0; k < s; k++) {
                    double sum = 0;
                    for (int u = 0; u < last; u++) {
                        sum += w[u] * theta[u * s + k];
                    }
                    theta[last * s + k] = sum;
                }
            }
        }
        return theta;
    }

    /**
     * The weights w of the relation Σ_k w_k θ_k = 0 that defines the manifold: equal w_i = 1,
     * w_j = −1; zero w_i = 1; proportional w_i = 1, w_j = −γ. For the dependence
     * θ_H = Σ_{k&lt;H} γ_k θ_k it returns γ instead (γ_H = 0), γ_k ~ N(0, 1) from the seed in
     * {@code gamma}.
     */
    static double[] weights(Network network, Trial t) {
        double[] w = new double[network.width()];
        int i = t.integer("unit");
        int j = t.integer("other");
        switch (t.integer("manifold")) {
            case 0 -> {
                w[i] = 1;
                w[j] = -1;
            }
            case 1 -> w[i] = 1;
            case 2 -> {
                w[i] = 1;
                w[j] = -t.parameter("gamma");
            }
            default -> {
                SplittableRandom r = new SplittableRandom((long) t.parameter("gamma"));
                for (int k = 0; k + 1 < w.length; k++) {
                    w[k] = CriticalPoints.gaussian(r);
                }
            }
        }
        return w;
    }

    /**
     * ‖Σ_k w_k θ_k‖, the distance from the relation, computed unit entry by unit entry (for the
     * dependence: θ_H − Σ_k γ_k θ_k).
     */
    static double deviation(Network network, double[] theta, double[] w, boolean dependent) {
        int s = network.unitSize();
        int last = network.width() - 1;
        double sum = 0;
        for (int k = 0; k < s; k++) {
            double d = 0;
            if (dependent) {
                d = theta[last * s + k];
                for (int u = 0; u < last; u++) {
                    d -= w[u] * theta[u * s + k];
                }
            } else {
                for (int u = 0; u < w.length; u++) {
                    if (w[u] != 0) {
                        d += w[u] * theta[u * s + k];
                    }
                }
            }
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    // ---------------------------------------------------------------- checks

    /** Largest deviation over every accepted step of the run; must be exactly 0. */
    static Outcome checkBitwise(Network network, Trial t) {
        String outside = outside(network, t);
        if (outside != null) {
            return Outcome.discard(outside);
        }
        Dataset data = AnyNetwork.dataset(t.scenario().data(), t.scenario().network());
        double[] w = weights(network, t);
        double[] worst = {0};
        Observer watch = (time, loss, theta) -> worst[0] = Math.max(worst[0],
                deviation(network, theta, w, false));
        Trajectory run = run(network, data, start(network, t), t, watch);
        if (run == null) {
            return Outcome.discard("the run diverged: the step is above the stability bound");
        }
        if (!dropped(run)) {
            return Outcome.discard("the run ended before its first drop");
        }
        return Outcome.within(worst[0], 0, 0, String.format(Locale.ROOT,
                "On a %s network (H = %d) started with %s units, the relation was off by at most %s"
                        + " over %d steps of %s to t = %s (loss %s → %s).",
                network.kind(), network.width(), MANIFOLDS[t.integer("manifold")],
                ManifoldGradientClaims.number(worst[0]), run.steps(), run.integrator(),
                ManifoldGradientClaims.number(run.endTime()),
                ManifoldGradientClaims.number(run.loss(0)),
                ManifoldGradientClaims.number(run.finalLoss())));
    }

    /**
     * A run with a generic relation: the deviation must stay below the accumulated bound of
     * {@link DriftBound} at every accepted step (specificity: at some step at least 100 times
     * above it). The trial's dynamics pick the integrator: gradient descent, RK4, or for the
     * flow the Dormand–Prince 5(4) pair, whose stages the bound can observe.
     */
    static Outcome checkDrift(Network network, Trial t, boolean specificity) {
        return checkDrift(network, driftIntegrator(t.scenario().dynamics()), t, specificity);
    }

    /** As above, with the integrator given (tests pass deliberately broken ones). */
    static Outcome checkDrift(Network network, Integrator integrator, Trial t,
            boolean specificity) {
        String outside = specificity ? null : outside(network, t);
        if (outside != null) {
            return Outcome.discard(outside);
        }
        Dataset data = AnyNetwork.dataset(t.scenario().data(), t.scenario().network());
        DynamicsSpec dynamics = t.scenario().dynamics();
        DriftBound watch = new DriftBound(network, data, weights(network, t),
                t.integer("manifold") == 3, scheme(dynamics), dynamics.step());
        double[] theta0 = start(network, t);
        watch.start(theta0);
        Trajectory run;
        try {
            run = integrator.run(watch.watched(network.objective(data)), theta0,
                    RunPlan.until(END_TIME).withObserver(watch));
        } catch (DivergenceException e) {
            return Outcome.discard("the run diverged: the step is above the stability bound");
        }
        if (!dropped(run)) {
            return Outcome.discard("the run ended before its first drop");
        }
        String factor = t.integer("manifold") == 3
                ? "γ_k ~ N(0, 1) from seed " + (long) t.parameter("gamma")
                : "γ = " + ManifoldGradientClaims.number(t.parameter("gamma"));
        String where = String.format(Locale.ROOT, "On a %s network (H = %d) started with %s units"
                + " (%s), over %d steps of %s to t = %s, ", network.kind(),
                network.width(), MANIFOLDS[t.integer("manifold")], factor, run.steps(),
                describe(dynamics), ManifoldGradientClaims.number(run.endTime()));
        if (specificity) {
            double ratio = watch.largestRatio;
            return Outcome.atLeast(ratio, SPECIFICITY_FACTOR, where + String.format(Locale.ROOT,
                    "the units left the ray by up to %s times the round-off bound of a degree-1"
                            + " φ (final deviation %s).", ManifoldGradientClaims.number(ratio),
                    ManifoldGradientClaims.number(watch.last)));
        }
        String rank = t.integer("manifold") != 3 ? "" : String.format(Locale.ROOT,
                " σ_H/σ_1 of the unit matrix ended at %s: rank H − 1 kept.",
                ManifoldGradientClaims.number(Manifolds.dependenceDistance(network, watch.latest,
                        network.width() - 1)));
        return Outcome.atMost(watch.worstUse, 1.0, where + String.format(Locale.ROOT,
                "the deviation used at most %s of its accumulated round-off bound (final deviation"
                        + " %s, bound %s, weights of size %s)." + rank,
                ManifoldGradientClaims.number(watch.worstUse),
                ManifoldGradientClaims.number(watch.last), ManifoldGradientClaims.number(watch.bound),
                ManifoldGradientClaims.number(watch.size)));
    }

    /**
     * The trial with its gradient flow, if any, run by the Dormand–Prince 5(4) pair, whose stages
     * the round-off bound follows ({@code flow-dp54}, so that the trial's file replays the same run).
     */
    static Trial ownFlow(Trial t) {
        DynamicsSpec d = t.scenario().dynamics();
        if (!DynamicsSpec.FLOW.equals(d.kind())) {
            return t;
        }
        DynamicsSpec own = DynamicsSpec.flowDp54(d.endTime(), d.relativeTolerance())
                .withSnapshots(d.snapshotTimes()).withRecording(d.firstTime(), d.pointsPerDecade(),
                        d.lossChange(), d.unitNorms());
        return new Trial(t.scenario().withDynamics(own), t.parameters());
    }

    /** The integrator of the round-off claim: the flow is the Dormand–Prince 5(4) pair. */
    static Integrator driftIntegrator(DynamicsSpec d) {
        return switch (d.kind()) {
            case DynamicsSpec.GD -> new GradientDescent(d.step());
            case DynamicsSpec.RK4 -> new RungeKutta4(d.step());
            case DynamicsSpec.FLOW_DP54 -> new DormandPrince54Flow(d.relativeTolerance());
            default -> throw new InvalidInputException("dynamics.kind (" + d.kind() + ") has no"
                    + " round-off bound for Theorem 3 along runs; use gd, rk4 or flow-dp54");
        };
    }

    /** The scheme whose recursion {@link DriftBound} applies for the trial's dynamics. */
    static DriftBound.Scheme scheme(DynamicsSpec d) {
        return switch (d.kind()) {
            case DynamicsSpec.GD -> DriftBound.Scheme.GRADIENT_DESCENT;
            case DynamicsSpec.RK4 -> DriftBound.Scheme.RUNGE_KUTTA_4;
            default -> DriftBound.Scheme.DORMAND_PRINCE_54;
        };
    }

    private static String describe(DynamicsSpec d) {
        return switch (d.kind()) {
            case DynamicsSpec.GD -> "gradient descent (η = " + d.step() + ")";
            case DynamicsSpec.RK4 -> "RK4 (h = " + d.step() + ")";
            default -> "the Dormand–Prince 5(4) flow (r = " + d.relativeTolerance() + ")";
        };
    }

    /**
     * Merging on the manifold (equal: v_i ← v_i + v_j; proportional: v_j ← (1 + γ²) v_j;
     * dependent: v_k ← v_k + γ_k v_H) keeps every output within 2γ_{m+4}(f̄ + f̄') of the
     * unmerged one, f̄ the outputs of the absolute-value problem (as in Theorem 1's claim).
     */
    static Outcome checkMerge(Network network, Trial t) {
        Dataset data = AnyNetwork.dataset(t.scenario().data(), t.scenario().network());
        double[] theta = start(network, t);
        int i = t.integer("unit");
        int j = t.integer("other");
        double[] merged;
        switch (t.integer("manifold")) {
            case 2 -> merged = Manifolds.mergeProportional(network, theta, i, j);
            case 3 -> {
                double[] gamma = new double[network.width()];
                double[] w = weights(network, t);
                System.arraycopy(w, 0, gamma, 0, gamma.length - 1);
                merged = Manifolds.mergeDependent(network, theta, network.width() - 1, gamma);
            }
            default -> merged = Manifolds.mergeEqual(network, theta, j, i);
        }
        Network narrow = network.withWidth(network.width() - 1);
        DMatrixRMaj f = network.predict(theta, data.X());
        DMatrixRMaj g = narrow.predict(merged, data.X());
        DMatrixRMaj fBar = absolute(network, theta, data.X());
        DMatrixRMaj gBar = absolute(narrow, merged, data.X());
        double allowance = 2 * Magnitudes.gamma(Magnitudes.depth(network) + 4);
        double worst = 0;
        for (int k = 0; k < f.data.length; k++) {
            double d = Math.abs(f.data[k] - g.data[k]);
            double allowed = allowance * (fBar.data[k] + gBar.data[k]);
            worst = Math.max(worst, allowed > 0 ? d / allowed : d == 0 ? 0 : Double.POSITIVE_INFINITY);
        }
        return Outcome.atMost(worst, 1.0, String.format(Locale.ROOT, "Merging %s units of a %s"
                + " network (H = %d → %d) changed the outputs by at most %s of the round-off"
                + " allowance.", MANIFOLDS[t.integer("manifold")], network.kind(), network.width(),
                narrow.width(), ManifoldGradientClaims.number(worst)));
    }

    private static DMatrixRMaj absolute(Network network, double[] theta, DMatrixRMaj X) {
        DMatrixRMaj absX = X.copy();
        for (int k = 0; k < absX.data.length; k++) {
            absX.data[k] = Math.abs(absX.data[k]);
        }
        double[] abs = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            abs[k] = Math.abs(theta[k]);
        }
        DMatrixRMaj out = network.predict(abs, absX);
        for (int k = 0; k < out.data.length; k++) {
            out.data[k] = Math.abs(out.data[k]);
        }
        return out;
    }

    /** The run of the trial's dynamics, or null when it diverged. */
    private static Trajectory run(Network network, Dataset data, double[] theta0, Trial t,
            Observer observer) {
        Integrator integrator = ScenarioResolver.integrator(t.scenario().dynamics());
        Objective objective = network.objective(data);
        try {
            return integrator.run(objective, theta0, RunPlan.until(END_TIME).withObserver(observer));
        } catch (DivergenceException e) {
            return null;
        }
    }

    /** Whether the run passed a drop: its final loss is at most half its initial loss. */
    private static boolean dropped(Trajectory run) {
        return run.finalLoss() <= 0.5 * run.loss(0);
    }

    // ---------------------------------------------------------------- evidence

    /** Outputs of the merged network against those of the unmerged one, on the identity line. */
    private static Figure mergeScatter(Trial t) {
        Network network = AnyNetwork.network(t.scenario().network());
        Dataset data = AnyNetwork.dataset(t.scenario().data(), t.scenario().network());
        double[] theta = start(network, t);
        int i = t.integer("unit");
        int j = t.integer("other");
        double[] merged = switch (t.integer("manifold")) {
            case 2 -> Manifolds.mergeProportional(network, theta, i, j);
            case 3 -> {
                double[] gamma = weights(network, t);
                yield Manifolds.mergeDependent(network, theta, network.width() - 1, gamma);
            }
            default -> Manifolds.mergeEqual(network, theta, j, i);
        };
        DMatrixRMaj f = network.predict(theta, data.X());
        DMatrixRMaj g = network.withWidth(network.width() - 1).predict(merged, data.X());
        return new Figure.Scatter("Outputs before and after merging " + MANIFOLDS[t.integer(
                "manifold")] + " units", "$f(x; \\theta)$", "$f(x; \\theta_\\text{merged})$",
                false, false, true, List.of(new Figure.Series("outputs", f.data, g.data)));
    }

    /** The loss along the run of the trial. */
    private static Figure deviationCurve(Trial t) {
        Network network = AnyNetwork.network(t.scenario().network());
        Dataset data = AnyNetwork.dataset(t.scenario().data(), t.scenario().network());
        Trajectory run = run(network, data, start(network, t), t, Observer.NONE);
        if (run == null) {
            return new Figure.Table("The run diverged", List.of("note"), List.of());
        }
        return new Figure.Lines("Loss along the run started on the manifold", "time $t$", "$L$",
                false, true, List.of(new Figure.Series("loss", run.times(), run.losses())),
                List.of(), List.of());
    }
}
