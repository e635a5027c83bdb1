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
 * network), integrated one smooth region at a time, and along the kinks where it slides. Inside
 * a region the field is that of the region loss L_a with the activation pattern a frozen; it is
 * smooth on all of θ-space, so the Dormand–Prince 8(5,3) method (Hairer, Nørsett and Wanner,
 * <i>Solving Ordinary Differential Equations I</i>, Sections II.10 and II.6 for dense output and
 * events) and its error estimate apply as on a smooth network. Error control is that of
 * {@link GradientFlow}: a step is accepted when the root mean square of ê_j/τ_j is at most 1,
 * τ_j = rρ + r max(|θ_j(t)|, |θ_j(t + h)|), ρ = ‖θ(0)‖/√n.
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
 * loop without end when an event function is zero, to round-off, at a step end. After an event
 * the state may lie on the far side of a switching function by the location error; that function
 * is watched again once a kept step end lies on its side, and meanwhile counts as crossed (at the
 * step start) only if it moves farther away while the field takes it away.
 *
 * <h2>Sliding</h2>
 * When, after a crossing, the field on the new side points back across the kink, the flow slides
 * along it: a Filippov solution (A. F. Filippov, <i>Differential Equations with Discontinuous
 * Righthand Sides</i>, 1988, Section 2.4) on S = {s_k = 0, k ∈ K} with the field
 * F = f₀ + Σ_{l∈K} α_l d_l of {@link FilippovField}, the fractions α solved from ∇s_k·F = 0 at
 * every state. F is smooth while that system is regular, so the same method and error control
 * integrate it.
 * <ul>
 *   <li>Staying on S: each s_k, k ∈ K, is a first integral of θ̇ = F (index reduction; no
 *       projection). A Runge–Kutta step is a linear combination of stage fields, each with
 *       ∇s_k·F = 0, so a linear s_k (ReLU's u_i·x̃_n) keeps its entry value to round-off; a
 *       nonlinear one drifts by at most ‖∇s_k‖ times the accepted local error per step. A
 *       projection back to S would move the state by an amount the error control never sees and
 *       would break the quantities the region fields conserve (it changes ‖u_i‖ but not v_i).</li>
 *   <li>Leaving S: when some α_l leaves [0, 1] at a step end, the time it reached the bound is
 *       located on the dense output like a crossing, the flow is integrated again up to it, and
 *       s_l moves to the side of that bound.</li>
 *   <li>Several surfaces: at every event (a crossing or a departure) the surfaces in play, K and
 *       the event's own, are settled together: each is put on a side or kept sliding so that
 *       every fraction lies in [0, 1] and every surface on a side is left or met tangentially
 *       by the field (Filippov's conditions as a small box complementarity problem, solved by
 *       trying all 3^|C| choices, |C| ≤ {@value #MOST_SURFACES}). A crossing while sliding can
 *       thus add a surface to K, leave K as it is, or make a surface of K leave. A run that meets
 *       no consistent choice stops with an exception naming the time.</li>
 *   <li>Chattering: the run never chatters numerically, since it switches to the sliding field
 *       instead of stepping back and forth across the kink; entries and departures that follow
 *       each other at ever shorter intervals (a Zeno sequence) exhaust the switch budget.</li>
 * </ul>
 * Not handled: a start on a kink (θ(0) with s_k = 0 takes the side its pattern gives); a sliding
 * surface that stops attracting (∇s_l·d_l ≥ 0: for ReLU, where the residual of the kink's sample
 * along the unit's readout, r_n·v_i, changes sign, both one-sided fields turn tangent together and
 * then point away). From there solutions are not unique; this run keeps sliding, one of them,
 * and reports the time in {@link Run#uniqueUntil()}. A fraction system that is singular (the
 * rates do not depend on the fractions) stops the run with an exception.
 *
 * <h2>Quadrature</h2>
 * An {@link Integrand} h(θ, θ̇) is integrated along the flow as secondary equations of the same
 * steps (they take no part in the error control), giving ∫₀ᵀ h dt with the method's order inside
 * each region and along each sliding motion, where θ̇ is the sliding field F. An integrand that
 * needs the sliding motion itself (the fractions α_l and jumps d_l, as the drift of gradient
 * descent chattering across a kink does) reads it through {@link Sliding}.
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>Two crossings of one s_k inside one step (a graze: the state leaves the region and comes
 *       back before the step ends) are not seen; the run then follows L_a through a sliver of the
 *       neighbouring region. Steps are at most T/100 long.</li>
 *   <li>While sliding, each evaluation of F costs |K| + 1 region gradients; the fractions are
 *       computed again at every step end to watch for departures.</li>
 *   <li>Commons Math allocates a few state-sized arrays per step and per event check; settling
 *       an event allocates a few arrays of length |C|.</li>
 * </ul>
 */
public final class PiecewiseFlow {

    /** Crossing times are located to this fraction of the end time. */
    static final double EVENT_TIME_ACCURACY = 1e-12;
    /** Integration intervals shorter than this fraction of |t| are skipped (Commons Math refuses them). */
    static final double SHORTEST_INTERVAL = 2e-12;
    /** Largest number of events of one switching function, one after another, at one time. */
    static final int MAX_REPEATS = 3;
    /** Largest number of pattern changes in one run. */
    static final int MAX_SWITCHES = 100_000;
    /** Interior points of a step searched for a short visit of a switching function to its side. */
    static final int VISIT_SAMPLES = 16;
    /** Largest number of surfaces settled together at one event (3^this choices are tried). */
    static final int MOST_SURFACES = 7;
    /** Statuses of a switching function at an event. */
    private static final int INACTIVE = 0;
    private static final int ACTIVE = 1;
    private static final int SLIDING = 2;
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

        /**
         * Writes h into {@code out} where it may also depend on the sliding motion at θ (the
         * surfaces slid along, their fractions and field jumps); by default h(θ, θ̇).
         */
        default void evaluate(double[] theta, double[] thetaDot, Sliding sliding, double[] out) {
            evaluate(theta, thetaDot, out);
        }
    }

    /**
     * A read-only view of the sliding motion at the state an {@link Integrand} is evaluated at:
     * the surfaces K, their fractions α_l and the field jumps d_l (the change of the region field
     * when a_l alone is switched on), so that θ̇ = f₀ + Σ α_l d_l. Empty outside sliding.
     */
    public interface Sliding {
        /** |K|. */
        int count();

        /** The switching function of the j-th surface of K. */
        int surface(int j);

        /** α_j ∈ [0, 1]. */
        double fraction(int j);

        /** d_j; the array is the flow's own and must not be modified. */
        double[] jump(int j);
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
     * @param mostSurfaces the largest number of surfaces it slid along at once
     * @param uniqueUntil the first accepted step end at which a surface it slid along no longer
     *     attracted it (then the flow may stay on the surface or leave it at any time; this run
     *     stays), or the end time if that never happened
     */
    public record Run(double time, double[] theta, double[] integrals, long steps, long switches,
            int[] crossings, long evaluations, long slides, double slidingTime,
            int mostSurfaces, double uniqueUntil) {

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
        private int mostSurfaces;
        private double uniqueUntil = Double.NaN;
        private boolean watching;
        private int pending;
        private int lastPending = -1;
        private int repeats;
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
                boolean moved = pendingTime > time;
                if (!tooShort(time, pendingTime)) {
                    integrate(pendingTime);
                }
                repeats = !moved && pending == lastPending ? repeats + 1 : 0;
                if (repeats > MAX_REPEATS) {
                    throw new SaddlecheckException("switching function " + pending + " at t = "
                            + Recorder.number(time) + " keeps meeting its kink without the flow"
                            + " moving: no side or sliding motion continues it consistently");
                }
                lastPending = pending;
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
                    crossings.clone(), evaluations, slides, slidingTime, mostSurfaces,
                    Double.isNaN(uniqueUntil) ? endTime : uniqueUntil);
        }

        /**
         * Settles the pattern and the sliding set K after the event of switching function k at
         * (time, θ). The surfaces in play are C = K ∪ {k}; each gets a status: a side (a_j = 0 or
         * 1) or sliding (j ∈ K with a fraction α_j). A choice is consistent when every sliding
         * fraction lies in [0, 1] and every surface of C on a side has ṡ_j pointing into that side
         * or zero under the resulting field: the box complementarity conditions of Filippov's
         * convex method on C. The event suggests a status for k: after a crossing the side
         * entered, after a departure (k ∈ K, α_k reached a bound) the side of that bound, where
         * ṡ_k starts from zero and is not asked to point into it. All 3^|C| choices are tried
         * and the consistent one that differs from the suggestion (the others keeping their
         * status) in the fewest places is kept. The conditions have one solution when the matrix
         * ∇s_j·d_l over C has positive principal minors, as for attracting kinks of one ReLU
         * unit; the fewest changes choose among several otherwise. A crossing that ends on the
         * side it left is a graze met at its turning point (the old field already points back)
         * and is not counted as a crossing.
         *
         * @throws SaddlecheckException if no choice is consistent, or C has more than
         *     {@value #MOST_SURFACES} surfaces
         */
        private void resolve(int k) {
            boolean crossing = !field.contains(k);
            int m = field.count() + (crossing ? 1 : 0);
            if (m > MOST_SURFACES) {
                throw new SaddlecheckException("at t = " + Recorder.number(time) + " the flow"
                        + " would slide along more than " + MOST_SURFACES + " surfaces at once");
            }
            int[] surfaces = new int[m];
            int[] now = new int[m];
            for (int j = 0; j < field.count(); j++) {
                surfaces[j] = field.surface(j);
                now[j] = SLIDING;
            }
            int old = -1;
            if (crossing) {
                surfaces[m - 1] = k;
                old = active[k] ? ACTIVE : INACTIVE;
                now[m - 1] = active[k] ? INACTIVE : ACTIVE;
            } else {
                evaluations += field.evaluate(time, theta, work);
                now[indexIn(surfaces, k)] = field.fraction(indexIn(surfaces, k)) > 0.5 ? ACTIVE
                        : INACTIVE;
            }
            int at = indexIn(surfaces, k);

            // try every choice, keep the consistent one nearest to what the event suggests
            int[] status = new int[m];
            int[] best = null;
            int fewest = m + 1;
            for (int code = 0; code < pow3(m); code++) {
                int changes = decode(code, status, now);
                if (changes >= fewest) {
                    continue;
                }
                apply(surfaces, status);
                boolean departing = !crossing && status[at] == now[at];
                if (consistent(surfaces, status, departing ? at : -1)) {
                    best = status.clone();
                    fewest = changes;
                }
            }
            if (best == null) {
                throw new SaddlecheckException("at t = " + Recorder.number(time) + " no choice"
                        + " of sides and sliding for switching functions "
                        + Arrays.toString(surfaces) + " meets Filippov's conditions");
            }

            // keep it; the surfaces put on a side are watched once they reach it
            apply(surfaces, best);
            if (crossing && best[at] != old) {
                crossings[k]++;
            }
            for (int j = 0; j < m; j++) {
                if (best[j] == SLIDING && now[j] != SLIDING) {
                    slides++;
                }
                if (best[j] != SLIDING) {
                    armed[surfaces[j]] = false;
                }
            }
            mostSurfaces = Math.max(mostSurfaces, field.count());
        }

        /**
         * Writes the base-3 digits of {@code code} into {@code status}; returns how many differ
         * from {@code now}.
         */
        private static int decode(int code, int[] status, int[] now) {
            int changes = 0;
            for (int j = 0; j < status.length; j++) {
                status[j] = code % 3;
                code /= 3;
                changes += status[j] != now[j] ? 1 : 0;
            }
            return changes;
        }

        private static int pow3(int m) {
            int p = 1;
            for (int j = 0; j < m; j++) {
                p *= 3;
            }
            return p;
        }

        private static int indexIn(int[] surfaces, int k) {
            for (int j = 0; j < surfaces.length; j++) {
                if (surfaces[j] == k) {
                    return j;
                }
            }
            return -1;
        }

        /** Sets K and the pattern of {@code surfaces} to {@code status}. */
        private void apply(int[] surfaces, int[] status) {
            for (int j = 0; j < surfaces.length; j++) {
                if (field.contains(surfaces[j])) {
                    field.remove(surfaces[j], false);
                }
            }
            for (int j = 0; j < surfaces.length; j++) {
                if (status[j] == SLIDING) {
                    field.add(surfaces[j]);
                } else {
                    active[surfaces[j]] = status[j] == ACTIVE;
                }
            }
        }

        /**
         * Whether the field of the current K and pattern keeps every fraction in [0, 1] and moves
         * every surface of {@code surfaces} on a side into it (or along it); the surface at
         * {@code tangent}, which departs with ṡ = 0, is not asked to.
         */
        private boolean consistent(int[] surfaces, int[] status, int tangent) {
            evaluations += field.evaluate(time, theta, work);
            if (field.farthestOutside() >= 0) {
                return false;
            }
            for (int j = 0; j < surfaces.length; j++) {
                if (status[j] == SLIDING || j == tangent) {
                    continue;
                }
                double rate = objective.switchingRate(theta, work, surfaces[j]);
                if (status[j] == ACTIVE ? rate < 0 : rate > 0) {
                    return false;
                }
            }
            return true;
        }

        private boolean tooShort(double from, double to) {
            return to - from <= SHORTEST_INTERVAL * Math.max(Math.abs(from), Math.abs(to));
        }

        /** One integration from (time, θ, integrals) to {@code target}. */
        private void integrate(double target) {
            ExpandableStatefulODE equations = new ExpandableStatefulODE(this);
            if (integrals.length > 0) {
                equations.addSecondaryEquations(new Quadrature(integrand, field));
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
            if (field.count() > 0 && Double.isNaN(uniqueUntil)) {
                evaluations += field.evaluate(end, theta, probe);
                for (int j = 0; j < field.count(); j++) {
                    if (!field.attracting(j)) {
                        uniqueUntil = end;
                    }
                }
            }
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
            boolean evaluated = false;
            for (int k = 0; k < active.length; k++) {
                double value = objective.switchingValue(state, k);
                if (field.contains(k) || (value > 0) == active[k]) {
                    continue;
                }
                int which = k;
                double sign = active[k] ? 1 : -1;
                // s_k on the dense output, signed to be positive inside the region
                UnivariateFunction inside = t -> {
                    interpolator.setInterpolatedTime(t);
                    return sign * objective.switchingValue(interpolator.getInterpolatedState(),
                            which);
                };
                if (!armed[k]) {
                    // not yet seen on its side since an event: it may have gone there and come
                    // back within the step, or never have gone (an event at the step start if it
                    // moves farther away under the field)
                    double visited = latestVisit(inside, start, end);
                    if (!Double.isNaN(visited)) {
                        left = true;
                        propose(k, solver.solve(200, inside, visited, end,
                                AllowedSolution.RIGHT_SIDE));
                        continue;
                    }
                    if (!evaluated) {
                        evaluations += field.evaluate(end, state, probe);
                        evaluated = true;
                    }
                    double rate = objective.switchingRate(state, probe, k);
                    if (Math.abs(value) > Math.abs(objective.switchingValue(theta, k))
                            && (active[k] ? rate < 0 : rate > 0)) {
                        left = true;
                        propose(k, start);
                    }
                    continue;
                }
                left = true;
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

        /**
         * The latest of {@value #VISIT_SAMPLES} evenly spaced interior times of the step at which
         * {@code inside} is positive, or NaN if there is none.
         */
        private double latestVisit(UnivariateFunction inside, double start, double end) {
            for (int j = VISIT_SAMPLES; j >= 1; j--) {
                double t = start + (end - start) * j / (VISIT_SAMPLES + 1);
                if (inside.value(t) > 0) {
                    return t;
                }
            }
            return Double.NaN;
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

    /** The secondary equations d/dt ∫h = h(θ, θ̇), given the sliding motion at θ. */
    private record Quadrature(Integrand integrand, Sliding sliding) implements SecondaryEquations {
        @Override
        public int getDimension() {
            return integrand.size();
        }

        /** Called right after the primary field at the same state, so {@code sliding} is its. */
        @Override
        public void computeDerivatives(double t, double[] primary, double[] primaryDot,
                double[] secondary, double[] secondaryDot) {
            integrand.evaluate(primary, primaryDot, sliding, secondaryDot);
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
