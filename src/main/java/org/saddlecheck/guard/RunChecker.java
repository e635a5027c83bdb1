package org.saddlecheck.guard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.analysis.StageDetector;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.SaddleType;
import org.saddlecheck.scenario.ResolvedScenario;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;

/**
 * Judges a run of another implementation against the theory and against the golden trajectory of
 * its scenario, claim by claim: the initial loss, the number of stages and their order, the drop
 * times, the plateau levels and the effective width per stage.
 *
 * <h2>Conventions recognised</h2>
 * With L the paper's loss (Section 1), a run whose loss is c·L (c = 2 without the ½; 2/D_out for
 * PyTorch's MSELoss, which also averages over outputs; 1/D_out for a mean over outputs with the ½;
 * P and 2P for a sum over samples) has its initial loss exactly c times L(θ(0)) and, at the same η,
 * drop times 1/c times ours. A time axis in steps puts every drop exactly 1/η times later. Each is
 * named in the verdict instead of being reported as a bare mismatch. For linear networks a
 * constant shift of s_k·(t_run − t_golden) across drops is read as an initialization scale off by
 * a factor (w₀ ∝ ε², t_k ≈ ln(s_k/w₀)/(2 s_k)).
 *
 * <p>Limitation: the check compares with one golden run of the same θ(0); conventions other than
 * those listed are reported as plain mismatches.
 */
public final class RunChecker {
    private RunChecker() {
    }

    /**
     * Checks {@code run} against {@code scenario}.
     *
     * @param eta the learning rate of the run, or NaN when it is a gradient-flow run
     * @throws InvalidInputException when the run cannot be judged (one sentence naming why)
     */
    public static CheckResult check(RunData run, Scenario scenario, double eta) {
        return check(run, scenario, eta, null);
    }

    /**
     * Checks {@code run} against {@code scenario} with a golden expectation computed beforehand by
     * {@link Golden#compute} for the same scenario and η (or null to compute it here), so that
     * many runs of one scenario share one golden run.
     *
     * @throws InvalidInputException when the run cannot be judged (one sentence naming why)
     */
    public static CheckResult check(RunData run, Scenario scenario, double eta, Expectation given) {
        ResolvedScenario resolved = ScenarioResolver.resolve(scenario);
        Network network = resolved.network();
        checkSizes(run, network);
        if (run.inSteps() && !Double.isFinite(eta)) {
            throw new InvalidInputException(run.source() + " counts time in column 'step', which"
                    + " needs --learning-rate to give t = step × η");
        }
        double endTime = scenario.dynamics().endTime();
        double last = run.axisValues()[run.axisValues().length - 1];
        boolean timeInSteps = !run.inSteps() && Double.isFinite(eta) && eta != 1
                && Math.abs(last * eta / endTime - 1) <= Tolerances.CONVENTION_FACTOR
                && Math.abs(last / endTime - 1) > Tolerances.CONVENTION_FACTOR;
        double scale = run.inSteps() || timeInSteps ? eta : 1;
        double[] t = Arrays.stream(run.axisValues()).map(x -> x * scale).toArray();
        String reference = Double.isFinite(eta)
                ? "gradient descent at η = " + eta : "gradient flow";

        CheckResult diverged = divergence(run, reference);
        if (diverged != null) {
            return diverged;
        }
        Require.records(run);
        Expectation golden = given != null ? given : Golden.compute(resolved, eta, false, false);
        return new Judgement(run, t, golden, network, eta, reference).judge(timeInSteps);
    }

    private static void checkSizes(RunData run, Network network) {
        if (run.width() > 0 && run.width() != network.width()) {
            throw new InvalidInputException(run.source() + " has width H = " + run.width()
                    + " but the scenario's network has H = " + network.width());
        }
        double[][] w = run.series("w");
        if (w != null && w[0].length != network.width()) {
            throw new InvalidInputException(run.source() + " has unit-norm columns w1…w"
                    + w[0].length + " but the scenario's network has H = " + network.width()
                    + " units");
        }
        double[][] sv = run.series("sv");
        int rank = Math.min(network.uSize(), network.vSize());
        if (sv != null && sv[0].length > rank) {
            throw new InvalidInputException(run.source() + " has singular-value columns sv1…sv"
                    + sv[0].length + " but W of the scenario's network has at most " + rank);
        }
        for (String name : run.columns().keySet()) {
            if (!name.matches("(sv|w)[1-9][0-9]*") || !run.columns().containsKey(
                    name.replaceAll("[0-9]+", "") + "1")) {
                throw new InvalidInputException(run.source() + " has column '" + name
                        + "' without the columns before it");
            }
        }
    }

    /** A non-finite loss, or a last loss above the first by {@link Tolerances#DIVERGED_GROWTH}. */
    private static CheckResult divergence(RunData run, String reference) {
        String why = null;
        if (!Double.isNaN(run.divergedAt())) {
            why = "the loss became non-finite at " + run.axis() + " " + fmt(run.divergedAt());
        } else if (run.size() >= 2 && run.losses()[run.size() - 1]
                > Tolerances.DIVERGED_GROWTH * run.losses()[0]) {
            why = "the loss grew from " + fmt(run.losses()[0]) + " to "
                    + fmt(run.losses()[run.size() - 1]);
        }
        if (why == null) {
            return null;
        }
        String summary = "The run diverged: " + why + "; no claim of the theory was judged"
                + " (lower the learning rate).";
        return new CheckResult(CheckResult.Verdict.DIVERGED, summary,
                List.of(new ClaimCheck("convergence", ClaimCheck.Status.VIOLATED, "finite, not"
                        + " growing", why, "diverged: " + why)), List.of(), reference, null, null);
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }

    /** Preconditions on the run's records. */
    private static final class Require {
        private Require() {
        }

        static void records(RunData run) {
            if (run.size() < Tolerances.MIN_RECORDS) {
                throw new InvalidInputException(run.source() + " has " + run.size()
                        + " records; at least " + Tolerances.MIN_RECORDS
                        + " are needed to resolve a drop");
            }
        }
    }

    /** One judgement in progress. */
    private static final class Judgement {
        private final RunData run;
        private final double[] t;
        private final Expectation golden;
        private final Network network;
        private final double eta;
        private final String reference;
        private final List<ClaimCheck> claims = new ArrayList<>();
        private final List<String> conventions = new ArrayList<>();
        private StageSummary stages;

        Judgement(RunData run, double[] t, Expectation golden, Network network, double eta,
                String reference) {
            this.run = run;
            this.t = t;
            this.golden = golden;
            this.network = network;
            this.eta = eta;
            this.reference = reference;
        }

        CheckResult judge(boolean timeInSteps) {
            double lossFactor = initialLoss();
            if (timeInSteps) {
                String c = "the time column counts steps, not steps × η: the run ends at "
                        + fmt(run.axisValues()[run.size() - 1]) + ", which is the scenario's end"
                        + " time divided by η = " + eta + " (read as steps for the other claims)";
                conventions.add(c);
                add("time-axis", false, "t = steps × η", "steps", "convention: " + c);
            }
            StageSummary expected = golden.reference();
            double end = t[t.length - 1];
            stages = StageSummary.of(StageDetector.detect(t, run.losses()));
            int expectedDrops = expected.drops();
            if (lossFactor == 1 && stages.drops() < expectedDrops) {
                double missing = expected.dropTimes()[stages.drops()];
                if (missing > end && timeFactor(expected) == null) {
                    throw new InvalidInputException(run.source() + " ends at t = " + fmt(end)
                            + ", before expected drop " + (stages.drops() + 1) + " at t ≈ "
                            + fmt(missing) + "; the run cannot be judged");
                }
            }
            resolution(expected);
            stageCount(expected);
            stageOrder(expected);
            dropTimes(expected, lossFactor);
            theoryDropTimes();
            plateauLevels(expected);
            width();
            boolean violated = claims.stream().anyMatch(c -> c.status() == ClaimCheck.Status.VIOLATED);
            long judged = claims.stream().filter(c -> c.status() != ClaimCheck.Status.NOT_JUDGED)
                    .count();
            if (judged == 0) {
                throw new InvalidInputException(run.source() + ": no claim could be judged");
            }
            String summary = violated
                    ? "Violated: " + claims.stream().filter(c -> c.status()
                            == ClaimCheck.Status.VIOLATED).map(ClaimCheck::claim).toList()
                            + (conventions.isEmpty() ? "" : "; " + String.join("; ", conventions))
                    : "All " + judged + " judged claims hold against " + reference + ".";
            return new CheckResult(violated ? CheckResult.Verdict.VIOLATED
                    : CheckResult.Verdict.HOLDS, summary, claims, conventions, reference,
                    new Curve(t, run.losses()), golden.referenceCurve());
        }

        /** Compares L(0) and names a known factor; returns that factor (1 if none matched). */
        private double initialLoss() {
            double ours = golden.initialLoss();
            double theirs = run.losses()[0];
            double ratio = theirs / ours;
            String expected = fmt(ours);
            if (Math.abs(ratio - 1) <= Tolerances.INITIAL_LOSS) {
                add("initial-loss", true, expected, fmt(theirs), "L(0) matches (1/(2P)) Σ‖y − f‖²"
                        + " at θ(0) to within a relative " + Tolerances.INITIAL_LOSS);
                return 1;
            }
            int d = golden.outputs();
            int p = golden.samples();
            double[] factors = {2, 2.0 / d, 1.0 / d, p, 2.0 * p};
            String[] names = {"the loss has no ½ (initial loss exactly 2× the expected): use"
                    + " L = (1/(2P)) Σ‖y − f‖²",
                "the loss is averaged over the " + d + " outputs without the ½ (PyTorch MSELoss,"
                    + " factor 2/D_out = " + fmt(2.0 / d) + "): multiply it by D_out/2",
                "the loss is averaged over the " + d + " outputs (factor 1/D_out)",
                "the loss is summed over the " + p + " samples instead of averaged (factor P)",
                "the loss is summed over samples and has no ½ (factor 2P)"};
            for (int k = 0; k < factors.length; k++) {
                if (factors[k] != 1 && Math.abs(ratio / factors[k] - 1) <= Tolerances.INITIAL_LOSS) {
                    conventions.add(names[k]);
                    add("initial-loss", false, expected, fmt(theirs), "convention: " + names[k]
                            + "; at the same η its drops come " + fmt(1 / factors[k])
                            + " times as late");
                    return factors[k];
                }
            }
            add("initial-loss", false, expected, fmt(theirs), "L(0) is " + fmt(ratio)
                    + " times the expected, not a known convention: different data, θ(0) or loss");
            return 1;
        }

        private void resolution(StageSummary expected) {
            for (double tg : expected.dropTimes()) {
                int j = Arrays.binarySearch(t, tg);
                int after = j >= 0 ? j : -j - 1;
                if (after <= 0 || after >= t.length) {
                    continue;
                }
                double spacing = t[after] - t[after - 1];
                double limit = Tolerances.RECORD_SPACING * tg;
                if (spacing > limit) {
                    throw new InvalidInputException(run.source() + " has records " + fmt(spacing)
                            + " apart around t = " + fmt(tg) + " (lines " + (after + 1) + "–"
                            + (after + 2) + " of a CSV), too few points to resolve the drop"
                            + " expected there; record at least every " + fmt(limit));
                }
            }
        }

        private void stageCount(StageSummary expected) {
            add("stage-count", stages.drops() == expected.drops(), expected.drops() + " drops",
                    stages.drops() + " drops", "number of drops (saddles visited) of the " + reference
                            + " run of the same θ(0)");
        }

        private void stageOrder(StageSummary expected) {
            if (stages.drops() != expected.drops() || expected.drops() < 2) {
                add("stage-order", null, "", "", "needs the same number of drops, at least two");
                return;
            }
            boolean same = Arrays.equals(ranks(stages.dropDepths()), ranks(expected.dropDepths()));
            add("stage-order", same, Arrays.toString(ranks(expected.dropDepths())),
                    Arrays.toString(ranks(stages.dropDepths())), "rank of each drop's depth in"
                            + " time order (the strongest mode or unit is learned first)");
        }

        private void dropTimes(StageSummary expected, double lossFactor) {
            int n = Math.min(stages.drops(), expected.drops());
            if (n == 0) {
                add("drop-times", null, "", "", "no drop to compare");
                return;
            }
            boolean ok = true;
            StringBuilder e = new StringBuilder();
            StringBuilder m = new StringBuilder();
            for (int k = 0; k < n; k++) {
                double tg = expected.dropTimes()[k];
                double tr = stages.dropTimes()[k];
                ok &= Math.abs(tr - tg) <= Tolerances.DROP_TIME * tg + spacingAt(tr);
                e.append(k == 0 ? "" : ", ").append(fmt(tg));
                m.append(k == 0 ? "" : ", ").append(fmt(tr));
            }
            String why = "half-way times against the " + reference + " run, within "
                    + Tolerances.DROP_TIME * 100 + "% plus the record spacing";
            if (!ok) {
                Double q = timeFactor(expected);
                if (q != null && Double.isFinite(eta) && Math.abs(q * eta - 1)
                        <= Tolerances.CONVENTION_FACTOR) {
                    String c = "the time axis counts steps, not steps × η (drop times off by"
                            + " exactly 1/η = " + fmt(1 / eta) + ")";
                    conventions.add(c);
                    why = "convention: " + c;
                } else if (q != null && lossFactor != 1
                        && Math.abs(q * lossFactor - 1) <= Tolerances.CONVENTION_FACTOR) {
                    why += "; off by the factor " + fmt(q) + " the loss convention implies";
                } else if (q != null && Math.abs(q - 1) > Tolerances.CONVENTION_FACTOR) {
                    why += "; all drops off by the factor " + fmt(q);
                }
                if (conventions.isEmpty()) {
                    String hint = initScaleHint(expected);
                    boolean common = q != null && Math.abs(q - 1) > Tolerances.CONVENTION_FACTOR;
                    why += !hint.isEmpty() || common ? hint : "; the initial loss matches but the"
                            + " drops move by different amounts: θ(0) differs from the scenario's"
                            + " in direction, so check how θ is split into u_i and v_i (the"
                            + " layout) and whether a layer is transposed";
                }
            }
            if (!ok && !Double.isFinite(eta)) {
                why += "; a gradient-descent run must be checked with --learning-rate η (its drops"
                        + " come O(η) later than the flow's)";
            }
            add("drop-times", ok, e.toString(), m.toString(), why);
        }

        /** The common ratio of run to expected drop times, or null if there is none. */
        private Double timeFactor(StageSummary expected) {
            int n = Math.min(stages.drops(), expected.drops());
            if (n == 0) {
                return null;
            }
            double[] q = new double[n];
            for (int k = 0; k < n; k++) {
                q[k] = stages.dropTimes()[k] / expected.dropTimes()[k];
            }
            double lo = Arrays.stream(q).min().orElseThrow();
            double hi = Arrays.stream(q).max().orElseThrow();
            return hi / lo - 1 <= Tolerances.CONVENTION_FACTOR ? Math.sqrt(lo * hi) : null;
        }

        /** For linear networks: a common s_k Δt_k across drops means ε off by e^{s_k Δt_k}. */
        private String initScaleHint(StageSummary expected) {
            if (golden.theory().isEmpty()) {
                return "";
            }
            List<LinearTheory.Drop> drops = golden.theory().get().drops();
            int n = Math.min(Math.min(stages.drops(), expected.drops()), drops.size());
            double[] shift = new double[n];
            for (int k = 0; k < n; k++) {
                double s = drops.get(k).singularValues()[0];
                shift[k] = s * (stages.dropTimes()[k] - expected.dropTimes()[k]);
            }
            if (n == 0) {
                return "";
            }
            double lo = Arrays.stream(shift).min().orElseThrow();
            double hi = Arrays.stream(shift).max().orElseThrow();
            double mean = 0.5 * (lo + hi);
            if (Math.abs(mean) > 0.5 && hi - lo <= 0.25 * Math.abs(mean)) {
                return "; s_k·Δt_k ≈ " + fmt(mean) + " at every drop: the initialization"
                        + " scale ε looks " + fmt(Math.exp(-mean)) + " times the scenario's"
                        + " (t_k ≈ ln(s_k/w₀)/(2s_k), w₀ ∝ ε²)";
            }
            return "";
        }

        private void theoryDropTimes() {
            if (golden.theory().isEmpty()) {
                add("drop-times-theory", null, "", "", "the theory's timing applies to linear"
                        + " networks on whitened data only");
                return;
            }
            List<LinearTheory.Drop> drops = golden.theory().get().drops();
            int n = Math.min(stages.drops(), drops.size());
            boolean ok = true;
            boolean any = false;
            StringBuilder e = new StringBuilder();
            StringBuilder m = new StringBuilder();
            for (int k = 0; k < n; k++) {
                LinearTheory.Drop d = drops.get(k);
                if (!Double.isFinite(d.time())) {
                    continue;
                }
                any = true;
                double predicted = d.time() + (Double.isFinite(eta) ? d.shiftPerLearningRate() * eta
                        : 0);
                double tol = Tolerances.THEORY_DROP_TIME_PER_INVERSE_S / d.singularValues()[0];
                ok &= Math.abs(stages.dropTimes()[k] - predicted) <= tol;
                e.append(e.length() == 0 ? "" : ", ").append(fmt(predicted));
                m.append(m.length() == 0 ? "" : ", ").append(fmt(stages.dropTimes()[k]));
            }
            if (!any) {
                add("drop-times-theory", null, "", "", "no untied drop to predict");
                return;
            }
            add("drop-times-theory", ok, e.toString(), m.toString(), "t_k = ln((√2−1)(s_k −"
                    + " w₀)/w₀)/(2s_k) plus the derived GD delay (η/4) ln(w_h/w₀), within 1/s_k"
                    + " [asymptotic]" + (ok || !conventions.isEmpty() ? ""
                            : initScaleHint(golden.reference())));
        }

        private void plateauLevels(StageSummary expected) {
            int n = Math.min(stages.levels().length, expected.levels().length);
            if (n == 0) {
                add("plateau-levels", null, "", "", "no plateau to compare");
                return;
            }
            double floor = Tolerances.LEVEL_FLOOR * golden.initialLoss();
            boolean ok = stages.levels().length == expected.levels().length;
            StringBuilder e = new StringBuilder();
            StringBuilder m = new StringBuilder();
            for (int k = 0; k < n; k++) {
                double lg = expected.levels()[k];
                double lr = stages.levels()[k];
                ok &= Math.abs(lr - lg) <= Tolerances.PLATEAU_LEVEL * lg + floor;
                e.append(k == 0 ? "" : ", ").append(fmt(lg));
                m.append(k == 0 ? "" : ", ").append(fmt(lr));
            }
            add("plateau-levels", ok, e.toString(), m.toString(), "plateau levels within "
                    + Tolerances.PLATEAU_LEVEL * 100 + "% + " + Tolerances.LEVEL_FLOOR
                    + "·L(0) of the " + reference + " run"
                    + (conventions.isEmpty() ? "" : "; " + conventions.get(0)));
        }

        private void width() {
            SaddleType type = network.traits().saddleType();
            double[][] values = type == SaddleType.RANK ? run.series("sv")
                    : type == SaddleType.UNITS ? run.series("w") : null;
            if (values == null) {
                add("effective-width", null, "", "", "needs sv1… columns (rank, linear networks)"
                        + " or w1… columns (unit norms, networks with a zero unit)");
                return;
            }
            double first = Arrays.stream(values[0]).max().orElse(0);
            double last = Arrays.stream(values[values.length - 1]).max().orElse(0);
            double threshold = Math.max(0.1 * last, 10 * first);
            int n = Math.min(stages.plateauMiddles().length, golden.widths().length);
            int[] measured = new int[n];
            for (int k = 0; k < n; k++) {
                int j = nearest(stages.plateauMiddles()[k]);
                measured[k] = (int) Arrays.stream(values[j]).filter(x -> x > threshold).count();
            }
            int[] expected = Arrays.copyOf(golden.widths(), n);
            add("effective-width", n > 0 && Arrays.equals(measured, expected),
                    Arrays.toString(expected), Arrays.toString(measured), "effective width in the"
                            + " middle of each plateau: values above max(0.1·final, 10·initial)");
        }

        private int nearest(double time) {
            int j = Arrays.binarySearch(t, time);
            if (j >= 0) {
                return j;
            }
            int after = Math.min(-j - 1, t.length - 1);
            return after > 0 && time - t[after - 1] < t[after] - time ? after - 1 : after;
        }

        private double spacingAt(double time) {
            int j = nearest(time);
            double left = j > 0 ? t[j] - t[j - 1] : 0;
            double right = j + 1 < t.length ? t[j + 1] - t[j] : 0;
            return Math.max(left, right);
        }

        private void add(String claim, Boolean holds, String expected, String measured,
                String message) {
            ClaimCheck.Status s = holds == null ? ClaimCheck.Status.NOT_JUDGED
                    : holds ? ClaimCheck.Status.HOLDS : ClaimCheck.Status.VIOLATED;
            claims.add(new ClaimCheck(claim, s, expected, measured, message));
        }

        private static int[] ranks(double[] depths) {
            Integer[] order = new Integer[depths.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> Double.compare(depths[b], depths[a]));
            int[] rank = new int[depths.length];
            for (int r = 0; r < order.length; r++) {
                rank[order[r]] = r + 1;
            }
            return rank;
        }
    }
}
