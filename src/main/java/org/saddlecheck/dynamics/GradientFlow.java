package org.saddlecheck.dynamics;

import java.util.Arrays;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.saddlecheck.Require;
import org.saddlecheck.SaddlecheckException;
import org.saddlecheck.network.Objective;

/**
 * Gradient flow dθ/dt = −∇L(θ) (the paper's conventions) solved by the adaptive Dormand–Prince
 * 8(5,3) Runge–Kutta method of Commons Math ({@link DormandPrince853Integrator}; Hairer, Nørsett
 * and Wanner, <i>Solving Ordinary Differential Equations I</i>, 2nd ed., Section II.10).
 *
 * <h2>Error control from tiny initial weights</h2>
 * The controller accepts a step when the root mean square over the n entries of ê_j / τ_j is at
 * most 1, where ê_j is the estimated local error of entry j and
 * <pre>
 *   τ_j = a + r · max(|θ_j(t)|, |θ_j(t + h)|),      a = r · ρ,      ρ = ‖θ(0)‖ / √n
 * </pre>
 * with r the relative tolerance and ρ the root mean square of θ(0) (ρ ≈ ε for the N(0, ε²)
 * initialization; ρ = 1 when θ(0) = 0, which has no scale of its own). Why the absolute part is
 * tied to the initial scale:
 * <ol>
 *   <li>Near the saddle at 0 the flow is linear, θ̇ = −∇²L(0) θ, and the weights grow like
 *       ρ e^{s t} (paper, Theorem 4). Since a ≤ r·ρ and the weights never fall far below ρ
 *       while growing, τ_j ≤ 2r·max(ρ, |θ_j|): every accepted local error is at most about 2r times
 *       the weights' own size, and the step sizes do not depend on ε (rescaling θ(0) by c rescales
 *       ê and τ alike). A fixed absolute tolerance a₀ instead accepts any error below a₀: with
 *       weights at 10⁻¹² and a₀ = 10⁻¹⁰ the controller would accept errors a hundred times the
 *       weights, a single step could cross the whole escape, and the escape time, which depends on
 *       the weights' logarithm, would be wrong by O(1/s) without any warning.</li>
 *   <li>Once the weights are O(1), τ_j ≈ r·|θ_j| is a plain relative tolerance; the floor r·ρ only
 *       matters for entries that stay below ρ (zero units, decaying directions), whose absolute
 *       error is then r times the initial scale.</li>
 *   <li>Escape times: the mode strength w_k = q_kᵀ W r_k grows like e^{2 s_k t} before its drop, so
 *       a relative error δ in it shifts the drop by δ / (2 s_k). Each accepted step adds a relative
 *       error of at most about 2r in every entry (√n · 2r for a single entry, since the norm is a
 *       mean over n entries), and in the linear growth phase relative errors add up without
 *       amplification, so after N steps δ ≤ 2 r √n N. The tests measure far less than this bound.</li>
 * </ol>
 *
 * <h2>Steps, records and cost</h2>
 * The minimum step is 10⁻¹³·T (T the end time; below it t + h hardly advances, a few hundred units
 * in the last place), the maximum step T/100, so the observer and stop rule are consulted at least a
 * hundred times. An accepted step costs 15 gradient evaluations: the method's 12, plus the 3 stages
 * of its seventh-order dense output, which Commons Math 3.6.1 computes in every step because it
 * reads the step-end state through the interpolator before calling step handlers. Records and
 * snapshots between step ends are therefore placed exactly by dense output at the cost of one loss
 * evaluation each (no gradient). The loss at the step end is free: the method's last stage (first
 * same as last) evaluates ∇L at exactly the accepted state, and its loss is kept. Event-driven
 * records, divergence checks, the observer and the stop rule use the step ends.
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>The error estimate assumes a smooth vector field. On ReLU networks ∇L jumps where a
 *       pre-activation changes sign; the controller then shrinks the step at every kink and a run
 *       can take over 10⁵ evaluations. Use fixed steps ({@link RungeKutta4},
 *       {@link GradientDescent}) there, a budget ({@link #withMaxEvaluations}), or
 *       {@link PiecewiseFlow}, which integrates one activation region at a time.</li>
 *   <li>One scale ρ serves all entries. If θ(0) mixes entries of very different sizes (a few units
 *       at O(1), others at ε), ρ follows the large ones and the small units are controlled only to
 *       r·ρ absolutely; such starts need a smaller r.</li>
 *   <li>Commons Math 3.6.1 allocates three state-sized arrays per step (the dense-output stage
 *       state, the interpolator's copy of the previous state, the step-end state of its event
 *       handling): about 24·n bytes, 200 KB per step for n = 8192 (a 32-128-32 linear network).
 *       This code allocates nothing per step. The 3 dense-output stages are paid in every step,
 *       even when nothing is recorded inside it.</li>
 *   <li>Commons Math 3.6.1 accepts a step whenever its error estimate is not ≥ 1, and a NaN estimate
 *       is not: a trial step so long that a stage overflows (a polynomial φ, whose gradient grows
 *       like |θ|^(2p−1), at a loose tolerance) would be accepted instead of shortened. This class
 *       therefore reports a NaN estimate as +∞ ({@link RejectingNonFinite}), so such a step is
 *       rejected and retried at a fifth of its length, as SciPy's DOP853 does.</li>
 *   <li>Cost per accepted step beyond the 15 gradients (at moderate tolerances
 *       {@link DormandPrince54Flow}, 6 gradients per step and vectorized step arithmetic, is
 *       several times faster): Commons Math forms each stage's state
 *       entry by entry as a sum over the earlier stages (strided reads of a stage-major array,
 *       which the JIT does not vectorize), about 120 multiply-adds per entry and step. For the
 *       32-128-32 linear network this is about as much CPU time as the gradients themselves.</li>
 * </ul>
 */
public final class GradientFlow implements Integrator {

    /** The minimum step as a fraction of the end time. */
    static final double MIN_STEP_FRACTION = 1e-13;

    /** The maximum step is the end time divided by this. */
    static final double MIN_STEPS_PER_RUN = 100;

    /** Tolerances closer to the unit round-off 1.1e-16 than this cannot be met reliably. */
    static final double SMALLEST_TOLERANCE = 1e-14;

    /** Thrown by the step handler when the stop rule fires; carries no stack trace. */
    private static final RuntimeException STOP = new RuntimeException("stop rule fired", null,
            false, false) {
        private static final long serialVersionUID = 1L;
    };

    private final double relativeTolerance;
    private final int maxEvaluations;

    /**
     * @param relativeTolerance r in [10⁻¹⁴, 1): the relative error allowed per step; the absolute
     *     part follows from θ(0), see the class documentation
     */
    public GradientFlow(double relativeTolerance) {
        this(relativeTolerance, Integer.MAX_VALUE);
    }

    private GradientFlow(double relativeTolerance, int maxEvaluations) {
        Require.that(relativeTolerance >= SMALLEST_TOLERANCE && relativeTolerance < 1,
                "relative tolerance (" + relativeTolerance + ") must lie in [1e-14, 1): tolerances"
                        + " near the unit round-off 1.1e-16 cannot be met");
        this.relativeTolerance = relativeTolerance;
        this.maxEvaluations = Require.positive("gradient-evaluation budget", maxEvaluations);
    }

    /** The same flow, giving up with a {@link SaddlecheckException} after {@code budget} gradients. */
    public GradientFlow withMaxEvaluations(int budget) {
        return new GradientFlow(relativeTolerance, budget);
    }

    @Override
    public String kind() {
        return "flow";
    }

    /** r. */
    public double relativeTolerance() {
        return relativeTolerance;
    }

    /** ρ = ‖θ(0)‖ / √n, or 1 when θ(0) = 0: the scale of the absolute tolerance r·ρ. */
    static double initialScale(double[] theta0) {
        double sum = 0;
        for (double x : theta0) {
            sum += x * x;
        }
        double rms = Math.sqrt(sum / theta0.length);
        return rms > 0 ? rms : 1;
    }

    /**
     * Integrates dθ/dt = −∇L(θ) from θ(0) = {@code theta0} to the plan's end time or its stop rule.
     * Does not modify {@code theta0}.
     *
     * @throws org.saddlecheck.DivergenceException if the loss or θ becomes non-finite or the loss
     *     exceeds the blow-up bound, naming the time
     * @throws SaddlecheckException if the step falls below its minimum (a kink, or a blow-up in
     *     finite time) or the evaluation budget runs out, naming the time reached
     */
    @Override
    public Trajectory run(Objective objective, double[] theta0, RunPlan plan) {
        int n = objective.dimension();
        Require.length("θ(0)", theta0, n);
        Require.finite("θ(0)", theta0);
        double endTime = plan.endTime();

        double[] absolute = new double[n];
        Arrays.fill(absolute, relativeTolerance * initialScale(theta0));
        double[] relative = new double[n];
        Arrays.fill(relative, relativeTolerance);
        DormandPrince853Integrator method = new RejectingNonFinite(
                MIN_STEP_FRACTION * endTime, endTime / MIN_STEPS_PER_RUN, absolute, relative);
        method.setMaxEvaluations(maxEvaluations);

        VectorField field = new VectorField(objective);
        Recorder recorder = new Recorder(kind(), plan, objective.loss(theta0), theta0);
        Handler handler = new Handler(objective, field, recorder, theta0);
        method.addStepHandler(handler);
        try {
            method.integrate(field, 0, theta0, endTime, new double[n]);
        } catch (NumberIsTooSmallException e) {
            throw new SaddlecheckException("the adaptive step fell below the minimum "
                    + Recorder.number(MIN_STEP_FRACTION * endTime) + " after "
                    + Recorder.where(handler.time, Recorder.NO_STEP) + ": the flow blows up in finite"
                    + " time or its vector field is not smooth there (a ReLU kink)", e);
        } catch (MaxCountExceededException e) {
            throw new SaddlecheckException("the budget of " + maxEvaluations
                    + " gradient evaluations ran out after " + Recorder.where(handler.time,
                    Recorder.NO_STEP), e);
        } catch (RuntimeException e) {
            if (e != STOP) {
                throw e;
            }
        }
        return recorder.finish(handler.time, handler.loss, handler.theta, field.evaluations,
                handler.lossEvaluations + 1, handler.steps);
    }

    /**
     * Commons Math's Dormand–Prince 8(5,3) with one change: an error estimate that is NaN (a stage
     * overflowed, so ∞ − ∞ appeared) counts as +∞, which rejects the step and shrinks it by the
     * method's largest reduction factor. Unchanged, the comparison {@code error >= 1} is false for
     * NaN and the step would be accepted with a non-finite state.
     */
    static final class RejectingNonFinite extends DormandPrince853Integrator {
        RejectingNonFinite(double minStep, double maxStep, double[] absolute, double[] relative) {
            super(minStep, maxStep, absolute, relative);
        }

        @Override
        protected double estimateError(double[][] stages, double[] start, double[] end, double h) {
            double error = super.estimateError(stages, start, end, h);
            return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
        }
    }

    /**
     * The vector field f(θ) = −∇L(θ). Keeps the state and loss of every evaluation made at the same
     * time as the one before it. In this method that is the last stage of each attempted step: its
     * stages 12 and 13 both sit at the step end (c = 1), and stage 13 evaluates at exactly the state
     * the step then accepts. The handler still compares the states before trusting the loss.
     */
    private static final class VectorField implements FirstOrderDifferentialEquations {
        private final Objective objective;
        private final double[] latestState;
        private double previousTime = Double.NaN;
        private double latestTime = Double.NaN;
        private double latestLoss;
        private long evaluations;

        VectorField(Objective objective) {
            this.objective = objective;
            this.latestState = new double[objective.dimension()];
        }

        @Override
        public int getDimension() {
            return latestState.length;
        }

        /** Writes θ̇ = −∇L(θ) into {@code thetaDot}; keeps t, θ and L(θ) at a repeated time. */
        @Override
        public void computeDerivatives(double t, double[] theta, double[] thetaDot) {
            double loss = objective.lossAndGradient(theta, thetaDot);
            for (int j = 0; j < thetaDot.length; j++) {
                thetaDot[j] = -thetaDot[j];
            }
            if (t == previousTime) {
                System.arraycopy(theta, 0, latestState, 0, theta.length);
                latestTime = t;
                latestLoss = loss;
            }
            previousTime = t;
            evaluations++;
        }

        /** The kept loss if it was evaluated at {@code theta} at time {@code t}, else NaN. */
        double lossIfEvaluatedAt(double t, double[] theta) {
            if (t != latestTime) {
                return Double.NaN;
            }
            for (int j = 0; j < theta.length; j++) {
                if (theta[j] != latestState[j]) {
                    return Double.NaN;
                }
            }
            return latestLoss;
        }
    }

    /** Turns each accepted step into records, snapshots, checks, observer and stop-rule calls. */
    private static final class Handler implements StepHandler {
        private final Objective objective;
        private final VectorField field;
        private final Recorder recorder;
        private final double[] theta;
        private double time;
        private double loss;
        private long steps;
        private long lossEvaluations;

        Handler(Objective objective, VectorField field, Recorder recorder, double[] theta0) {
            this.objective = objective;
            this.field = field;
            this.recorder = recorder;
            this.theta = theta0.clone();
        }

        @Override
        public void init(double t0, double[] y0, double t) {
            time = t0;
        }

        @Override
        public void handleStep(StepInterpolator interpolator, boolean isLast) {
            double start = interpolator.getPreviousTime();
            double end = interpolator.getCurrentTime();

            // the step end: its state from the dense output (exact at the end, and already
            // computed), its loss from the last stage, which evaluated ∇L at that very state
            interpolator.setInterpolatedTime(end);
            System.arraycopy(interpolator.getInterpolatedState(), 0, theta, 0, theta.length);
            loss = field.lossIfEvaluatedAt(end, theta);
            if (Double.isNaN(loss)) {
                loss = objective.loss(theta);
                lossEvaluations++;
            }
            time = end;
            steps++;

            // records and snapshots strictly inside the step, by dense output
            for (double t = recorder.nextScheduledTime(); t > start && t < end;
                    t = recorder.nextScheduledTime()) {
                interpolator.setInterpolatedTime(t);
                double[] state = interpolator.getInterpolatedState();
                recorder.scheduled(t, objective.loss(state), state);
                lossEvaluations++;
            }

            // divergence, then the step end: due records, event record, observer, stop rule
            if (!Recorder.finite(theta)) {
                throw Recorder.nonFiniteTheta(end, Recorder.NO_STEP);
            }
            if (recorder.stepEnd(end, loss, theta, Recorder.NO_STEP)) {
                throw STOP;
            }
        }
    }
}
