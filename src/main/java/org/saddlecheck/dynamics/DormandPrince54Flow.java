package org.saddlecheck.dynamics;

import org.saddlecheck.Require;
import org.saddlecheck.SaddlecheckException;
import org.saddlecheck.network.Kernels;
import org.saddlecheck.network.Objective;

/**
 * Gradient flow dθ/dt = −∇L(θ) by the Dormand–Prince 5(4) pair (Dormand and Prince, "A family of
 * embedded Runge–Kutta formulae", J. Comput. Appl. Math. 6, 1980; Hairer, Nørsett and Wanner,
 * <i>Solving Ordinary Differential Equations I</i>, Section II.5), written for large parameter
 * vectors and cheap gradients: the fast choice at moderate accuracy, next to {@link GradientFlow}
 * (Commons Math's Dormand–Prince 8(5,3)), which stays the reference for tight tolerances.
 *
 * <h2>Method</h2>
 * Seven stages, the last evaluated at the accepted state (first same as last), so an accepted step
 * costs 6 gradient evaluations and its loss comes free with the last one. The fifth-order solution
 * is propagated; the difference to the embedded fourth-order one estimates the local error. The
 * error control is {@link GradientFlow}'s: a step is accepted when the root mean square of
 * ê_j/τ_j is at most 1, τ_j = rρ + r·max(|θ_j(t)|, |θ_j(t+h)|), ρ the root mean square of θ(0);
 * a NaN estimate (an overflowing stage) counts as +∞ and rejects the step. The next step is
 * h·min(10, max(0.2, 0.9·err^(−1/5))), without growth right after a rejection; the first step
 * follows the starting-step heuristic of Hairer, Nørsett and Wanner (Section II.4), which costs
 * one gradient evaluation.
 *
 * <h2>Cost per step</h2>
 * Stage states, the error estimate and the dense output are sums of scaled stage gradients, each
 * computed in one pass as a chain of fused multiply-adds per entry ({@link Kernels#combine},
 * vectorized when the Vector API is present). Nothing is allocated per step. Records
 * between step ends use the method's fourth-order continuous extension (Hairer, Nørsett and
 * Wanner, Section II.6, the interpolant of their code DOPRI5), formed only for steps that contain a
 * record, at one extra chain per such step plus one loss evaluation per record.
 *
 * <h2>Limitations</h2>
 * The order is 5, so at tight tolerances (r ≤ 10⁻⁹) it takes many more steps than the
 * eighth-order {@link GradientFlow}; the dense output is of order 4, so records between step ends
 * carry an interpolation error above the step tolerance when steps are long. The step shrinks at
 * ReLU kinks as {@link GradientFlow}'s does.
 */
public final class DormandPrince54Flow implements Integrator {

    // the Butcher tableau: nodes c_s, stage coefficients a_sl (l < s), weights b_l of the
    // fifth-order solution (row 7 of a, so that stage 7 sits at the new state), and
    // e_l = b_l − b̂_l with b̂ the fourth-order weights
    static final double[] C = {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1};
    static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84},
    };
    static final double[] B = {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0};
    static final double[] B_HAT = {5179.0 / 57600, 0, 7571.0 / 16695, 393.0 / 640,
        -92097.0 / 339200, 187.0 / 2100, 1.0 / 40};
    /** The weights d_l of the fourth-order continuous extension (see {@link #denseWeights}). */
    static final double[] D = {-12715105075.0 / 11282082432.0, 0, 87487479700.0 / 32700410799.0,
        -10690763975.0 / 1880347072, 701980252875.0 / 199316789632.0, -1453857185.0 / 822651844,
        69997945.0 / 29380423};

    /** e_l = b_l − b̂_l, the weights of the error estimate. */
    static final double[] E = new double[B.length];

    static {
        for (int l = 0; l < B.length; l++) {
            E[l] = B[l] - B_HAT[l];
        }
    }

    /**
     * A copy of the stage coefficients a_sl (row s, l &lt; s; row 7 holds the weights of the
     * fifth-order solution), for observers that bound what a step does with its stages.
     */
    public static double[][] stageCoefficients() {
        double[][] out = new double[A.length][];
        for (int s = 0; s < A.length; s++) {
            out[s] = A[s].clone();
        }
        return out;
    }

    /** The weight of one explicit Euler step, for the starting-step estimate. */
    private static final double[] EULER = {1};

    private static final int STAGES = 7;
    private static final double SAFETY = 0.9;
    private static final double MIN_FACTOR = 0.2;
    private static final double MAX_FACTOR = 10;

    private final double relativeTolerance;
    private final int maxEvaluations;

    /**
     * @param relativeTolerance r in [10⁻¹⁴, 1): the relative error allowed per step; the absolute
     *     part is r times the root mean square of θ(0), as in {@link GradientFlow}
     */
    public DormandPrince54Flow(double relativeTolerance) {
        this(relativeTolerance, Integer.MAX_VALUE);
    }

    private DormandPrince54Flow(double relativeTolerance, int maxEvaluations) {
        Require.that(relativeTolerance >= GradientFlow.SMALLEST_TOLERANCE && relativeTolerance < 1,
                "relative tolerance (" + relativeTolerance + ") must lie in [1e-14, 1): tolerances"
                        + " near the unit round-off 1.1e-16 cannot be met");
        this.relativeTolerance = relativeTolerance;
        this.maxEvaluations = Require.positive("gradient-evaluation budget", maxEvaluations);
    }

    /** The same flow, giving up with a {@link SaddlecheckException} after {@code budget} gradients. */
    public DormandPrince54Flow withMaxEvaluations(int budget) {
        return new DormandPrince54Flow(relativeTolerance, budget);
    }

    @Override
    public String kind() {
        return "flow";
    }

    /** r. */
    public double relativeTolerance() {
        return relativeTolerance;
    }

    /**
     * The weights b_l(θ) of the continuous extension: the state at t + θh is
     * θ(t) + h Σ_l b_l(θ) k_l with k_l the stage derivatives, where in nested form
     * y(θ) = y₀ + θ(Δ + (1−θ)(hk₁ − Δ + θ(2Δ − hk₁ − hk₇ + (1−θ)h Σ d_l k_l))), Δ = h Σ b_l k_l.
     * The tests check its order conditions.
     */
    static double[] denseWeights(double theta) {
        return denseWeights(theta, new double[STAGES]);
    }

    /** {@link #denseWeights(double)} written into {@code w} (length 7), which is returned. */
    static double[] denseWeights(double theta, double[] w) {
        for (int l = 0; l < STAGES; l++) {
            double delta = B[l];
            double first = l == 0 ? 1 : 0;
            double last = l == STAGES - 1 ? 1 : 0;
            w[l] = theta * (delta + (1 - theta) * (first - delta
                    + theta * (2 * delta - first - last + (1 - theta) * D[l])));
        }
        return w;
    }

    /**
     * Integrates dθ/dt = −∇L(θ) from θ(0) = {@code theta0} to the plan's end time or its stop rule.
     * Does not modify {@code theta0}.
     *
     * @throws org.saddlecheck.DivergenceException if the loss or θ becomes non-finite or the loss
     *     exceeds the blow-up bound, naming the time
     * @throws SaddlecheckException if the step falls below its minimum or the evaluation budget runs
     *     out, naming the time reached
     */
    @Override
    public Trajectory run(Objective objective, double[] theta0, RunPlan plan) {
        return new Run(objective, theta0, plan).integrate();
    }

    /** The state of one run; all arrays are allocated once, nothing per step. */
    private final class Run {
        private final Objective objective;
        private final int n;
        private final double endTime;
        private final double absolute;
        private final double minStep;
        private final double maxStep;
        /** ∇L at the stage states of the current step; stage 0 is ∇L(y). */
        private final double[][] grads = new double[STAGES][];
        private final double[] y;
        private final double[] next;
        private final double[] stage;
        private final double[] work;
        private final double[] alpha = new double[STAGES];
        private final double[] dense = new double[STAGES];
        private final double[] zeros;
        private final Recorder recorder;
        private long evaluations;
        private long lossEvaluations;
        private long steps;
        private double time;
        private double loss;

        Run(Objective objective, double[] theta0, RunPlan plan) {
            this.objective = objective;
            n = objective.dimension();
            Require.length("θ(0)", theta0, n);
            Require.finite("θ(0)", theta0);
            endTime = plan.endTime();
            absolute = relativeTolerance * GradientFlow.initialScale(theta0);
            minStep = GradientFlow.MIN_STEP_FRACTION * endTime;
            maxStep = endTime / GradientFlow.MIN_STEPS_PER_RUN;
            for (int l = 0; l < STAGES; l++) {
                grads[l] = new double[n];
            }
            y = theta0.clone();
            next = new double[n];
            stage = new double[n];
            work = new double[n];
            zeros = new double[n];
            recorder = new Recorder(kind(), plan, objective.loss(theta0), theta0);
        }

        /** Writes ∇L({@code state}) into {@code out} and returns L, counting against the budget. */
        private double gradient(double[] state, double[] out) {
            if (evaluations >= maxEvaluations) {
                throw new SaddlecheckException("the budget of " + maxEvaluations
                        + " gradient evaluations ran out after " + Recorder.where(time,
                        Recorder.NO_STEP));
            }
            evaluations++;
            return objective.lossAndGradient(state, out);
        }

        Trajectory integrate() {
            loss = gradient(y, grads[0]);
            double h = Math.max(minStep, Math.min(maxStep, initialStep()));
            boolean rejected = false;
            while (true) {
                boolean last = time + h >= endTime;
                if (last) {
                    h = endTime - time;
                }
                double nextLoss = attempt(h);
                double err = errorNorm(h);
                if (err <= 1) {
                    steps++;
                    double end = last ? endTime : time + h;
                    recordInside(end, h);
                    time = end;
                    System.arraycopy(next, 0, y, 0, n);
                    double[] first = grads[0];
                    grads[0] = grads[STAGES - 1];
                    grads[STAGES - 1] = first;
                    loss = nextLoss;
                    if (!Recorder.finite(y)) {
                        throw Recorder.nonFiniteTheta(time, Recorder.NO_STEP);
                    }
                    if (recorder.stepEnd(time, loss, y, Recorder.NO_STEP) || last) {
                        break;
                    }
                    double factor = Math.min(MAX_FACTOR, Math.max(MIN_FACTOR,
                            SAFETY * Math.pow(err, -0.2)));
                    h *= rejected ? Math.min(1, factor) : factor;
                    rejected = false;
                } else {
                    h *= Math.max(MIN_FACTOR, SAFETY * Math.pow(err, -0.2));
                    rejected = true;
                }
                h = Math.min(h, maxStep);
                if (h < minStep) {
                    throw new SaddlecheckException("the adaptive step fell below the minimum "
                            + Recorder.number(minStep) + " after " + Recorder.where(time,
                            Recorder.NO_STEP) + ": the flow blows up in finite time or its vector"
                            + " field is not smooth there (a ReLU kink)");
                }
            }
            return recorder.finish(time, loss, y, evaluations, lossEvaluations + 1, steps);
        }

        /**
         * Stages 2 … 7 of a step of length h from y (∇L(y) is in grads[0]): stage s sits at
         * y − h Σ_{l&lt;s} a_sl ∇L_l. The seventh is the fifth-order solution, left in {@code next}
         * with its gradient in grads[6]. Returns L(next).
         */
        private double attempt(double h) {
            double nextLoss = 0;
            for (int s = 1; s < STAGES; s++) {
                double[] target = s == STAGES - 1 ? next : stage;
                combine(A[s], s, -h, y, target);
                nextLoss = gradient(target, grads[s]);
            }
            return nextLoss;
        }

        /** out = start + scale·Σ_{l&lt;count} w_l ∇L_l, one pass over the entries. */
        private void combine(double[] w, int count, double scale, double[] start, double[] out) {
            for (int l = 0; l < count; l++) {
                alpha[l] = scale * w[l];
            }
            Kernels.combine(start, alpha, grads, count, out, n);
        }

        /** √(mean((ê_j/τ_j)²)) with ê = −h Σ (b_l − b̂_l) ∇L_l; a NaN norm becomes +∞. */
        private double errorNorm(double h) {
            combine(E, STAGES, -h, zeros, work);
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double tau = absolute + relativeTolerance * Math.max(Math.abs(y[j]),
                        Math.abs(next[j]));
                double ratio = work[j] / tau;
                sum += ratio * ratio;
            }
            double norm = Math.sqrt(sum / n);
            return Double.isNaN(norm) ? Double.POSITIVE_INFINITY : norm;
        }

        /**
         * Records and snapshots strictly inside the accepted step (time, end), from the continuous
         * extension y(θ) = y + Σ_l b_l(θ)(−h ∇L_l), one loss evaluation each.
         */
        private void recordInside(double end, double h) {
            for (double t = recorder.nextScheduledTime(); t > time && t < end;
                    t = recorder.nextScheduledTime()) {
                combine(denseWeights((t - time) / h, dense), STAGES, -h, y, work);
                recorder.scheduled(t, objective.loss(work), work);
                lossEvaluations++;
            }
        }

        /**
         * The starting step of Hairer, Nørsett and Wanner (Section II.4) in the error norm of the
         * run: h₀ = 0.01·‖y‖/‖f‖ (10⁻⁶ if either is tiny), one Euler step to measure the second
         * derivative, and h = min(100h₀, (0.01/max(‖f‖, ‖f'‖))^{1/5}).
         */
        private double initialStep() {
            double d0 = 0;
            double d1 = 0;
            for (int j = 0; j < n; j++) {
                double sc = absolute + relativeTolerance * Math.abs(y[j]);
                d0 += (y[j] / sc) * (y[j] / sc);
                d1 += (grads[0][j] / sc) * (grads[0][j] / sc);
            }
            d0 = Math.sqrt(d0 / n);
            d1 = Math.sqrt(d1 / n);
            double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
            h0 = Math.min(h0, maxStep);
            combine(EULER, 1, -h0, y, stage);
            gradient(stage, grads[1]);
            double d2 = 0;
            for (int j = 0; j < n; j++) {
                double sc = absolute + relativeTolerance * Math.abs(y[j]);
                double diff = (grads[1][j] - grads[0][j]) / sc;
                d2 += diff * diff;
            }
            d2 = Math.sqrt(d2 / n) / h0;
            double larger = Math.max(d1, d2);
            double h1 = larger <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / larger, 0.2);
            return Math.min(100 * h0, h1);
        }
    }
}
