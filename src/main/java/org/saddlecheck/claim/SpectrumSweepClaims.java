package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.saddlecheck.analysis.Measures;
import org.saddlecheck.dynamics.GradientFlow;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.StopRule;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.figures.FigureOne;
import org.saddlecheck.figures.FigureTwo;
import org.saddlecheck.network.LinearAttention;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.ResolvedScenario;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.task.Spectra;

/**
 * The spectrum sweep of the paper's Figure 2B (Section 6.3): the singular values of the data are
 * s_n = n^{−κ} normalised to sum to 1 (three values, {@link Spectra#powerLaw}), and a flatter
 * spectrum (smaller κ) shortens the plateaus that follow the first drop. Both runs of a trial start
 * from the same θ(0); only κ differs.
 *
 * <p>For the linear network the statement is quantitative. Mode k is half learned at
 * t̂_k = (1/(2s_k)) ln(2s_k/(Hε²)) (Section 6.1), so the time from the first to the last
 * half-learning, the span S(κ) = t_3 − t_1, is predicted by Ŝ(κ) = t̂_3 − t̂_1; lowering κ raises
 * s_3 and lowers s_1, and Ŝ falls to 0 at κ = 0. The sweep reaches gap ratios s_{k+1}/s_k up to
 * 0.84, beyond the regime of {@code theorem4.half-learning-time}, so the band of each
 * δ_k = 2s_k(t_k − t̂_k) is the union of the two limits of how much the learned modes damp mode k
 * (derivation in the spec {@code figure2.linear-spectrum-sweep}).
 */
public final class SpectrumSweepClaims {

    /** The number of singular values of the Figure 2 spectrum. */
    static final int MODES = FigureTwo.MODES;
    /** The width of the Figure 2 linear network. */
    static final int WIDTH = FigureOne.WIDE;
    /** The false-alarm rate of one mode's band, split evenly between both tails. */
    static final double ALPHA = LinearStageClaims.ALPHA;
    /** The smallest κ of the linear sweep: its gap ratios are 2^{−κ} ≤ 0.84 and (2/3)^κ ≤ 0.90. */
    static final double SMALLEST_KAPPA = 0.25;
    /** The largest κ of the sweep, the figure's. */
    static final double LARGEST_KAPPA = 2;

    /** ε of the attention sweep, the Figure 2 value: plateaus last O(1/ε). */
    static final double ATTENTION_EPSILON = 1e-3;
    /** κ_hi − κ_lo in the attention sweep. */
    static final double ATTENTION_KAPPA_STEP = 1;
    /** Draws of θ(0) per attention trial. */
    static final int PAIRS = 32;
    /** The signed-rank sum needed out of 528: reached by chance with probability 9.6·10⁻⁴. */
    static final int CRITICAL_RANK_SUM = 425;
    /** The attention runs end at this multiple of 1/ε unless every head is recruited earlier. */
    static final double ATTENTION_HORIZON = 20;
    /** Relative tolerance of the attention runs (only the order of recruitment times is used). */
    static final double ATTENTION_TOLERANCE = 1e-7;

    private SpectrumSweepClaims() {
    }

    /** The claims of this family, in catalogue order. */
    public static List<Claim> claims() {
        return List.of(linearSweep(), attentionSweep());
    }

    /** Linear networks: a smaller κ shortens the span of the drops as t̂_k predicts. */
    static Claim linearSweep() {
        return Claim.in(SpectrumSweepClaims.class, "figure2.linear-spectrum-sweep")
                .trials(linearTrials())
                .regimes(SpectrumSweepClaims::regimes)
                .coverage(Coverage.none().require("spans-separate", 0.3)
                        .require("close-modes", 0.1))
                .check(t -> checkLinear(t, UnaryOperator.identity()))
                .shrinkBudget(50)
                .build();
    }

    /** Linear self-attention: a smaller κ shortens the span of the recruitments, on average. */
    static Claim attentionSweep() {
        return Claim.in(SpectrumSweepClaims.class, "figure2.attention-spectrum-sweep")
                .trials(attentionTrials())
                .regimes(t -> List.of("kappa-low-" + n(t.parameter("kappa-low"))))
                .check(t -> checkAttention(t, UnaryOperator.identity()))
                .shrinkBudget(4)
                .build();
    }

    // ---------------------------------------------------------------- generators

    /**
     * Trials: two exponents κ_lo &lt; κ_hi from the grid 0.25, 0.5, …, 2, ε log-uniform over
     * 10⁻⁶ … 10⁻¹⁰, and the seed of θ(0); the scenario is the Figure 2 linear network at κ_hi
     * ({@link FigureTwo#linearSpectrum}), and κ_lo is the parameter {@code kappa-low}.
     */
    static Gen<Trial> linearTrials() {
        Gen<Integer> steps = Gen.integers(1, (int) Math.round(LARGEST_KAPPA / SMALLEST_KAPPA));
        Gen<Double> scales = Generators.initScales(-6, -10);
        Gen<Long> seeds = Generators.seeds();
        Gen<Trial> gen = c -> {
            int a = steps.draw(c);
            int b = steps.draw(c);
            if (a == b) {
                b = a == 1 ? 2 : a - 1;
            }
            double lo = SMALLEST_KAPPA * Math.min(a, b);
            double hi = SMALLEST_KAPPA * Math.max(a, b);
            double epsilon = scales.draw(c);
            long seed = seeds.draw(c);
            return Trial.of(FigureTwo.linearSpectrum(hi, epsilon, seed)).with("kappa-low", lo)
                    .with("kappa-high", hi);
        };
        return gen.named("spectrum-sweep-trial");
    }

    /**
     * Trials: κ_lo one of 0.25, 0.5, 0.75, 1 (not 0, see the spec); κ_hi = κ_lo + 1; and a seed.
     * The scenario is the Figure 2 attention network at κ_hi ({@link FigureTwo#attentionSpectrum},
     * ε = {@value #ATTENTION_EPSILON}).
     */
    static Gen<Trial> attentionTrials() {
        Gen<Integer> steps = Gen.integers(1, 4);
        Gen<Long> seeds = Generators.seeds();
        Gen<Trial> gen = c -> {
            double lo = SMALLEST_KAPPA * steps.draw(c);
            double hi = lo + ATTENTION_KAPPA_STEP;
            long seed = seeds.draw(c);
            return Trial.of(FigureTwo.attentionSpectrum(hi, ATTENTION_EPSILON, seed))
                    .with("kappa-low", lo).with("kappa-high", hi);
        };
        return gen.named("attention-spectrum-trial");
    }

    /**
     * "spans-separate" when the predicted span bands of the two exponents do not overlap (the order
     * of the spans is then asserted), "close-modes" when some gap ratio of κ_lo exceeds 0.5, the
     * edge of the regime of {@code theorem4.half-learning-time}.
     */
    static List<String> regimes(Trial t) {
        List<String> out = new ArrayList<>();
        double epsilon = t.scenario().init().scale();
        double[] lo = spanBand(Spectra.powerLaw(MODES, t.parameter("kappa-low")), epsilon);
        double[] hi = spanBand(Spectra.powerLaw(MODES, t.parameter("kappa-high")), epsilon);
        if (lo[1] < hi[0]) {
            out.add("spans-separate");
        }
        double[] s = Spectra.powerLaw(MODES, t.parameter("kappa-low"));
        if (s[1] / s[0] > LinearStageClaims.MAX_RATIO) {
            out.add("close-modes");
        }
        return out;
    }

    // ---------------------------------------------------------------- theory

    /**
     * The (1 − α) band of δ_k = 2s_k(t_k − t̂_k), k counted from 0: the learned modes j &lt; k damp
     * the part of mode k's start along their unit-space directions and never amplify it, so the
     * effective start lies between (ε²/2)χ²_{H−k} and (ε²/2)χ²_H of the same draws; the band is
     * [−ln(q_{1−α/2}(χ²_H)/H), −ln(q_{α/2}(χ²_{H−k})/H)], widened by the grid, flow and
     * Saxe-denominator slacks of {@link LinearStageClaims#timing}.
     */
    static double[] band(double s, int k, double epsilon) {
        ChiSquaredDistribution full = new ChiSquaredDistribution(null, WIDTH);
        ChiSquaredDistribution kept = new ChiSquaredDistribution(null, WIDTH - k);
        double upper = full.inverseCumulativeProbability(1 - ALPHA / 2);
        double slack = LinearStageClaims.GRID_SLACK + LinearStageClaims.FLOW_SLACK
                + epsilon * epsilon * upper / s;
        return new double[] {-Math.log(upper / WIDTH) - slack,
            -Math.log(kept.inverseCumulativeProbability(ALPHA / 2) / WIDTH) + slack};
    }

    /** t̂_k of every mode. */
    static double[] predictedTimes(double[] s, double epsilon) {
        double[] t = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            t[k] = LinearStageClaims.predictedTime(s[k], WIDTH, epsilon);
        }
        return t;
    }

    /**
     * The band of the span t_3 − t_1: [t̂_3 + lo_3/(2s_3) − t̂_1 − hi_1/(2s_1),
     * t̂_3 + hi_3/(2s_3) − t̂_1 − lo_1/(2s_1)].
     */
    static double[] spanBand(double[] s, double epsilon) {
        int last = s.length - 1;
        double[] t = predictedTimes(s, epsilon);
        double[] first = band(s[0], 0, epsilon);
        double[] end = band(s[last], last, epsilon);
        return new double[] {t[last] + end[0] / (2 * s[last]) - t[0] - first[1] / (2 * s[0]),
            t[last] + end[1] / (2 * s[last]) - t[0] - first[0] / (2 * s[0])};
    }

    // ---------------------------------------------------------------- checks

    /**
     * Both runs: every mode's δ_k inside its band; and, when the span bands of κ_lo and κ_hi do not
     * overlap, S(κ_lo) &lt; S(κ_hi). Reports the check using most of its allowance.
     */
    static Outcome checkLinear(Trial t, UnaryOperator<Objective> breaker) {
        double epsilon = t.scenario().init().scale();
        long seed = t.scenario().init().seed();
        double kappaLow = t.parameter("kappa-low");
        double kappaHigh = t.parameter("kappa-high");
        Outcome worst = null;
        double[] spans = new double[2];
        double[] kappas = {kappaLow, kappaHigh};
        for (int j = 0; j < 2; j++) {
            Scenario scenario = FigureTwo.linearSpectrum(kappas[j], epsilon, seed);
            double[] s = Spectra.powerLaw(MODES, kappas[j]);
            LinearRun run = run(scenario, s, epsilon, breaker);
            for (int k = 0; k < MODES; k++) {
                double[] b = band(s[k], k, epsilon);
                double delta = 2 * s[k] * (run.halfTime(k)
                        - LinearStageClaims.predictedTime(s[k], WIDTH, epsilon));
                Outcome o = Outcome.within(delta, (b[0] + b[1]) / 2, (b[1] - b[0]) / 2,
                        String.format(Locale.ROOT, "At κ = %s (s = %s, H = %d, ε = %s), mode %d"
                                + " reached half its strength at t = %s: 2s(t − t̂) = %s, band"
                                + " [%s, %s].", n(kappas[j]), LinearStageClaims.list(s), WIDTH,
                                n(epsilon), k + 1, n(run.halfTime(k)), n(delta), n(b[0]), n(b[1])));
                worst = worse(worst, o);
            }
            spans[j] = run.halfTime(MODES - 1) - run.halfTime(0);
        }
        double[] lowBand = spanBand(Spectra.powerLaw(MODES, kappaLow), epsilon);
        double[] highBand = spanBand(Spectra.powerLaw(MODES, kappaHigh), epsilon);
        if (lowBand[1] < highBand[0]) {
            // Both spans inside their bands already imply the order; checked on its own so that a
            // failure names it.
            Outcome order = Outcome.atMost(spans[0] / spans[1], 1, String.format(Locale.ROOT,
                    "The span of the drops t_3 − t_1 is %s at κ = %s and %s at κ = %s; the"
                            + " flatter spectrum must give the shorter span.", n(spans[0]),
                    n(kappaLow), n(spans[1]), n(kappaHigh)));
            if (!order.held()) {
                return order;
            }
        }
        return worst;
    }

    /** The run of one exponent, with fine snapshots over every mode's band (padded by 1/s_k). */
    static LinearRun run(Scenario scenario, double[] s, double epsilon,
            UnaryOperator<Objective> breaker) {
        double[][] windows = new double[s.length][];
        double end = 0;
        for (int k = 0; k < s.length; k++) {
            double center = LinearStageClaims.predictedTime(s[k], WIDTH, epsilon);
            double[] b = band(s[k], k, epsilon);
            windows[k] = new double[] {center + b[0] / (2 * s[k]) - 1 / s[k],
                center + b[1] / (2 * s[k]) + 1 / s[k]};
            end = Math.max(end, windows[k][1] + 2 / s[k]);
        }
        Scenario toEnd = scenario.withDynamics(DynamicsSpec.flow(end, LinearRun.TOLERANCE));
        return LinearRun.of(Trial.of(toEnd), end, windows, breaker);
    }

    /**
     * {@value #PAIRS} draws of θ(0) (seeds moved by 1, 2, …), each trained at κ_lo and at κ_hi from the
     * same start. Per draw d = ln S(κ_hi) − ln S(κ_lo) of the spans of its recruitments (+∞ when only
     * the κ_hi run fails to recruit every head, 0 when both fail); the Wilcoxon signed-rank sum of the
     * positive d must reach {@value #CRITICAL_RANK_SUM}, which a κ without effect (d symmetric about
     * 0) reaches with probability {@link #significance()}.
     */
    static Outcome checkAttention(Trial t, UnaryOperator<Objective> breaker) {
        double low = t.parameter("kappa-low");
        double high = t.parameter("kappa-high");
        long seed = t.scenario().init().seed();
        double[] lowSpans = new double[PAIRS];
        double[] highSpans = new double[PAIRS];
        double[] d = new double[PAIRS];
        int shorter = 0;
        for (int j = 0; j < PAIRS; j++) {
            long draw = (seed + 1 + j) % 1_000_000L;
            lowSpans[j] = attentionSpan(FigureTwo.attentionSpectrum(low, ATTENTION_EPSILON, draw),
                    breaker);
            highSpans[j] = attentionSpan(FigureTwo.attentionSpectrum(high, ATTENTION_EPSILON,
                    draw), breaker);
            d[j] = lowSpans[j] == highSpans[j] ? 0 : Math.log(highSpans[j]) - Math.log(lowSpans[j]);
            shorter += d[j] > 0 ? 1 : 0;
        }
        double sum = positiveRankSum(d);
        return Outcome.atLeast(sum, CRITICAL_RANK_SUM, String.format(Locale.ROOT,
                "Linear self-attention (D = %d, %d heads, ε = %s): the recruitments span less time"
                        + " at κ = %s than at κ = %s in %d of %d draws of θ(0); signed-rank sum %s"
                        + " (at least %d, significance %s); median spans %s and %s.", MODES,
                FigureOne.NARROW, n(ATTENTION_EPSILON), n(low), n(high), shorter, PAIRS, n(sum),
                CRITICAL_RANK_SUM, n(significance()), n(QuadraticRecruitmentClaims.median(lowSpans)),
                n(QuadraticRecruitmentClaims.median(highSpans))));
    }

    /**
     * The Wilcoxon signed-rank sum: the ranks of |d_j| (1 for the smallest, ties sharing their mean
     * rank, +∞ ranked last) summed over d_j &gt; 0, and half the rank of every d_j = 0.
     */
    static double positiveRankSum(double[] d) {
        int n = d.length;
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(Math.abs(d[x]), Math.abs(d[y])));
        double sum = 0;
        int from = 0;
        while (from < n) {
            int to = from;
            while (to + 1 < n && Math.abs(d[order[to + 1]]) == Math.abs(d[order[from]])) {
                to++;
            }
            double rank = (from + to) / 2.0 + 1;
            for (int k = from; k <= to; k++) {
                double dk = d[order[k]];
                sum += dk > 0 ? rank : dk == 0 ? rank / 2 : 0;
            }
            from = to + 1;
        }
        return sum;
    }

    /**
     * P(T ≥ CRITICAL_RANK_SUM) for T = Σ_r r·B_r, B_r independent fair coins over r = 1 … PAIRS: the
     * signed-rank sum of PAIRS differences symmetric about 0 with distinct ranks, counted exactly.
     */
    static double significance() {
        int most = PAIRS * (PAIRS + 1) / 2;
        double[] ways = new double[most + 1];
        ways[0] = 1;
        for (int r = 1; r <= PAIRS; r++) {
            for (int k = most; k >= r; k--) {
                ways[k] += ways[k - r];
            }
        }
        double tail = 0;
        for (int k = CRITICAL_RANK_SUM; k <= most; k++) {
            tail += ways[k];
        }
        return tail / Math.pow(2, PAIRS);
    }

    /**
     * The span t_D − t_1 of one run's recruitments (a head is recruited when its norm first
     * reaches {@value QuadraticRecruitmentClaims#RECRUITED}), on the exact moment form of the loss;
     * +∞ when fewer than D heads are recruited by t = {@value #ATTENTION_HORIZON}/ε.
     */
    static double attentionSpan(Scenario scenario, UnaryOperator<Objective> breaker) {
        ResolvedScenario r = ScenarioResolver.resolve(scenario);
        LinearAttention network = (LinearAttention) r.network();
        Objective objective = breaker.apply(network.momentObjective(r.data()));
        int size = network.unitSize();
        RunPlan plan = RunPlan.until(ATTENTION_HORIZON / ATTENTION_EPSILON)
                .withRecording(1e-2, QuadraticRecruitmentClaims.RANK_PER_DECADE, 1e-3)
                .withUnitNorms(size).withStopRule(countAbove(size, MODES,
                        2 * QuadraticRecruitmentClaims.RECRUITED));
        Trajectory run = new GradientFlow(ATTENTION_TOLERANCE)
                .withMaxEvaluations(LinearRun.MAX_EVALUATIONS).run(objective, r.theta0(), plan);
        double[] times = Recruitments.times(run, QuadraticRecruitmentClaims.RECRUITED);
        return times.length < MODES ? Double.POSITIVE_INFINITY : times[MODES - 1] - times[0];
    }

    /** Stops once {@code count} units (blocks of {@code size} weights) have norm at least {@code level}. */
    static StopRule countAbove(int size, int count, double level) {
        return (time, loss, theta) -> {
            int above = 0;
            for (int from = 0; from < theta.length; from += size) {
                if (Measures.norm(theta, from, size) >= level) {
                    above++;
                }
            }
            return above >= count;
        };
    }

    private static Outcome worse(Outcome a, Outcome b) {
        return a == null || b.usage() > a.usage() ? b : a;
    }

    private static String n(double x) {
        return ManifoldGradientClaims.number(x);
    }
}
