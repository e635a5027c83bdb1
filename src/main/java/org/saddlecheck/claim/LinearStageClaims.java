package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.saddlecheck.analysis.ModeStrengths;
import org.saddlecheck.analysis.StageDetector;
import org.saddlecheck.analysis.Stages;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;

/**
 * The dynamics of two-layer linear networks from small initialization (paper, Section 6.1,
 * Theorem 4): modes of Σ_yx are learned one distinct singular value at a time, in decreasing order
 * of s_k, at half-learning times t_k ≈ (1/(2 s_k)) ln(2 s_k/(H ε²)), with plateaus at
 * ½ Σ_{j&gt;k} s_j² between them. Every claim trains one network by gradient flow on whitened data
 * (D_in = D_out ≤ 4, H ≤ 16, ε from 10⁻³ to 10⁻⁸) and measures the mode strengths
 * w_k = q_kᵀ W r_k along the run ({@link LinearRun}).
 *
 * <p>The random initialization gives each mode an effective initial strength
 * w_0 = (ε²/2) χ²_ν with ν = H − k + 1 degrees of freedom for mode k (derived in the spec of
 * {@code theorem4.half-learning-time}); the timing claim accepts the spread of that χ² at a stated
 * false-alarm rate.
 *
 * <p>Every claim draws a fully connected network or, with probability 1/2, a linear
 * convolutional network with non-overlapping patches on whitened patch data ({@link
 * org.saddlecheck.task.Patches}): its loss is ½‖T − W‖²_F + const with W = Σ v_i u_iᵀ (N_p × k) and
 * T the patch statistic, the fully connected loss with Σ_yx replaced by T, so the same predictions
 * apply with T's singular values ({@link LinearRun#statistic}).
 */
public final class LinearStageClaims {

    /** The false-alarm rate of one check of the timing claim, split evenly between both tails. */
    static final double ALPHA = 1e-5;
    /** Units beyond the number of modes, so that ν = H − k + 1 ≥ 5 for every mode. */
    static final int SPARE_UNITS = 4;
    private static final int MAX_DIMENSION = 4;
    private static final int MAX_MODES = 3;
    private static final int MAX_WIDTH = 16;
    /** Largest gap ratio s_{k+1}/s_k of distinct modes in the asserted regime. */
    static final double MAX_RATIO = 0.5;
    /** Slack in 2 s_k (t − t̂) for the interpolated crossing on the fine grid (see LinearRun). */
    static final double GRID_SLACK = 2 * LinearRun.FINE_STEP;
    /** Bound on the integrator's error in 2 s_k t (GradientFlow, relative tolerance 10⁻⁹). */
    static final double FLOW_SLACK = 1e-4;

    private LinearStageClaims() {
    }

    /** The claims of this family, in catalogue order. */
    public static List<Claim> claims() {
        return List.of(halfLearningTime(), stageOrder(), plateauLevels(), widthShift());
    }

    /** Section 6.1: H → cH shifts drop k by −ln(c)/(2 s_k). */
    static Claim widthShift() {
        return Claim.in(LinearStageClaims.class, "theorem4.width-shift")
                .trials(trials(1, false, -3))
                .regimes(LinearStageClaims::regimes)
                .require("several-modes", 0.2)
                .require("linear", KIND_SHARE).require("linear-conv", KIND_SHARE)
                .check(t -> checkWidthShift(t, UnaryOperator.identity()))
                .shrinkBudget(20)
                .build();
    }

    /** The width factor c of the width-shift claim. */
    static final int WIDTH_FACTOR = 4;

    /**
     * For each mode k: the shift 2 s_k (t_k(cH) − t_k(H)) against −ln c, with c = 4 and the
     * network of cH units drawn from the same seed (its first H units are those of the narrow one).
     * Accepted: the difference of the two timing bands, [lo_{cH} − hi_H, hi_{cH} − lo_H], widened
     * by both runs' slacks (spec).
     */
    static Outcome checkWidthShift(Trial t, UnaryOperator<Objective> breaker) {
        double[] s = t.scenario().data().spectrum();
        int h = t.scenario().network().width();
        int wide = WIDTH_FACTOR * h;
        double epsilon = t.scenario().init().scale();
        if (distinctRatioAbove(s, MAX_RATIO)) {
            return Outcome.discard("a gap ratio s_{k+1}/s_k is above " + MAX_RATIO);
        }
        Scenario sc = t.scenario();
        Trial widened = new Trial(sc.withNetwork(sc.network().withWidth(wide)).withDynamics(
                DynamicsSpec.flow(endTime(s, wide, epsilon), LinearRun.TOLERANCE)), t.parameters());
        LinearRun narrow = run(t, breaker);
        LinearRun broad = run(widened, breaker);
        Outcome worst = null;
        for (int k = 0; k < s.length; k++) {
            double[] bn = band(h, k);
            double[] bw = band(wide, k);
            double slack = 2 * (GRID_SLACK + FLOW_SLACK) + 2 * (w0Max(h, k, epsilon)
                    + w0Max(wide, k, epsilon)) / s[k];
            double lo = bw[0] - bn[1] - slack;
            double hi = bw[1] - bn[0] + slack;
            double shift = 2 * s[k] * (broad.halfTime(k) - narrow.halfTime(k));
            double measured = shift + Math.log(WIDTH_FACTOR);
            Outcome o = Outcome.within(measured, (lo + hi) / 2, (hi - lo) / 2,
                    String.format(Locale.ROOT, "s = %s, H = %d → %d, ε = %s: mode %d moved by"
                            + " 2s·Δt = %s against −ln %d = %s.", list(s), h, wide, n(epsilon),
                            k + 1, n(shift), WIDTH_FACTOR, n(-Math.log(WIDTH_FACTOR))));
            if (worst == null || o.usage() > worst.usage()) {
                worst = o;
            }
        }
        return worst;
    }

    /** The upper (1 − α/2) quantile of the effective w_0 = (ε²/2) χ²_{H−k}. */
    private static double w0Max(int h, int k, double epsilon) {
        return epsilon * epsilon / 2
                * new ChiSquaredDistribution(null, h - k).inverseCumulativeProbability(1 - ALPHA / 2);
    }

    /** Section 6.1: t_k ≈ (1/(2 s_k)) ln(2 s_k/(H ε²)), with the χ² spread of the random start. */
    static Claim halfLearningTime() {
        return Claim.in(LinearStageClaims.class, "theorem4.half-learning-time")
                .trials(trials(1, false, -3))
                .regimes(LinearStageClaims::regimes)
                .require("several-modes", 0.2).require("epsilon-below-1e-5", 0.1)
                .require("linear", KIND_SHARE).require("linear-conv", KIND_SHARE)
                .check(t -> checkTiming(t, UnaryOperator.identity()))
                .evidence(t -> evidence(t, UnaryOperator.identity()))
                .shrinkBudget(30)
                .build();
    }

    /** Section 6.1: one drop per distinct singular value, rank rising by its multiplicity. */
    static Claim stageOrder() {
        return Claim.in(LinearStageClaims.class, "theorem4.stage-order")
                .trials(trials(1, true, -5))
                .regimes(LinearStageClaims::regimes)
                .require("tied", 0.05).require("several-modes", 0.2)
                .require("linear", KIND_SHARE).require("linear-conv", KIND_SHARE)
                .check(t -> checkOrder(t, UnaryOperator.identity()))
                .evidence(t -> evidence(t, UnaryOperator.identity()))
                .shrinkBudget(30)
                .build();
    }

    /** Section 6.1: plateau k sits at ½ Σ_{j&gt;k} s_j² above the irreducible loss (here 0). */
    static Claim plateauLevels() {
        return Claim.in(LinearStageClaims.class, "theorem4.plateau-levels")
                .trials(trials(2, false, -3))
                .regimes(LinearStageClaims::regimes)
                .require("three-modes", 0.05)
                .require("linear", KIND_SHARE).require("linear-conv", KIND_SHARE)
                .check(t -> checkPlateaus(t, UnaryOperator.identity()))
                .evidence(t -> evidence(t, UnaryOperator.identity()))
                .shrinkBudget(30)
                .build();
    }

    // ---------------------------------------------------------------- generators

    /**
     * Trials: D_in = D_out = d in [fewestModes + 1, 4], m in [fewestModes, min(d, 3)] modes with
     * s_1 in [1, 2] and ratios s_{k+1}/s_k in [0.2, 0.5] (exactly 1, a tie, with probability 0.5
     * when {@code ties}), H in [m + 4, 16], ε log-uniform over 10^{largestDecade} … 10⁻⁸, P = d
     * samples, gradient flow to {@link #endTime}.
     */
    static Gen<Trial> trials(int fewestModes, boolean ties, int largestDecade) {
        Gen<Integer> dims = Gen.integers(fewestModes + 1, MAX_DIMENSION);
        Gen<Double> top = Gen.decimals(1, 2, 1);
        Gen<Double> ratio = Gen.decimals(0.2, MAX_RATIO, 2);
        Gen<Double> scales = Generators.initScales(largestDecade, -8);
        Gen<Long> seeds = Generators.seeds();
        Gen<Trial> gen = c -> {
            boolean conv = c.flag(0.5);
            int d = dims.draw(c);
            int kernel = conv ? dims.draw(c) : d;
            int m = Gen.integers(fewestModes, Math.min(Math.min(d, kernel), MAX_MODES)).draw(c);
            double[] s = new double[m];
            s[0] = top.draw(c);
            for (int k = 1; k < m; k++) {
                s[k] = s[k - 1] * (ties && c.flag(0.5) ? 1.0 : ratio.draw(c));
            }
            int h = Gen.integers(m + SPARE_UNITS, MAX_WIDTH).draw(c);
            double epsilon = scales.draw(c);
            DataSpec data = conv ? DataSpec.generated(DataSpec.PATCHES, seeds.draw(c), d * kernel, s)
                    : DataSpec.generated(DataSpec.WHITENED, seeds.draw(c), d, s);
            InitSpec init = InitSpec.gaussian(epsilon, seeds.draw(c));
            NetworkSpec net = conv ? convolutional(d, kernel, h)
                    : NetworkSpec.fullyConnected("linear", d, d, h);
            DynamicsSpec dyn = DynamicsSpec.flow(endTime(s, h, epsilon), LinearRun.TOLERANCE);
            return Trial.of(new Scenario(net, data, init, dyn));
        };
        return gen.named("linear-stage-trial");
    }

    /**
     * A linear convolutional network: {@code h} kernels of size {@code kernel} over {@code patches}
     * non-overlapping patches (u_i ∈ R^k, v_i ∈ R^{N_p}).
     */
    static NetworkSpec convolutional(int patches, int kernel, int h) {
        return new NetworkSpec("linear-conv", h, 0, 0, false, patches, kernel, 0, 0);
    }

    /** The network in words: "d = 3" or "conv, N_p = 3, k = 2". */
    static String shape(NetworkSpec net) {
        return net.kind().equals("linear-conv")
                ? String.format(Locale.ROOT, "conv, N_p = %d, k = %d", net.patches(), net.kernel())
                : "d = " + net.inputs();
    }

    /**
     * The least share of judged tries of each network kind, each drawn with probability 1/2: one
     * try at the default budgets of 10 to 20 (⌈0.05 n⌉ = 1), so a correct generator misses a kind
     * with probability 2·2⁻ⁿ, at most 2·10⁻³.
     */
    static final double KIND_SHARE = 0.05;

    /** The last mode's band end plus 3/s_m, time for every mode to finish its drop. */
    static double endTime(double[] s, int h, double epsilon) {
        double end = 0;
        for (int k = 0; k < s.length; k++) {
            end = Math.max(end, predictedTime(s[k], h, epsilon) + band(h, k)[1] / (2 * s[k]));
        }
        return end + 3 / s[s.length - 1];
    }

    static List<String> regimes(Trial t) {
        double[] s = t.scenario().data().spectrum();
        List<String> out = new ArrayList<>(Generators.spectrumRegimes(s, s.length, s.length));
        out.add(t.scenario().network().kind());
        if (s.length >= 2) {
            out.add("several-modes");
        }
        if (s.length >= 3) {
            out.add("three-modes");
        }
        if (t.scenario().init().scale() < 1e-5) {
            out.add("epsilon-below-1e-5");
        }
        return out;
    }

    // ---------------------------------------------------------------- theory

    /** t̂ = (1/(2s)) ln(2s/(H ε²)) (Section 6.1). */
    static double predictedTime(double s, int h, double epsilon) {
        return Math.log(2 * s / (h * epsilon * epsilon)) / (2 * s);
    }

    /**
     * The (1 − α) band of δ_k = 2 s_k (t_k − t̂_k) from the χ² spread alone:
     * δ = −ln(χ²_ν/H), ν = H − k (k counted from 0), so δ ∈ [−ln(q_{1−α/2}/H), −ln(q_{α/2}/H)].
     */
    static double[] band(int h, int k) {
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, h - k);
        double lo = -Math.log(chi2.inverseCumulativeProbability(1 - ALPHA / 2) / h);
        double hi = -Math.log(chi2.inverseCumulativeProbability(ALPHA / 2) / h);
        return new double[] {lo, hi};
    }

    /** The run of a trial, with fine snapshots over each mode's band (padded by 1/s_k). */
    static LinearRun run(Trial t, UnaryOperator<Objective> breaker) {
        double[] s = t.scenario().data().spectrum();
        int h = t.scenario().network().width();
        double epsilon = t.scenario().init().scale();
        double[][] windows = new double[s.length][];
        for (int k = 0; k < s.length; k++) {
            double center = predictedTime(s[k], h, epsilon);
            double[] b = band(h, k);
            windows[k] = new double[] {center + b[0] / (2 * s[k]) - 1 / s[k],
                center + b[1] / (2 * s[k]) + 1 / s[k]};
        }
        return LinearRun.of(t, t.scenario().dynamics().endTime(), windows, breaker);
    }

    // ---------------------------------------------------------------- checks

    /**
     * For each mode k: δ_k = 2 s_k (t_k − t̂_k) inside the χ² band widened by the grid, flow and
     * Saxe-denominator slacks (derivation in the spec). Reports the mode using most of its band.
     */
    static Outcome checkTiming(Trial t, UnaryOperator<Objective> breaker) {
        return timing(t, breaker, true);
    }

    /** The timing check; outside the regime it is discarded only when {@code gated}. */
    static Outcome timing(Trial t, UnaryOperator<Objective> breaker, boolean gated) {
        double[] s = t.scenario().data().spectrum();
        int h = t.scenario().network().width();
        double epsilon = t.scenario().init().scale();
        if (gated && distinctRatioAbove(s, MAX_RATIO)) {
            return Outcome.discard("a gap ratio s_{k+1}/s_k is above " + MAX_RATIO);
        }
        LinearRun run = run(t, breaker);
        Outcome worst = null;
        for (int k = 0; k < s.length; k++) {
            double[] b = band(h, k);
            ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, h - k);
            double w0Max = epsilon * epsilon / 2 * chi2.inverseCumulativeProbability(1 - ALPHA / 2);
            double slack = GRID_SLACK + FLOW_SLACK + 2 * w0Max / s[k];
            double delta = 2 * s[k] * (run.halfTime(k) - predictedTime(s[k], h, epsilon));
            double center = (b[0] + b[1]) / 2;
            double half = (b[1] - b[0]) / 2 + slack;
            Outcome o = Outcome.within(delta, center, half, String.format(Locale.ROOT,
                    "In a linear network (%s, H = %d, ε = %s, s = %s), mode %d reached half its"
                            + " strength at t = %s against t̂ = %s: 2s(t − t̂) = %s, band [%s, %s].",
                    shape(t.scenario().network()), h, n(epsilon), list(s),
                    k + 1, n(run.halfTime(k)), n(predictedTime(s[k], h, epsilon)), n(delta),
                    n(center - half), n(center + half)));
            if (worst == null || o.usage() > worst.usage()) {
                worst = o;
            }
        }
        return worst;
    }

    /**
     * Drops of the loss (stage detector) against the number of distinct singular values, and the
     * rank of W (singular values above s_m/2) in the middle of every plateau against the
     * multiplicities learned so far. Measured: the number of disagreements; predicted 0.
     */
    static Outcome checkOrder(Trial t, UnaryOperator<Objective> breaker) {
        return order(t, breaker, true);
    }

    /** The order check; outside the regime it is discarded only when {@code gated}. */
    static Outcome order(Trial t, UnaryOperator<Objective> breaker, boolean gated) {
        double[] s = t.scenario().data().spectrum();
        List<Integer> cumulative = new ArrayList<>();
        for (int k = 0; k < s.length; k++) {
            if (k + 1 == s.length || s[k + 1] != s[k]) {
                cumulative.add(k + 1);
            }
        }
        String outside = unseparated(s, t.scenario().network().width(), t.scenario().init().scale());
        if (gated && outside != null) {
            return Outcome.discard(outside);
        }
        LinearRun run = run(t, breaker);
        Stages stages = StageDetector.detect(run.times(), run.losses());
        int disagreements = 0;
        StringBuilder ranks = new StringBuilder();
        if (stages.dropCount() != cumulative.size()) {
            disagreements++;
        }
        double threshold = s[s.length - 1] / 2;
        double[] drops = stages.dropTimes();
        for (int k = 0; k + 1 < drops.length && k < cumulative.size(); k++) {
            int j = run.nearest((drops[k] + drops[k + 1]) / 2);
            int rank = org.saddlecheck.analysis.EffectiveWidth.rank(run.network(), run.thetas()[j],
                    threshold);
            ranks.append(k == 0 ? "" : ", ").append(rank);
            if (rank != cumulative.get(k)) {
                disagreements++;
            }
        }
        int last = org.saddlecheck.analysis.EffectiveWidth.rank(run.network(),
                run.thetas()[run.times().length - 1], threshold);
        ranks.append(ranks.length() == 0 ? "" : ", ").append(last);
        if (last != s.length) {
            disagreements++;
        }
        return Outcome.within(disagreements, 0, 0, String.format(Locale.ROOT,
                "s = %s (H = %d, ε = %s): %d drops for %d distinct singular values; rank of W between"
                        + " drops and at the end [%s], expected %s.", list(s),
                t.scenario().network().width(), n(t.scenario().init().scale()), stages.dropCount(),
                cumulative.size(), ranks, cumulative));
    }

    /**
     * At τ = (t̂_k + t̂_{k+1})/2, midway between two predicted half-learning times, the loss
     * against ½ Σ_{j&gt;k} s_j², with the tolerance of the logistic tails of every mode at τ, each
     * mode placed at the edge of its timing band that is worst for τ (derivation in the spec).
     */
    static Outcome checkPlateaus(Trial t, UnaryOperator<Objective> breaker) {
        double[] s = t.scenario().data().spectrum();
        int h = t.scenario().network().width();
        double epsilon = t.scenario().init().scale();
        if (distinctRatioAbove(s, MAX_RATIO)) {
            return Outcome.discard("a gap ratio s_{k+1}/s_k is above " + MAX_RATIO);
        }
        LinearRun run = run(t, breaker);
        Outcome worst = null;
        for (int k = 0; k + 1 < s.length; k++) {
            double middle = (predictedTime(s[k], h, epsilon) + predictedTime(s[k + 1], h, epsilon)) / 2;
            int j = run.nearest(middle);
            double tau = run.times()[j];
            double predicted = 0;
            double tolerance = 0;
            for (int i = 0; i < s.length; i++) {
                double[] b = band(h, i);
                double slack = GRID_SLACK + FLOW_SLACK;
                double t0 = predictedTime(s[i], h, epsilon);
                if (i > k) {
                    double earliest = t0 + (b[0] - slack) / (2 * s[i]);
                    predicted += s[i] * s[i] / 2;
                    tolerance += s[i] * s[i] / (1 + Math.exp(2 * s[i] * (earliest - tau)));
                } else {
                    double latest = t0 + (b[1] + slack) / (2 * s[i]);
                    double tail = 1 / (1 + Math.exp(2 * s[i] * (tau - latest)));
                    tolerance += s[i] * s[i] * tail * tail / 2;
                }
            }
            Outcome o = Outcome.within(run.losses()[j], predicted, tolerance,
                    String.format(Locale.ROOT, "s = %s (H = %d, ε = %s): plateau %d at t = %s has"
                            + " loss %s against ½Σ_{j>%d} s_j² = %s (off-mode part %s).",
                            list(s), h, n(epsilon), k + 1, n(tau),
                            n(run.losses()[j]), k + 1, n(predicted), n(offModeLoss(run, j, s.length))));
            if (worst == null || o.usage() > worst.usage()) {
                worst = o;
            }
        }
        return worst;
    }

    /** ½‖W − Σ_k w_k q_k r_kᵀ‖²_F at snapshot j: the loss carried by W outside the modes. */
    private static double offModeLoss(LinearRun run, int j, int modes) {
        double outside = ModeStrengths.outside(ModeStrengths.W(run.network(), run.thetas()[j]),
                run.bases().Q(), run.bases().R(), modes);
        return outside * outside / 2;
    }

    /**
     * Why the drops of distinct modes may overlap, or null: for each pair of consecutive distinct
     * values s_a &gt; s_b, the latest end of drop a (its band's upper edge plus ln 9, where w_a
     * reaches 0.9 s_a) must come at least one drop width ln 81/(2 s_b) before the earliest start of
     * drop b (its band's lower edge minus ln 9), the stage detector's plateau-to-drop ratio of 1.
     */
    static String unseparated(double[] s, int h, double epsilon) {
        double tail = Math.log(9);
        for (int k = 0; k + 1 < s.length; k++) {
            if (s[k + 1] == s[k]) {
                continue;
            }
            int last = k;
            int next = k + 1;
            double end = predictedTime(s[last], h, epsilon) + (band(h, last)[1] + tail) / (2 * s[last]);
            double start = predictedTime(s[next], h, epsilon) + (band(h, next)[0] - tail) / (2 * s[next]);
            if (start - end < 2 * tail / (2 * s[next])) {
                return String.format(Locale.ROOT, "drops %d and %d may overlap at ε = %s, H = %d",
                        last + 1, next + 1, n(epsilon), h);
            }
        }
        return null;
    }

    private static boolean distinctRatioAbove(double[] s, double ratio) {
        for (int k = 1; k < s.length; k++) {
            if (s[k] / s[k - 1] > ratio) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- evidence

    private static List<Figure> evidence(Trial t, UnaryOperator<Objective> breaker) {
        double[] s = t.scenario().data().spectrum();
        int h = t.scenario().network().width();
        double epsilon = t.scenario().init().scale();
        LinearRun run = run(t, breaker);
        List<Figure.Mark> vertical = new ArrayList<>();
        List<Figure.Mark> horizontal = new ArrayList<>();
        List<Figure.Series> modes = new ArrayList<>();
        double level = 0;
        for (int k = s.length - 1; k >= 0; k--) {
            horizontal.add(new Figure.Mark(level, "plateau " + (k + 1)));
            level += s[k] * s[k] / 2;
        }
        for (int k = 0; k < s.length; k++) {
            vertical.add(new Figure.Mark(predictedTime(s[k], h, epsilon), "$\\hat t_" + (k + 1) + "$"));
            modes.add(new Figure.Series("$w_" + (k + 1) + "/s_" + (k + 1) + "$", run.times(),
                    scaled(run.strength(k), 1 / s[k])));
        }
        List<Figure.Series> loss = List.of(new Figure.Series("loss", run.times(), run.losses()));
        return List.of(
                new Figure.Lines("Loss with predicted half-learning times and plateau levels",
                        "$t$", "$L$", false, false, loss, vertical, horizontal),
                new Figure.Lines("The same loss on logarithmic time", "$t$", "$L$", true, false,
                        positiveTimes(loss.get(0)), vertical, horizontal),
                new Figure.Lines("Mode strengths", "$t$", "$w_k/s_k$", false, false, modes,
                        vertical, List.of(new Figure.Mark(0.5, "half"))),
                halfTimesScatter(run, s, h, epsilon));
    }

    /** Measured half-learning times against (1/(2s_k)) ln(2s_k/(Hε²)), beside the identity. */
    private static Figure halfTimesScatter(LinearRun run, double[] s, int h, double epsilon) {
        double[] predicted = new double[s.length];
        double[] measured = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            predicted[k] = predictedTime(s[k], h, epsilon);
            measured[k] = run.halfTime(k);
        }
        return new Figure.Scatter("Measured against predicted half-learning times",
                "predicted $\\hat t_k$", "measured $t_k$", false, false, true,
                List.of(new Figure.Series("modes", predicted, measured)));
    }

    /** The series without its t = 0 record, for a logarithmic time axis. */
    private static List<Figure.Series> positiveTimes(Figure.Series series) {
        int first = 0;
        while (first < series.x().length && series.x()[first] <= 0) {
            first++;
        }
        return List.of(new Figure.Series(series.name(),
                java.util.Arrays.copyOfRange(series.x(), first, series.x().length),
                java.util.Arrays.copyOfRange(series.y(), first, series.y().length)));
    }

    private static double[] scaled(double[] x, double f) {
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = x[k] * f;
        }
        return out;
    }

    /** s as a list of numbers for a sentence. */
    static String list(double[] s) {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < s.length; k++) {
            b.append(k == 0 ? "" : ", ").append(n(s[k]));
        }
        return b.append(']').toString();
    }

    private static String n(double x) {
        return ManifoldGradientClaims.number(x);
    }
}
