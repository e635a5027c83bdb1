package org.saddlecheck.claim;

import java.util.Arrays;
import org.saddlecheck.dynamics.DormandPrince54Flow;
import org.saddlecheck.dynamics.Observer;
import org.saddlecheck.network.Magnitudes;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.task.Dataset;

/**
 * The accumulated round-off bound b_n on a relation d = Σ_k w_k θ_k = 0 between units (Theorem 3
 * (iii) and (iv)) along a run of an explicit Runge–Kutta method on gradient flow, gradient descent
 * being the one-stage method, and the measured deviation ‖d_n‖ against it after every accepted
 * step. See the spec theorem3.manifolds-kept-to-roundoff-along-runs for the derivation.
 *
 * <h2>Why the relation drifts only by round-off</h2>
 * For a network of the slot form of {@link GradientRoundoff}, the gradient of unit k is a function
 * F(θ_k; r) of its own weights and of the residuals r shared by all units, and on the manifold
 * Σ_k w_k F(θ_k; r) = 0 (F is linear in θ_k for linear φ, and F(γθ) = γF(θ) for γ &gt; 0 when φ is
 * positively homogeneous of degree 1). Off it, ‖Σ_k w_k F(θ_k; r)‖ ≤ a ‖d‖ with a
 * ({@link GradientRoundoff#ownJacobianBound}) bounding the Jacobian of F in θ_k. Every stage
 * point of an explicit Runge–Kutta step applies the same coefficients to every unit, so a stage
 * adds to d only what the dynamics carry over from the earlier stages and the round-off.
 *
 * <h2>The recursion</h2>
 * A step from θ_n evaluates ĝ_l, the computed gradient, at y_1 = θ_n and at
 * y_s = fl(θ_n + Σ_{l&lt;s} α_sl ĝ_l), α_sl = −h a_sl, and ends at
 * θ_{n+1} = fl(θ_n + Σ_l α̂_l ĝ_l) (or at its last stage, for first-same-as-last pairs). With
 * E_l = Σ_k |w_k| ‖δ_k(y_l)‖ (gradient round-off, {@link GradientRoundoff#gradientErrors}),
 * Y = Σ_k |w_k| ‖θ_n,k‖, Γ_l = Σ_k |w_k| ‖ĝ_l,k‖ and c_s the longest chain of roundings in the
 * combination:
 * <pre>
 *   β_1 = b_n
 *   β_s = b_n + Σ_{l&lt;s} |α_sl| (a_l β_l + E_l) + γ_{c_s} (Y + Σ_{l&lt;s} |α_sl| Γ_l)
 *   b_{n+1} = b_n + Σ_l |α̂_l| (a_l β_l + E_l) + γ_c (Y + Σ_l |α̂_l| Γ_l)
 * </pre>
 * and b_0 = γ_{W−1} Σ_k |w_k| ‖θ_k(0)‖ for placing the start on the manifold (W non-zero w_k).
 *
 * <h2>Observing the stages</h2>
 * {@link #watched} wraps the objective the integrator runs on and summarises every gradient it
 * computes (a, E, Y, Γ at that point); {@link #accepted} reads the step's stages from the last
 * evaluations: every covered integrator evaluates its stages in order and the gradient at the
 * accepted state last, before calling the observer. That model is checked at every step: the
 * number of gradients since the last accepted step (exactly that of the scheme for fixed steps, at
 * least that for the adaptive pair, which also evaluates rejected attempts and a starting probe),
 * and the last evaluation at the accepted state, bit for bit; a mismatch throws.
 */
final class DriftBound implements Observer {

    /** The covered integrators, with their coefficients relative to the step. */
    enum Scheme {
        /** θ ← θ − η g: one stage, two roundings per entry. */
        GRADIENT_DESCENT(new double[][] {{}}, new double[] {1}, new int[] {0}, 2, false),
        /**
         * The classical fourth-order method ({@code RungeKutta4}): stages θ − (h/2)g₁, θ − (h/2)g₂,
         * θ − h g₃ (two roundings each); θ − fl(h/6)·(g₁ + 2g₂ + 2g₃ + g₄) (five).
         */
        RUNGE_KUTTA_4(new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}},
                new double[] {1.0 / 6, 2.0 / 6, 2.0 / 6, 1.0 / 6}, new int[] {0, 2, 2, 2}, 5,
                false),
        /**
         * The Dormand–Prince 5(4) pair ({@code DormandPrince54Flow}): stage s is one chain of s − 1
         * fused multiply-adds per entry; the seventh stage is the accepted state.
         */
        DORMAND_PRINCE_54(DormandPrince54Flow.stageCoefficients(), null,
                new int[] {0, 1, 2, 3, 4, 5, 6}, 0, true);

        final double[][] stages;
        final double[] weights;
        final int[] stageRoundings;
        final int roundings;
        final boolean lastStageIsNext;

        Scheme(double[][] stages, double[] weights, int[] stageRoundings, int roundings,
                boolean lastStageIsNext) {
            this.stages = stages;
            this.weights = weights;
            this.stageRoundings = stageRoundings;
            this.roundings = roundings;
            this.lastStageIsNext = lastStageIsNext;
        }

        int stageCount() {
            return stages.length;
        }
    }

    /**
     * Relative slack for evaluating the bound itself: b_n is a sum of non-negative terms, each
     * computed through at most P·|u|·|v|·H + 100 ≤ 10⁴ roundings here, and accumulated over at
     * most 10⁵ steps, so the computed b_n is within a relative (10⁵ + 10⁴) u &lt; 2·10⁻¹¹ of the
     * exact one; 10⁻⁹ covers it.
     */
    static final double EVALUATION_SLACK = 1e-9;

    private static final int RING = 8;

    private final Network network;
    private final Dataset data;
    private final double[] w;
    private final double[] gamma;
    private final boolean dependent;
    private final Scheme scheme;
    private final double fixedStep;
    private final double placing;
    private final double measuring;

    // summaries of the last gradient evaluations: a, E, Y, Γ
    private final double[] ringA = new double[RING];
    private final double[] ringE = new double[RING];
    private final double[] ringY = new double[RING];
    private final double[] ringG = new double[RING];
    private final double[] lastPoint;
    private final double[] previous;
    private final double[] beta;
    private long count;
    /** The evaluations before the current step: the first of the run is stage 1 of step 1. */
    private long countAtAccepted = 1;
    private double firstA;
    private double firstE;
    private double firstY;
    private double firstG;
    private double previousTime;

    /** b_n after the last accepted step. */
    double bound;
    /** The largest ‖d_n‖ / (b_n + round-off of evaluating d_n) so far. */
    double worstUse;
    /** The largest ‖d_n‖ / b_n so far. */
    double largestRatio;
    /** ‖d_n‖ at the last accepted step. */
    double last;
    /** ‖θ_n‖ at the last accepted step. */
    double size;
    /** Accepted steps seen. */
    long steps;
    /** θ_n at the last accepted step. */
    final double[] latest;

    /**
     * @param relation the weights w of Σ_k w_k θ_k = 0; for the dependence the γ_k of
     *     θ_H = Σ_{k&lt;H} γ_k θ_k instead (then w_H = 1, w_k = −γ_k)
     * @param step η or h for fixed-step schemes (ignored for the adaptive one, whose steps are
     *     read from the accepted times)
     */
    DriftBound(Network network, Dataset data, double[] relation, boolean dependent, Scheme scheme,
            double step) {
        this.network = network;
        this.data = data;
        this.dependent = dependent;
        this.gamma = relation.clone();
        this.w = dependent ? dependenceWeights(relation) : relation.clone();
        this.scheme = scheme;
        this.fixedStep = step;
        int nonZero = 0;
        for (double x : w) {
            nonZero += x != 0 ? 1 : 0;
        }
        this.placing = Magnitudes.gamma(Math.max(1, nonZero - 1));
        this.measuring = Magnitudes.gamma(nonZero + 1);
        int n = network.parameterCount();
        this.lastPoint = new double[n];
        this.previous = new double[n];
        this.latest = new double[n];
        this.beta = new double[scheme.stageCount()];
    }

    /** The weights of the relation θ_H − Σ γ_k θ_k, as coefficients of every unit. */
    private static double[] dependenceWeights(double[] gamma) {
        double[] out = new double[gamma.length];
        for (int k = 0; k + 1 < gamma.length; k++) {
            out[k] = -gamma[k];
        }
        out[gamma.length - 1] = 1;
        return out;
    }

    /** The objective to hand to the integrator: {@code f}, with every gradient summarised. */
    Objective watched(Objective f) {
        return new Watched(f);
    }

    /** Starts the bound at θ(0), already placed on the manifold: b_0 = γ_{W−1} Y_0. */
    void start(double[] theta0) {
        System.arraycopy(theta0, 0, previous, 0, previous.length);
        bound = placing * weightedNorm(theta0);
        measure(theta0, weightedNorm(theta0));
    }

    @Override
    public void accepted(double time, double loss, double[] theta) {
        long evaluated = count - countAtAccepted;
        long expected = scheme.stageCount() - 1 + (scheme.lastStageIsNext ? 0 : 1);
        boolean fits = scheme.lastStageIsNext ? evaluated >= expected : evaluated == expected;
        if (count == 0 || !fits || !Arrays.equals(lastPoint, theta)) {
            throw new IllegalStateException("the step ending at t = " + time + " took " + evaluated
                    + " gradients, the last of them " + (Arrays.equals(lastPoint, theta) ? "" : "not ")
                    + "at the accepted state: the drift bound's model of the " + scheme
                    + " integrator does not fit it");
        }
        countAtAccepted = count;
        double h = scheme.lastStageIsNext ? adaptiveStep(time) : fixedStep;
        bound = next(h);
        previousTime = time;
        System.arraycopy(theta, 0, previous, 0, previous.length);
        int newest = slot(count - 1);
        firstA = ringA[newest];
        firstE = ringE[newest];
        firstY = ringY[newest];
        firstG = ringG[newest];
        steps++;
        measure(theta, firstY);
    }

    /** An upper bound on the step h of the accepted step, from the accepted times. */
    private double adaptiveStep(double time) {
        double u = Magnitudes.UNIT_ROUNDOFF;
        return (time - previousTime) * (1 + 2 * u) + 2 * u * Math.abs(time);
    }

    /** b_{n+1} from b_n and the stage summaries of the step just accepted. */
    private double next(double h) {
        double up = h * (1 + 4 * Magnitudes.UNIT_ROUNDOFF);
        int stages = scheme.stageCount();
        beta[0] = bound;
        for (int s = 1; s < stages; s++) {
            beta[s] = combination(scheme.stages[s], s, up, scheme.stageRoundings[s]);
        }
        if (scheme.lastStageIsNext) {
            return beta[stages - 1];
        }
        return combination(scheme.weights, stages, up, scheme.roundings);
    }

    /**
     * b_n + Σ_{l&lt;count} |c_l| h (a_l β_l + E_l) + γ_roundings (Y + Σ_l |c_l| h Γ_l), with the
     * stage summaries of stage l read from the first point or the ring.
     */
    private double combination(double[] c, int stagesUsed, double h, int roundings) {
        double carried = 0;
        double magnitude = firstY;
        for (int l = 0; l < stagesUsed; l++) {
            if (c[l] == 0) {
                continue;
            }
            double alpha = Math.abs(c[l]) * h;
            int k = l == 0 ? -1 : stageSlot(l);
            double a = k < 0 ? firstA : ringA[k];
            double e = k < 0 ? firstE : ringE[k];
            double g = k < 0 ? firstG : ringG[k];
            carried += alpha * (a * beta[l] + e);
            magnitude += alpha * g;
        }
        return bound + carried + Magnitudes.gamma(roundings) * magnitude;
    }

    /** The ring slot of stage l (0-based, l ≥ 1) of the step just accepted. */
    private int stageSlot(int l) {
        int stages = scheme.stageCount();
        long back = (stages - 1 - l) + (scheme.lastStageIsNext ? 0 : 1);
        return slot(count - 1 - back);
    }

    private static int slot(long evaluation) {
        return (int) (evaluation % RING);
    }

    /** Measures ‖d‖ at θ against b_n plus the round-off of computing d, γ_{W+1} Y. */
    private void measure(double[] theta, double weighted) {
        last = ManifoldRunClaims.deviation(network, theta, dependent ? gamma : w, dependent);
        double allowed = (bound + measuring * weighted) * (1 + EVALUATION_SLACK);
        worstUse = Math.max(worstUse, last / allowed);
        largestRatio = Math.max(largestRatio, last / bound);
        size = Math.sqrt(dot(theta, theta));
        System.arraycopy(theta, 0, latest, 0, latest.length);
    }

    /** Summarises a gradient evaluation: a, E, Y and Γ at the point y with computed gradient g. */
    private void log(double[] y, double[] g) {
        if (count == 0 && !Arrays.equals(y, previous)) {
            throw new IllegalStateException("the first gradient was not evaluated at θ(0): the"
                    + " drift bound's model of the " + scheme + " integrator does not fit it");
        }
        int k = slot(count);
        double[] errors = errors(y);
        ringA[k] = GradientRoundoff.ownJacobianBound(network, data, y);
        ringE[k] = weightedNorm(errors);
        ringY[k] = weightedNorm(y);
        ringG[k] = weightedNorm(g);
        if (count == 0) {
            firstA = ringA[k];
            firstE = ringE[k];
            firstY = ringY[k];
            firstG = ringG[k];
        }
        System.arraycopy(y, 0, lastPoint, 0, lastPoint.length);
        count++;
    }

    /**
     * The gradient round-off bounds at y: {@link GradientRoundoff#gradientErrors} for networks of
     * slot form; for others (the specificity claim's reference scale) those of {@link Magnitudes}.
     */
    private double[] errors(double[] y) {
        if (GradientRoundoff.slotForm(network)) {
            return GradientRoundoff.gradientErrors(network, data, y);
        }
        Magnitudes m = Magnitudes.of(network, data, y);
        double[] out = new double[y.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = m.entry(k);
        }
        return out;
    }

    /** Σ_k |w_k| ‖x_k‖ over the unit blocks of x. */
    private double weightedNorm(double[] x) {
        int s = network.unitSize();
        double total = 0;
        for (int k = 0; k < w.length; k++) {
            if (w[k] != 0) {
                double n = 0;
                for (int d = 0; d < s; d++) {
                    n += x[k * s + d] * x[k * s + d];
                }
                total += Math.abs(w[k]) * Math.sqrt(n);
            }
        }
        return total;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += x[k] * y[k];
        }
        return s;
    }

    /** The integrator's objective, summarising every gradient it computes. */
    private final class Watched implements Objective {
        private final Objective f;

        Watched(Objective f) {
            this.f = f;
        }

        @Override
        public int dimension() {
            return f.dimension();
        }

        @Override
        public double loss(double[] theta) {
            return f.loss(theta);
        }

        @Override
        public double lossAndGradient(double[] theta, double[] gradient) {
            double loss = f.lossAndGradient(theta, gradient);
            log(theta, gradient);
            return loss;
        }

        /** An unwatched copy: evaluations on it are not part of the observed run. */
        @Override
        public Objective copy() {
            return f.copy();
        }
    }
}
