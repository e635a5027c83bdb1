package org.saddlecheck.dynamics;

import java.util.Arrays;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.AllowedSolution;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.ode.ExpandableStatefulODE;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.SecondaryEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.saddlecheck.Require;
import org.saddlecheck.SaddlecheckException;
import org.saddlecheck.network.PiecewiseObjective;

/**
 * Gradient flow dθ/dt = −∇L(θ) of a loss with kinks ({@link PiecewiseObjective}, such as a ReLU
 * network), integrated one smooth region at a time. Inside a region the field is that of the
 * region loss L_a with the activation pattern a frozen; it is smooth on all of θ-space, so the
 * Dormand–Prince 8(5,3) method (Hairer, Nørsett and Wanner, <i>Solving Ordinary Differential
 * Equations I</i>, Sections II.10 and II.6 for dense output and events) and its error estimate
 * apply as on a smooth network. Error control is that of {@link GradientFlow}: a step is accepted
 * when the root mean square of ê_j/τ_j is at most 1, τ_j = rρ + r max(|θ_j(t)|, |θ_j(t + h)|),
 * ρ = ‖θ(0)‖/√n.
 *
 * <h2>Switching</h2>
 * At every accepted step end the signs of the switching functions s_k are compared with the
 * pattern. When some s_k has left the side that a_k records, the step crossed a kink. Then
 * <ol>
 *   <li>each such crossing is located on the step's dense output by bracketing (Brent, to
 *       T·{@value #EVENT_TIME_ACCURACY} in time, on the side after the crossing), and the earliest,
 *       t_e, is kept;</li>
 *   <li>the step is thrown away (it integrated one region's field across the kink, and its
 *       interior states come from dense output, whose error the controller does not estimate);</li>
 *   <li>the flow of L_a is integrated again, with error control, from the last accepted step end
 *       to t_e;</li>
 *   <li>a_k is set to the side the crossing enters, and integration restarts at t_e.</li>
 * </ol>
 * So every state handed to the observer is the end of a step accepted by the error control, and
 * each step integrates one smooth field. Where a crossing is placed does not change how well a
 * quantity that every L_a conserves is kept (for ReLU, ‖u_i‖² − ‖v_i‖²); it decides how closely
 * the run follows the true flow, to within the location accuracy times the jump of ∇L. The
 * events are located here rather than by Commons Math's event handlers, whose root search can
 * loop without end when an event function is zero, to round-off, at a step end.
 *
 * <h2>Quadrature</h2>
 * An {@link Integrand} h(θ, θ̇) is integrated along the flow as secondary equations of the same
 * steps (they take no part in the error control), giving ∫₀ᵀ h dt with the method's order inside
 * each region.
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>Sliding. When the field on the new side of a kink points back across it (ṡ_k has the
 *       wrong sign just after the switch), the true flow slides along the kink (a Filippov
 *       solution with a fractional pattern). This class does not follow sliding motion: the run
 *       stops there and reports {@link Run#slid()}.</li>
 *   <li>Two crossings of one s_k inside one step (a graze: the state leaves the region and comes
 *       back before the step ends) are not seen; the run then follows L_a through a sliver of the
 *       neighbouring region. Steps are at most T/100 long.</li>
 *   <li>Commons Math allocates a few state-sized arrays per step and per event check.</li>
 * </ul>
 */
public final class PiecewiseFlow {

    /** Crossing times are located to this fraction of the end time. */
    static final double EVENT_TIME_ACCURACY = 1e-12;
    /** Integration intervals shorter than this fraction of |t| are skipped (Commons Math refuses them). */
    static final double SHORTEST_INTERVAL = 2e-12;
    /** Largest number of pattern changes in one run. */
    static final int MAX_SWITCHES = 100_000;
    /** Largest number of gradient evaluations in one run. */
    static final long MAX_EVALUATIONS = 20_000_000L;

    private final double relativeTolerance;

    /** @param relativeTolerance r in [10⁻¹⁴, 1), as for {@link GradientFlow} */
    public PiecewiseFlow(double relativeTolerance) {
        Require.that(relativeTolerance >= GradientFlow.SMALLEST_TOLERANCE && relativeTolerance < 1,
                "relative tolerance (" + relativeTolerance + ") must lie in [1e-14, 1)");
        this.relativeTolerance = relativeTolerance;
    }

    /** r. */
    public double relativeTolerance() {
        return relativeTolerance;
    }

    /** A function h(θ, θ̇) with values in R^m, integrated along the flow. */
    public interface Integrand {
        /** m. */
        int size();

        /** Writes h(θ, θ̇) into {@code out}; modifies neither θ nor θ̇. */
        void evaluate(double[] theta, double[] thetaDot, double[] out);
    }

    /** Nothing to integrate. */
    public static final Integrand NO_INTEGRAND = new Integrand() {
        @Override
        public int size() {
            return 0;
        }

        @Override
        public void evaluate(double[] theta, double[] thetaDot, double[] out) {
        }
    };

    /**
     * What a run reached.
     *
     * @param time the time reached, the end time
     * @param theta θ there
     * @param integrals ∫₀^time h(θ, θ̇) dt
     * @param steps accepted steps handed to the observer
     * @param switches events: kink crossings (with or without entering a sliding motion) and
     *     departures from a sliding surface
     * @param crossings kink crossings per switching function (a departure from sliding is not one)
     * @param evaluations region gradient evaluations
     * @param slides how many times the flow began to slide along a switching surface
     * @param slidingTime the time during which it slid along at least one
     */
    public record Run(double time, double[] theta, double[] integrals, long steps, long switches,
            int[] crossings, long evaluations, long slides, double slidingTime) {

        /** Whether the flow slid along a kink at some time. */
        public boolean slid() {
            return slides > 0;
        }
    }

    /**
     * Integrates the flow from θ(0) = {@code theta0} to {@code endTime}, calling {@code observer} at
     * every accepted step end with the region loss there. Does not modify {@code theta0}.
     *
     * @throws org.saddlecheck.DivergenceException if θ becomes non-finite
     * @throws SaddlecheckException if a step falls below 10⁻¹³·T, the evaluation or switch budget
     *     runs out, or a sliding motion is undetermined or cannot be resolved (see the class notes)
     */
    public Run run(PiecewiseObjective objective, double[] theta0, double endTime, Observer observer,
            Integrand integrand) {
        int n = objective.dimension();
        Require.length("θ(0)", theta0, n);
        Require.finite("θ(0)", theta0);
        Require.positive("end time T", endTime);
        return new Segments(objective, theta0, endTime, observer, integrand).run();
    }

    /**
     * The state of one run: pattern, sliding set, last accepted step end, and the pending event.
     */
    private final class Segments implements FirstOrderDifferentialEquations, StepHandler {
        private final PiecewiseObjective objective;
        private final double endTime;
        private final Observer observer;
        private final Integrand integrand;
        private final boolean[] active;
        private final boolean[] armed;
        private final int[] crossings;
        private final double[] work;
        private final double[] probe;
        private final double[] last;
        private final FilippovField field;
        private final DormandPrince853Integrator method;
        private final BracketingNthOrderBrentSolver solver;
        private double time;
        private double[] theta;
        private double[] integrals;
        private long steps;
        private long switches;
        private long evaluations;
        private long slides;
        private double slidingSince;
        private double slidingTime;
        private boolean watching;
        private int pending;
        private double pendingTime;

        Segments(PiecewiseObjective objective, double[] theta0, double endTime, Observer observer,
                Integrand integrand) {
            this.objective = objective;
            this.endTime = endTime;
            this.observer = observer;
            this.integrand = integrand;
            this.active = new boolean[objective.switches()];
            this.armed = new boolean[objective.switches()];
            this.crossings = new int[objective.switches()];
            this.work = new double[theta0.length];
            this.probe = new double[theta0.length];
            this.last = new double[theta0.length];
            this.theta = theta0.clone();
            this.integrals = new double[integrand.size()];
            objective.pattern(theta0, active);
            Arrays.fill(armed, true);
            this.field = new FilippovField(objective, active);
            double[] absolute = new double[theta0.length];
            Arrays.fill(absolute, relativeTolerance * GradientFlow.initialScale(theta0));
            double[] relative = new double[theta0.length];
            Arrays.fill(relative, relativeTolerance);
            this.method = new DormandPrince853Integrator(GradientFlow.MIN_STEP_FRACTION * endTime,
                    endTime / GradientFlow.MIN_STEPS_PER_RUN, absolute, relative);
            method.addStepHandler(this);
            this.solver = new BracketingNthOrderBrentSolver(EVENT_TIME_ACCURACY * endTime, 5);
        }

        Run run() {
            while (!tooShort(time, endTime)) {
                // integrate the current field until the end or a step that meets an event
                pending = -1;
                watching = true;
                try {
                    integrate(endTime);
                } catch (Crossed e) {
                    // the step with the event was not kept: (time, θ) is still the last step end
                }
                if (pending < 0) {
                    break;
                }

                // redo the way to the event with error control, then change pattern and sliding set
                watching = false;
                if (!tooShort(time, pendingTime)) {
                    integrate(pendingTime);
                }
                time = pendingTime;
                if (++switches > MAX_SWITCHES) {
                    throw new SaddlecheckException("the pattern changed more than " + MAX_SWITCHES
                            + " times before t = " + Recorder.number(time));
                }
                boolean sliding = field.count() > 0;
                resolve(pending);
                if (!sliding && field.count() > 0) {
                    slidingSince = time;
                } else if (sliding && field.count() == 0) {
                    slidingTime += time - slidingSince;
                }
            }
            if (field.count() > 0) {
                slidingTime += endTime - slidingSince;
            }
            return new Run(endTime, theta.clone(), integrals.clone(), steps, switches,
                    crossings.clone(), evaluations, slides, slidingTime);
        }

        /**
         * Settles the pattern and the sliding set K after the event of switching function k at
         * (time, θ). A departure (k ∈ K, its fraction reached 0 or 1) moves k to the side the
         * fraction reached. A crossing (k ∉ K) switches a_k to the side entered; if the field there
         * points back across s_k = 0, k joins K. Then, while some fraction of K lies outside
         * [0, 1], the farthest one leaves to the side it passed. The crossed surface joins K at
         * most once; if it would have to leave again at once, neither side nor sliding is
         * consistent and the run stops.
         */
        private void resolve(int k) {
            boolean entered = false;
            boolean crossing = !field.contains(k);
            if (!crossing) {
                evaluations += field.evaluate(time, theta, work);
                leave(k);
            } else {
                active[k] = !active[k];
                armed[k] = false;
                crossings[k]++;
            }
            for (int round = 0; ; round++) {
                evaluations += field.evaluate(time, theta, work);
                int out = field.farthestOutside();
                if (out >= 0) {
                    if (entered && field.surface(out) == k) {
                        throw new SaddlecheckException("switching function " + k + " at t = "
                                + Recorder.number(time) + " can be neither crossed nor slid"
                                + " along together with the other sliding surfaces");
                    }
                    leave(field.surface(out));
                    continue;
                }
                if (crossing && !entered && pointsBack(k)) {
                    field.add(k);
                    entered = true;
                    slides++;
                    continue;
                }
                return;
            }
        }

        /** Removes k from K towards the bound its fraction reached (1: a_k = 1, 0: a_k = 0). */
        private void leave(int k) {
            for (int j = 0; j < field.count(); j++) {
                if (field.surface(j) == k) {
                    field.remove(k, field.fraction(j) > 0.5);
                    armed[k] = false;
                    return;
                }
            }
        }

        /** Whether ṡ_k under the current field (in {@code work}) points to the side a_k left. */
        private boolean pointsBack(int k) {
            double rate = objective.switchingRate(theta, work, k);
            return active[k] ? rate < 0 : rate > 0;
        }

        private boolean tooShort(double from, double to) {
            return to - from <= SHORTEST_INTERVAL * Math.max(Math.abs(from), Math.abs(to));
        }

        /** One integration from (time, θ, integrals) to {@code target}. */
        private void integrate(double target) {
            ExpandableStatefulODE equations = new ExpandableStatefulODE(this);
            if (integrals.length > 0) {
                equations.addSecondaryEquations(new Quadrature(integrand));
                equations.setSecondaryState(0, integrals);
            }
            equations.setTime(time);
            equations.setPrimaryState(theta);
            long left = MAX_EVALUATIONS - evaluations;
            if (left <= 0) {
                throw new SaddlecheckException("the budget of " + MAX_EVALUATIONS + " gradient"
                        + " evaluations ran out at t = " + Recorder.number(time));
            }
            method.setMaxEvaluations((int) Math.min(Integer.MAX_VALUE,
                    left / (field.count() + 1)));
            try {
                method.integrate(equations, target);
            } catch (NumberIsTooSmallException e) {
                throw new SaddlecheckException("the adaptive step fell below the minimum "
                        + Recorder.number(GradientFlow.MIN_STEP_FRACTION * endTime) + " after t = "
                        + Recorder.number(time) + ": the flow of one region blows up", e);
            } catch (MaxCountExceededException e) {
                throw new SaddlecheckException("the budget of " + MAX_EVALUATIONS + " gradient"
                        + " evaluations ran out at t = " + Recorder.number(time), e);
            }
        }

        @Override
        public int getDimension() {
            return theta.length;
        }

        /** θ̇ = −∇L_a(θ) with the frozen pattern a, or the sliding field F(θ) while K ≠ ∅. */
        @Override
        public void computeDerivatives(double t, double[] y, double[] yDot) {
            evaluations += field.evaluate(t, y, yDot);
        }

        @Override
        public void init(double t0, double[] y0, double t) {
        }

        /**
         * Keeps and reports the end of every accepted step; while watching, a step that meets an
         * event (its end has left the pattern's region, or a fraction of K has left [0, 1]) is not
         * kept: its earliest event is located and the integration stopped.
         */
        @Override
        public void handleStep(StepInterpolator interpolator, boolean isLast) {
            double start = interpolator.getPreviousTime();
            double end = interpolator.getCurrentTime();
            interpolator.setInterpolatedTime(end);
            // the interpolator's array is overwritten when the events are located: keep a copy
            System.arraycopy(interpolator.getInterpolatedState(), 0, last, 0, last.length);
            if (!Recorder.finite(last)) {
                throw Recorder.nonFiniteTheta(end, Recorder.NO_STEP);
            }
            if (watching && (crossed(interpolator, start, end, last)
                    | departed(interpolator, start, end, last))) {
                throw CROSSED;
            }
            System.arraycopy(last, 0, theta, 0, theta.length);
            if (integrals.length > 0) {
                interpolator.setInterpolatedTime(end);
                System.arraycopy(interpolator.getInterpolatedSecondaryState(0), 0, integrals, 0,
                        integrals.length);
            }
            time = end;
            steps++;
            arm();
            observer.accepted(end, objective.regionLossAndGradient(theta, active, work), theta);
        }

        /**
         * Arms the switching functions outside K that have reached the side their pattern
         * records. Right after an event the state may sit on the other side by the location
         * error; a function is watched for crossings only once a kept step end agrees with a_k.
         */
        private void arm() {
            for (int k = 0; k < active.length; k++) {
                if (!armed[k] && !field.contains(k)
                        && (objective.switchingValue(theta, k) > 0) == active[k]) {
                    armed[k] = true;
                }
            }
        }

        /**
         * Whether {@code state} at the step end lies outside the pattern's region for an armed
         * switching function; if so, sets the pending event to the earliest crossing, located on
         * the dense output at or just after the root.
         */
        private boolean crossed(StepInterpolator interpolator, double start, double end,
                double[] state) {
            boolean left = false;
            for (int k = 0; k < active.length; k++) {
                if (!armed[k] || field.contains(k)
                        || (objective.switchingValue(state, k) > 0) == active[k]) {
                    continue;
                }
                left = true;
                int which = k;
                double sign = active[k] ? 1 : -1;
                // s_k on the dense output, signed to be positive inside the region
                UnivariateFunction inside = t -> {
                    interpolator.setInterpolatedTime(t);
                    return sign * objective.switchingValue(interpolator.getInterpolatedState(),
                            which);
                };
                propose(k, locate(inside, start, end));
            }
            return left;
        }

        /**
         * Whether a fraction α_j of K lies outside [0, 1] at the step end; if so, sets the pending
         * event to the earliest departure, located on the dense output at or just after the time
         * α_j reaches the bound.
         */
        private boolean departed(StepInterpolator interpolator, double start, double end,
                double[] state) {
            if (field.count() == 0) {
                return false;
            }
            evaluations += field.evaluate(end, state, probe);
            boolean left = false;
            for (int j = 0; j < field.count(); j++) {
                double alpha = field.fraction(j);
                if (alpha >= 0 && alpha <= 1) {
                    continue;
                }
                left = true;
                int which = j;
                boolean upper = alpha > 1;
                // the distance of α_j from the bound it passes, positive while inside
                UnivariateFunction inside = t -> {
                    interpolator.setInterpolatedTime(t);
                    evaluations += field.evaluate(t, interpolator.getInterpolatedState(), probe);
                    double a = field.fraction(which);
                    return upper ? 1 - a : a;
                };
                propose(field.surface(j), locate(inside, start, end));
            }
            return left;
        }

        /** The root of {@code inside} in (start, end], at or just after it; start if inside ≤ 0. */
        private double locate(UnivariateFunction inside, double start, double end) {
            return inside.value(start) <= 0 ? start
                    : solver.solve(200, inside, start, end, AllowedSolution.RIGHT_SIDE);
        }

        /** Keeps the event of switching function k at {@code at} if it is the earliest so far. */
        private void propose(int k, double at) {
            if (pending < 0 || at < pendingTime) {
                pending = k;
                pendingTime = at;
            }
        }
    }

    /** The secondary equations d/dt ∫h = h(θ, θ̇). */
    private record Quadrature(Integrand integrand) implements SecondaryEquations {
        @Override
        public int getDimension() {
            return integrand.size();
        }

        @Override
        public void computeDerivatives(double t, double[] primary, double[] primaryDot,
                double[] secondary, double[] secondaryDot) {
            integrand.evaluate(primary, primaryDot, secondaryDot);
        }
    }

    /** Thrown out of the integrator when a step crossed a kink; carries no stack trace. */
    private static final class Crossed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crossed() {
            super("a step crossed a kink", null, false, false);
        }
    }

    private static final Crossed CROSSED = new Crossed();
}
