package org.saddlecheck.guard;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.saddlecheck.analysis.EffectiveWidth;
import org.saddlecheck.analysis.StageDetector;
import org.saddlecheck.dynamics.GradientDescent;
import org.saddlecheck.dynamics.GradientFlow;
import org.saddlecheck.dynamics.Integrator;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.RungeKutta4;
import org.saddlecheck.dynamics.SaxeSolution;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.ResolvedScenario;

/**
 * Computes the golden expectation of a scenario: gradient flow at a tight tolerance (the
 * reference of every time, paper Section 1: dθ/dt = −∇L), gradient descent at η and η/2 (explicit
 * Euler with t = nη), and the linear-network theory where it applies ({@link LinearTheory}).
 *
 * <p>Networks whose φ is positively homogeneous but not linear (ReLU) have a vector field with
 * kinks, where the adaptive controller shrinks its step without end. Their flow reference is the
 * classical Runge–Kutta method at the fixed step {@link #KINKED_FLOW_STEP}: away from kinks its
 * error is O(h⁴), and each crossing of a kink costs a local error of order h² (the method's stages
 * straddle the jump in ∇L), so with a few dozen crossings the drop times are accurate to far below
 * the 1% tolerance of the check.
 */
public final class Golden {
    /** The flow's relative tolerance: two orders below the default, so its error is negligible. */
    public static final double FLOW_TOLERANCE = 1e-10;
    /**
     * Gradient evaluations the golden flow may use: the catalogue's runs need under 10⁵; on ReLU
     * networks the adaptive step can collapse at every kink (see {@link GradientFlow}) and the run
     * would not finish, so it gives up after ten times that.
     */
    public static final int FLOW_BUDGET = 1_000_000;

    /** The fixed step of the flow reference on networks with kinks (ReLU). */
    public static final double KINKED_FLOW_STEP = 1e-3;

    private Golden() {
    }

    /**
     * The expectation of {@code resolved}.
     *
     * @param eta the learning rate of the gradient-descent expectation, or NaN for the flow only
     * @param halfStep whether to run gradient descent at η/2 and the flow too (for the exported
     *     expectation and the measured O(η) shift); the checkpoints and widths then belong to the
     *     reference run (descent at η when η is given)
     * @param oracle whether to compare the flow with the exact Saxe solution (only for an aligned,
     *     balanced start of a whitened linear network)
     */
    public static Expectation compute(ResolvedScenario resolved, double eta, boolean halfStep,
            boolean oracle) {
        Network network = resolved.network();
        Objective objective = network.objective(resolved.data());
        double[] theta0 = resolved.theta0();
        RunPlan plan = resolved.plan();
        boolean descent = Double.isFinite(eta);
        boolean flowToo = !descent || halfStep || oracle;

        // The reference run (descent at η, or the flow), its stages and checkpoints.
        Integrator integrator = descent ? new GradientDescent(eta) : flow(network);
        Trajectory first = integrator.run(objective, theta0, plan);
        StageSummary reference = StageSummary.of(StageDetector.detect(first));
        double[] checkpoints = checkpoints(reference, plan.endTime());
        Trajectory again = integrator.run(objective, theta0, plan.withSnapshots(checkpoints));
        double[] referenceLoss = snapshotLosses(objective, again);
        int[] widths = widths(network, theta0, again, reference.plateauMiddles(), checkpoints);

        // The flow and the half step, for the exported expectation.
        double[] flowTimes = descent ? new double[0] : reference.dropTimes();
        double[] flowLoss = descent ? new double[0] : referenceLoss;
        double deviation = Double.NaN;
        if (descent && flowToo) {
            Trajectory flow = flow(network).run(objective, theta0,
                    plan.withSnapshots(checkpoints));
            flowTimes = StageDetector.detect(flow).dropTimes();
            flowLoss = snapshotLosses(objective, flow);
            deviation = oracle ? oracleDeviation(resolved, flow) : Double.NaN;
        } else if (oracle) {
            deviation = oracleDeviation(resolved, first);
        }
        double[] halfTimes = descent && halfStep ? StageDetector.detect(new GradientDescent(eta / 2)
                .run(objective, theta0, plan)).dropTimes() : new double[0];
        Optional<LinearTheory.Prediction> theory =
                LinearTheory.predict(network, resolved.data(), theta0);
        return new Expectation(eta, objective.loss(theta0), network.outputSize(),
                resolved.data().samples(), reference, flowTimes,
                descent ? reference.dropTimes() : new double[0], halfTimes, checkpoints, flowLoss,
                descent ? referenceLoss : new double[0], widths, theory,
                new Curve(first.times(), first.losses()), deviation);
    }

    /** The flow reference: adaptive and tight, or fixed-step RK4 where ∇L has kinks. */
    private static Integrator flow(Network network) {
        boolean kinked = network.traits().homogeneousOfDegreeOne() && !network.traits().linear();
        return kinked ? new RungeKutta4(KINKED_FLOW_STEP)
                : new GradientFlow(FLOW_TOLERANCE).withMaxEvaluations(FLOW_BUDGET);
    }

    /** 0 and the middle of every plateau inside (0, T), strictly increasing. */
    static double[] checkpoints(StageSummary stages, double endTime) {
        TreeSet<Double> times = new TreeSet<>();
        times.add(0.0);
        for (double m : stages.plateauMiddles()) {
            if (m > 0 && m < endTime) {
                times.add(m);
            }
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] snapshotLosses(Objective objective, Trajectory run) {
        return run.snapshots().stream().mapToDouble(s -> objective.loss(s.theta())).toArray();
    }

    /** The effective width at each plateau middle, from the snapshots at the checkpoints. */
    private static int[] widths(Network network, double[] theta0, Trajectory run, double[] middles,
            double[] checkpoints) {
        EffectiveWidth.Scales scales = EffectiveWidth.Scales.of(network, theta0, run.finalTheta());
        List<Trajectory.Snapshot> snaps = run.snapshots();
        int[] widths = new int[middles.length];
        for (int k = 0; k < middles.length; k++) {
            int at = Arrays.binarySearch(checkpoints, middles[k]);
            double[] theta = at >= 0 && at < snaps.size() ? snaps.get(at).theta() : run.finalTheta();
            widths[k] = EffectiveWidth.of(network, theta, scales);
        }
        return widths;
    }

    /**
     * max_t |L_flow(t) − L_exact(t)| / L(0) with L_exact = L_irr + ½ Σ_k (s_k − w_k(t))² of the Saxe
     * solution, w₀ the common strength of the aligned, balanced start (read back from θ(0)).
     */
    static double oracleDeviation(ResolvedScenario resolved, Trajectory flow) {
        LinearTheory.Prediction p = LinearTheory.predict(resolved.network(), resolved.data(),
                resolved.theta0()).orElseThrow(() -> new IllegalStateException(
                        "the oracle needs a whitened linear network"));
        double[] s = p.drops().stream().flatMapToDouble(d -> Arrays.stream(d.singularValues()))
                .toArray();
        double w0 = square(org.saddlecheck.analysis.Measures.norm(resolved.theta0(), 0,
                resolved.network().uSize()));
        SaxeSolution exact = new SaxeSolution(s, w0);
        double irreducible = p.drops().get(p.drops().size() - 1).levelAfter();
        double worst = 0;
        for (int k = 0; k < flow.size(); k++) {
            double expected = irreducible + exact.reducibleLoss(flow.time(k));
            worst = Math.max(worst, Math.abs(flow.loss(k) - expected));
        }
        return worst / flow.loss(0);
    }

    private static double square(double x) {
        return x * x;
    }
}
