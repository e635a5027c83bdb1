package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.SaddlecheckException;
import org.saddlecheck.analysis.EffectiveWidth;
import org.saddlecheck.analysis.StageDetector;
import org.saddlecheck.analysis.Stages;
import org.saddlecheck.dynamics.DormandPrince54Flow;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.StopRule;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.BilinearMomentObjective;
import org.saddlecheck.network.LinearAttention;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.ResolvedScenario;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;

/**
 * The full count of drops of linear self-attention on tied data (paper, Sections 6.2 and 6.3):
 * trained to the end from a small initialization, the loss drops once per recruited head, each
 * drop raises the number of non-zero heads by one, and the count ends at D, the rank of the best
 * M = Σ_i v_i k_i q_iᵀ, although the early drive M₀ = ½[[0, Λ²], [Λ², 0]] with Λ = c I has one
 * eigenvalue c²/2 of multiplicity D (a linear network would learn a tied value in one drop).
 *
 * <h2>Time scales</h2>
 * A head recruited at norm ρ = {@value QuadraticRecruitmentClaims#RECRUITED} (v_c = ρ/√3 for a
 * balanced head) blows up within W = 1/(|λ| v_c), |λ| = c²/2
 * ({@link QuadraticRecruitmentClaims#offset}); the plateaus between recruitments last G/ε. After
 * the blow-up the head relaxes to the next critical point at a rate set by the curvature there:
 * independent of ε, but not bounded by W (a relaxation 29 time units long, with W = 11.6, was seen,
 * as a second drop with no new head). So:
 * <ul>
 * <li>drops of the loss separated by a plateau shorter than W are one transition (the flow may
 *     pass near an intermediate critical point inside one transition), and are counted as one
 *     event; so is a drop that recruits no head and follows the previous one by less than
 *     W_r = √(W/(|λ|ε)), the geometric mean of the O(1) and O(1/ε) scales, which exceeds any O(1)
 *     relaxation and falls short of any O(1/ε) plateau by factors growing like ε^{−1/2};</li>
 * <li>two recruitments less than 2W apart cannot give two events (the plateau between them would
 *     be shorter than W): such draws are near ties, outside the regime, and discarded.</li>
 * </ul>
 * The first gap is predicted before the run, from θ(0) alone: every head is run alone (a one-head
 * network, its own early flow under M₀) to norm ρ, and the two earliest times are compared. So a
 * bug that couples the heads cannot hide behind a discard at the first recruitment. Later gaps are
 * read from the run's recruitment times, since the drive after a recruitment depends on the
 * critical point reached.
 */
final class DropCount {

    /** ε of every try: runs cost time in proportion to 1/ε (spec, Assumptions). */
    static final double EPSILON = 1e-3;
    /** The run ends at this many predicted first-plateau lengths; later heads are not awaited. */
    static final double HORIZON = 40;
    /** The run stops once L − L_irr is below this fraction of its start: every head recruited. */
    static final double DONE = 1e-6;
    /** Flow tolerance: a relative error of 10⁻⁸ per step, far below the record spacing. */
    static final double TOLERANCE = 1e-8;
    /** Gradient evaluations a run may use. */
    static final int BUDGET = 4_000_000;

    private DropCount() {
    }

    /**
     * Tied attention trials: D in [2, 3], N in [2, 8], H in [D, 8] heads, in-context regression
     * with Λ = c I, c in [1, 1.5], re-whitened statistics (P = 32), ε = {@link #EPSILON}.
     */
    static Gen<Trial> trials() {
        Gen<Integer> dims = Gen.integers(2, 3);
        Gen<Integer> contexts = Gen.integers(2, 8);
        Gen<Integer> extra = Gen.integers(0, 6);
        Gen<Double> scales = Gen.decimals(1, 1.5, 2);
        Gen<Long> seeds = Generators.seeds();
        Gen<Trial> gen = c -> {
            int d = dims.draw(c);
            int n = contexts.draw(c);
            int h = Math.min(8, d + extra.draw(c));
            double[] lambda = new double[d];
            Arrays.fill(lambda, scales.draw(c));
            DataSpec data = DataSpec.generated(DataSpec.IN_CONTEXT, seeds.draw(c),
                    QuadraticRecruitmentClaims.SEQUENCES, lambda).withExactStatistics(true);
            NetworkSpec net = new NetworkSpec("attention", h, 0, 0, false, 0, 0, d, n);
            return Trial.of(new Scenario(net, data, InitSpec.gaussian(EPSILON, seeds.draw(c)),
                    DynamicsSpec.flow(1, TOLERANCE)));
        };
        return gen.named("tied-attention-full-run");
    }

    /** W = 1/(|λ| v_c), the longest one transition lasts (class documentation). */
    static double window(Trial t) {
        return QuadraticRecruitmentClaims.offset(t);
    }

    /**
     * Counts the ways the run departs from one head per drop: drop events against recruitments,
     * recruitments against D, the width at each plateau between events against 0, 1, …, and the
     * final width against D. Predicted: 0.
     */
    static Outcome check(Trial t, UnaryOperator<Objective> breaker) {
        ResolvedScenario r = ScenarioResolver.resolve(t.scenario());
        LinearAttention network = (LinearAttention) r.network();
        int need = t.scenario().network().dimension();
        double w = window(t);
        double[] alone = aloneTimes(r, QuadraticRecruitmentClaims.slowestRate(t));
        if (alone[1] - alone[0] < 2 * w) {
            return Outcome.discard(String.format(Locale.ROOT, "Near tie at the first recruitment:"
                    + " alone, the two earliest heads reach ρ at t = %s and %s, less than 2W = %s"
                    + " apart (outside the regime).", n(alone[0]), n(alone[1]), n(2 * w)));
        }
        BilinearMomentObjective moments = network.momentObjective(r.data());
        Trajectory run = runOrNull(moments, breaker, r, HORIZON * alone[0]);
        if (run == null) {
            return Outcome.discard("the run used up its budget of " + BUDGET + " gradient"
                    + " evaluations before its end time");
        }
        double floor = moments.irreducibleLoss();
        Stages stages = StageDetector.detect(run.times(), reducible(run.losses(), floor));
        double[] recruited = Recruitments.times(run, QuadraticRecruitmentClaims.RECRUITED);
        List<Integer> events = eventEnds(stages, w, relaxation(t), recruited);
        EffectiveWidth.Series widths = EffectiveWidth.alongUnitNorms(run,
                EffectiveWidth.Scales.ofInitialization(network, EPSILON, run.finalTheta()),
                EffectiveWidth.Settings.DEFAULT);
        int[] plateauWidths = plateauWidths(stages, events, widths);
        int finalWidth = widths.widths()[widths.widths().length - 1];
        // the first event is judged before any discard: its gap was predicted from θ(0)
        int misses = plateauWidths[0] == 0 && (plateauWidths.length < 2 || plateauWidths[1] == 1)
                ? 0 : 1;
        String found = String.format(Locale.ROOT, "%s, ε = %s: %d drop event%s (drops %s), heads"
                + " recruited at t = %s, widths at the plateaus %s and %d at the end; W = %s; D = %d"
                + " heads needed.", QuadraticRecruitmentClaims.describe(t), n(EPSILON),
                events.size(), events.size() == 1 ? "" : "s", times(stages.dropTimes()),
                times(recruited), Arrays.toString(plateauWidths), finalWidth, n(w), need);
        if (misses > 0) {
            return Outcome.within(misses, 0, 0, found + " The first drop event did not raise the"
                    + " width from 0 to 1, although no other head was predicted within 2W.");
        }
        double reached = run.losses()[run.size() - 1] - floor;
        if (reached > DONE * (run.losses()[0] - floor)) {
            return Outcome.discard(found + " The run ended before the reducible loss fell to "
                    + n(DONE) + " of its start: a head later than the horizon.");
        }
        for (int k = 1; k < recruited.length; k++) {
            if (recruited[k] - recruited[k - 1] < 2 * w) {
                return Outcome.discard(found + " Near tie: two recruitments less than 2W apart.");
            }
        }
        misses += stepMisses(plateauWidths);
        misses += events.size() == recruited.length ? 0 : 1;
        misses += recruited.length == need ? 0 : 1;
        misses += finalWidth == need ? 0 : 1;
        return Outcome.within(misses, 0, 0, found + " Predicted: one event per recruited head,"
                + " widths 0, 1, …, D − 1 between events and D at the end.");
    }

    /**
     * The time each head alone (a one-head network with the head's θ_i(0), its own early flow)
     * first reaches norm ρ, sorted; +∞ for a head that does not grow by the horizon of the toy,
     * 200/(|λ|ε) (as in {@link QuadraticRecruitmentClaims#run}).
     */
    static double[] aloneTimes(ResolvedScenario r, double rate) {
        LinearAttention network = (LinearAttention) r.network();
        LinearAttention single = network.withWidth(1);
        int size = network.unitSize();
        double[] theta0 = r.theta0();
        double end = 200 / (rate * EPSILON);
        double[] out = new double[network.width()];
        for (int i = 0; i < out.length; i++) {
            double[] unit = Arrays.copyOfRange(theta0, i * size, (i + 1) * size);
            Objective objective = single.momentObjective(r.data());
            RunPlan plan = RunPlan.until(end)
                    .withRecording(1e-2, QuadraticRecruitmentClaims.PER_DECADE, 1e-3)
                    .withUnitNorms(size)
                    .withStopRule(QuadraticRecruitmentClaims.leaderAbove(size,
                            2 * QuadraticRecruitmentClaims.RECRUITED));
            Trajectory run = new DormandPrince54Flow(TOLERANCE).withMaxEvaluations(BUDGET)
                    .run(objective, unit, plan);
            double[] reached = Recruitments.times(run, QuadraticRecruitmentClaims.RECRUITED);
            out[i] = reached.length == 0 ? Double.POSITIVE_INFINITY : reached[0];
        }
        Arrays.sort(out);
        return out;
    }

    /** The full run, or null when the integrator's budget ran out (bad input still throws). */
    private static Trajectory runOrNull(BilinearMomentObjective moments,
            UnaryOperator<Objective> breaker, ResolvedScenario r, double end) {
        Objective objective = breaker.apply(moments);
        double floor = moments.irreducibleLoss();
        double start = objective.loss(r.theta0()) - floor;
        StopRule done = (time, loss, theta) -> loss - floor < DONE * start;
        RunPlan plan = RunPlan.until(end).withRecording(1e-2, RunPlan.DEFAULT_POINTS_PER_DECADE, 1e-3)
                .withUnitNorms(r.network().unitSize()).withStopRule(done);
        try {
            return new DormandPrince54Flow(TOLERANCE).withMaxEvaluations(BUDGET)
                    .run(objective, r.theta0(), plan);
        } catch (InvalidInputException e) {
            throw e;
        } catch (SaddlecheckException e) {
            return null;
        }
    }

    /** L − L_irr, floored at 0: the stages of the reducible loss, which ends at 0. */
    static double[] reducible(double[] losses, double floor) {
        double[] out = new double[losses.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.max(0, losses[k] - floor);
        }
        return out;
    }

    /**
     * Groups the detected drops into events: a drop starts a new event when the plateau before it
     * lasts at least {@code w}. Returns, for each event, the index of its last drop.
     */
    static List<Integer> eventEnds(Stages stages, double w) {
        return eventEnds(stages, w, w, new double[0]);
    }

    /**
     * As {@link #eventEnds(Stages, double)}, and a drop that recruits no head (no recruitment time
     * after the previous drop's end and up to its own end) and follows the previous drop by less
     * than {@code relaxation} also joins it: it is the relaxation of the previous transition.
     */
    static List<Integer> eventEnds(Stages stages, double w, double relaxation, double[] recruited) {
        List<Stages.Drop> drops = stages.drops();
        List<Integer> ends = new ArrayList<>();
        for (int k = 0; k < drops.size(); k++) {
            boolean joins = false;
            if (k > 0) {
                double gap = drops.get(k).start() - drops.get(k - 1).end();
                joins = gap < w || gap < relaxation
                        && !recruits(recruited, drops.get(k - 1).end(), drops.get(k).end());
            }
            if (joins) {
                ends.set(ends.size() - 1, k);
            } else {
                ends.add(k);
            }
        }
        return ends;
    }

    private static boolean recruits(double[] recruited, double after, double upTo) {
        for (double t : recruited) {
            if (t > after && t <= upTo) {
                return true;
            }
        }
        return false;
    }

    /**
     * W_r = √(W · 1/(|λ|ε)), the longest relaxation after a blow-up counted as part of it: the
     * geometric mean of the transition scale W and the plateau scale 1/(|λ|ε) (class documentation).
     */
    static double relaxation(Trial t) {
        return Math.sqrt(window(t) / (QuadraticRecruitmentClaims.slowestRate(t) * EPSILON));
    }

    /**
     * The width at the middle of each long plateau: before the first event, and after every
     * event's last drop until the next event.
     */
    private static int[] plateauWidths(Stages stages, List<Integer> events,
            EffectiveWidth.Series widths) {
        List<Stages.Drop> drops = stages.drops();
        double[] t = widths.times();
        int[] out = new int[events.size() + 1];
        for (int e = 0; e <= events.size(); e++) {
            double from = e == 0 ? t[0] : drops.get(events.get(e - 1)).end();
            double to = e == events.size() ? t[t.length - 1]
                    : drops.get(e == 0 ? 0 : events.get(e - 1) + 1).start();
            out[e] = widthAt(widths, 0.5 * (from + to));
        }
        return out;
    }

    private static int widthAt(EffectiveWidth.Series widths, double time) {
        double[] t = widths.times();
        int k = 0;
        while (k + 1 < t.length && t[k + 1] <= time) {
            k++;
        }
        return widths.widths()[k];
    }

    /** The number of plateaus whose width is not the previous one plus one (the first: 0). */
    static int stepMisses(int[] plateauWidths) {
        int misses = 0;
        for (int e = 0; e < plateauWidths.length; e++) {
            misses += plateauWidths[e] == e ? 0 : 1;
        }
        return misses;
    }

    private static String times(double[] ts) {
        List<String> out = new ArrayList<>();
        for (double x : ts) {
            out.add(n(x));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String n(double x) {
        return ManifoldGradientClaims.number(x);
    }
}
