package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;
import org.saddlecheck.SaddlecheckException;
import org.saddlecheck.analysis.EffectiveWidth;
import org.saddlecheck.analysis.StageDetector;
import org.saddlecheck.analysis.Stages;
import org.saddlecheck.dynamics.DormandPrince54Flow;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.StopRule;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.BilinearMomentObjective;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.LinearAttention;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.network.QuadraticPopulationObjective;
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
    /**
     * The run ends at this many predicted first-plateau lengths; later units are not awaited.
     * Attention: 40. The quadratic network's population loss costs O(H·D²) per evaluation, so its
     * runs wait {@link #QUADRATIC_HORIZON} first plateaus for the last unit.
     */
    static final double HORIZON = 40;
    static final double QUADRATIC_HORIZON = 100;
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

    /** The quadratic target y = x_1² + x_2² − x_3² − x_4²: λ = 2 twice and −2 twice in Σ_yZ. */
    static final double[] TIED_LAMBDA = {1, 1, -1, -1};

    /**
     * Tied quadratic trials: D = 4, H = 4 (the rank of A) with probability 1/2, else H in [5, 10];
     * the Gaussian population of y = x_1² + x_2² − x_3² − x_4² (exact loss, no samples);
     * ε = {@link #EPSILON}.
     */
    static Gen<Trial> quadraticTrials() {
        Gen<Integer> widths = Gen.integers(TIED_LAMBDA.length + 1, 10);
        Gen<Long> seeds = Generators.seeds();
        Gen<Trial> gen = c -> {
            int h = c.flag(0.5) ? TIED_LAMBDA.length : widths.draw(c);
            DataSpec data = DataSpec.generated(DataSpec.QUADRATIC_POPULATION, 0, 0, TIED_LAMBDA);
            NetworkSpec net = NetworkSpec.fullyConnected("quadratic", TIED_LAMBDA.length, 1, h);
            return Trial.of(new Scenario(net, data, InitSpec.gaussian(EPSILON, seeds.draw(c)),
                    DynamicsSpec.flow(1, TOLERANCE)));
        };
        return gen.named("tied-quadratic-full-run");
    }

    /**
     * W = 1/(|λ| v_c), v_c = ρ/√3, the longest one transition lasts (class documentation), with
     * |λ| the {@link #slowestVisitedRate} of the trial.
     */
    static double window(Trial t) {
        return Math.sqrt(3) / (slowestVisitedRate(t) * QuadraticRecruitmentClaims.RECRUITED);
    }

    /**
     * The smallest rate |λ| at which a unit escapes from any critical point the run can visit.
     * Attention: the eigenvalue c²/2 of M₀, as measured by the attention spec. Quadratic network
     * on A = diag(λ): the critical point that fits the directions of a set S of eigenvectors has
     * M = Σ_{j∈S} c_j e_j e_jᵀ with c_j = λ_j − τ/2 and τ = tr(M − A) = −2 Σ_{m∉S} λ_m / (|S| + 2)
     * (from G_jj = τ + 2(c_j − λ_j) = 0, {@link QuadraticPopulationObjective}); there a unit on
     * e_m, m ∉ S, sees the drive −G_mm = 2λ_m − τ. The least |2λ_m − τ| over every S and m ∉ S
     * with λ_m ≠ 0 (4/3 for λ = (1, 1, −1, −1), after the first recruitment; spec, Tolerance).
     */
    static double slowestVisitedRate(Trial t) {
        if (t.scenario().network().kind().equals("attention")) {
            return QuadraticRecruitmentClaims.slowestRate(t);
        }
        double[] lambda = t.scenario().data().spectrum();
        int d = lambda.length;
        double slowest = Double.POSITIVE_INFINITY;
        for (int set = 0; set < 1 << d; set++) {
            double outside = 0;
            int size = 0;
            for (int m = 0; m < d; m++) {
                boolean in = (set >> m & 1) == 1;
                outside += in ? 0 : lambda[m];
                size += in ? 1 : 0;
            }
            double tau = -2 * outside / (size + 2);
            for (int m = 0; m < d; m++) {
                double rate = Math.abs(2 * lambda[m] - tau);
                if ((set >> m & 1) == 0 && lambda[m] != 0 && rate > 0) {
                    slowest = Math.min(slowest, rate);
                }
            }
        }
        return slowest;
    }

    /**
     * Counts the ways the run departs from one head per drop: drop events against recruitments,
     * recruitments against D, the width at each plateau between events against 0, 1, …, and the
     * final width against D. Predicted: 0.
     */
    static Outcome check(Trial t, UnaryOperator<Objective> breaker) {
        ResolvedScenario r = ScenarioResolver.resolve(t.scenario());
        Network network = r.network();
        int need = needed(t);
        double w = window(t);
        double[] alone = aloneTimes(r, QuadraticRecruitmentClaims.slowestRate(t));
        if (alone[1] - alone[0] < 2 * w) {
            return Outcome.discard(String.format(Locale.ROOT, "Near tie at the first recruitment:"
                    + " alone, the two earliest heads reach ρ at t = %s and %s, less than 2W = %s"
                    + " apart (outside the regime).", n(alone[0]), n(alone[1]), n(2 * w)));
        }
        Objective exact = objective(r, network);
        double floor = floor(exact);
        double horizon = network instanceof LinearAttention ? HORIZON : QUADRATIC_HORIZON;
        Trajectory run = runOrNull(exact, floor, breaker, r, horizon * alone[0]);
        if (run == null) {
            return Outcome.discard("the run used up its budget of " + BUDGET + " gradient"
                    + " evaluations before its end time");
        }
        Stages stages = StageDetector.detect(run.times(), reducible(run.losses(), floor));
        double[] recruited = Recruitments.times(run, QuadraticRecruitmentClaims.RECRUITED);
        List<Integer> events = eventEnds(stages, w, relaxation(t), recruited);
        EffectiveWidth.Scales scales = EffectiveWidth.Scales.ofInitialization(network, EPSILON,
                run.finalTheta());
        EffectiveWidth.Series widths = EffectiveWidth.alongUnitNorms(run, scales,
                EffectiveWidth.Settings.DEFAULT);
        int[] plateauWidths = plateauWidths(stages, events, widths);
        int finalWidth = widths.widths()[widths.widths().length - 1];
        // the first event is judged before any discard: its gap was predicted from θ(0)
        int misses = plateauWidths[0] == 0 && (plateauWidths.length < 2 || plateauWidths[1] == 1)
                ? 0 : 1;
        String found = String.format(Locale.ROOT, "%s, ε = %s: %d drop event%s (drops %s), heads"
                + " recruited at t = %s, widths at the plateaus %s and %d at the end; W = %s; %d"
                + " units needed.", QuadraticRecruitmentClaims.describe(t), n(EPSILON),
                events.size(), events.size() == 1 ? "" : "s", times(stages.dropTimes()),
                times(recruited), Arrays.toString(plateauWidths), finalWidth, n(w), need);
        if (misses > 0) {
            return Outcome.within(misses, 0, 0, found + " The first drop event did not raise the"
                    + " width from 0 to 1, although no other head was predicted within 2W.");
        }
        double reached = run.losses()[run.size() - 1] - floor;
        if (reached > DONE * (run.losses()[0] - floor)) {
            String why = stalled(exact, run, w, t)
                    ? " The run stalled at a saddle: every unit below ρ has v of the opposite sign"
                    + " to every non-zero eigenvalue of the drive −G there, so none can grow"
                    + " (Proposition 5: a unit grows only if λv > 0)."
                    : " A unit later than the horizon.";
            return Outcome.discard(found + " The run ended before the reducible loss fell to "
                    + n(DONE) + " of its start." + why);
        }
        for (int k = 1; k < recruited.length; k++) {
            if (recruited[k] - recruited[k - 1] < 2 * w) {
                return Outcome.discard(found + " Near tie: two recruitments less than 2W apart.");
            }
        }
        if (!(network instanceof LinearAttention) && nearTie(Recruitments.times(run,
                scales.threshold(EffectiveWidth.Settings.DEFAULT.fraction())), w)) {
            return Outcome.discard(found + " Near tie: two units crossed the width threshold less"
                    + " than 2W apart (one grew beside another on the same transition).");
        }
        misses += stepMisses(plateauWidths);
        misses += events.size() == recruited.length ? 0 : 1;
        misses += recruited.length == need ? 0 : 1;
        misses += finalWidth == need ? 0 : 1;
        return Outcome.within(misses, 0, 0, found + " Predicted: one event per recruited unit,"
                + " widths 0, 1, …, " + (need - 1) + " between events and " + need + " at the end.");
    }

    /** Whether two of the increasing {@code times} are less than 2W apart. */
    private static boolean nearTie(double[] times, double w) {
        for (int k = 1; k < times.length; k++) {
            if (times[k] - times[k - 1] < 2 * w) {
                return true;
            }
        }
        return false;
    }

    /**
     * The time each head alone (a one-head network with the head's θ_i(0), its own early flow)
     * first reaches norm ρ, sorted; +∞ for a head that does not grow by the horizon of the toy,
     * 200/(|λ|ε) (as in {@link QuadraticRecruitmentClaims#run}).
     */
    static double[] aloneTimes(ResolvedScenario r, double rate) {
        Network network = r.network();
        Network single = network.withWidth(1);
        int size = network.unitSize();
        double[] theta0 = r.theta0();
        double end = 200 / (rate * EPSILON);
        double[] out = new double[network.width()];
        for (int i = 0; i < out.length; i++) {
            double[] unit = Arrays.copyOfRange(theta0, i * size, (i + 1) * size);
            Objective objective = objective(r, single);
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

    /**
     * The exact loss of {@code network} (the scenario's network or a narrower copy) on the
     * scenario's data: the moment form for attention ({@link BilinearMomentObjective}), the
     * population form for the quadratic network ({@link QuadraticPopulationObjective}, A = diag(λ)).
     */
    static Objective objective(ResolvedScenario r, Network network) {
        if (network instanceof LinearAttention attention) {
            return attention.momentObjective(r.data());
        }
        DataSpec data = r.scenario().data();
        Require.that(DataSpec.QUADRATIC_POPULATION.equals(data.kind()), "the quadratic drop count"
                + " needs data of kind " + DataSpec.QUADRATIC_POPULATION + ", not " + data.kind());
        return QuadraticPopulationObjective.of((FullyConnected) network, diagonal(data.spectrum(),
                network.inputSize()));
    }

    private static DMatrixRMaj diagonal(double[] lambda, int d) {
        DMatrixRMaj A = new DMatrixRMaj(d, d);
        for (int k = 0; k < lambda.length; k++) {
            A.set(k, k, lambda[k]);
        }
        return A;
    }

    /**
     * Whether the quadratic run ended where no unit can be recruited any more: at the final θ, the
     * drive −G ({@link QuadraticPopulationObjective#residualStatistic}) has eigenvalues 0 on the
     * fitted directions and at least the slowest visited rate in magnitude on the others (class
     * documentation), so those beyond half that rate are the open directions; a unit below ρ can
     * take an open direction of eigenvalue μ only if v_i μ > 0. Always false for attention.
     */
    static boolean stalled(Objective exact, Trajectory run, double w, Trial t) {
        if (!(exact instanceof QuadraticPopulationObjective population)) {
            return false;
        }
        double[] theta = run.finalTheta();
        DMatrixRMaj drive = population.residualStatistic(theta);
        CommonOps_DDRM.scale(-1, drive);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(drive.numRows, false, true);
        Require.that(eig.decompose(drive), "the eigenvalues of the drive −G could not be computed");
        double open = 0.5 * slowestVisitedRate(t);
        int size = drive.numRows + 1;
        for (int i = 0; i < theta.length / size; i++) {
            double v = theta[i * size + size - 1];
            if (run.unitNorms(run.size() - 1)[i] >= QuadraticRecruitmentClaims.RECRUITED) {
                continue;
            }
            for (int k = 0; k < drive.numRows; k++) {
                double mu = eig.getEigenvalue(k).real;
                if (Math.abs(mu) > open && mu * v > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** L_irr of an exact objective: the moment form's, or 0 for the population form. */
    private static double floor(Objective exact) {
        return exact instanceof BilinearMomentObjective moments ? moments.irreducibleLoss() : 0;
    }

    /**
     * The number of units the end needs: D for attention (the rank of the best M), rank(A), the
     * number of non-zero λ_k, for the quadratic network (spec, Statement).
     */
    static int needed(Trial t) {
        if (t.scenario().network().kind().equals("attention")) {
            return t.scenario().network().dimension();
        }
        int rank = 0;
        for (double l : t.scenario().data().spectrum()) {
            rank += l == 0 ? 0 : 1;
        }
        return rank;
    }

    /** The full run, or null when the integrator's budget ran out (bad input still throws). */
    private static Trajectory runOrNull(Objective exact, double floor,
            UnaryOperator<Objective> breaker, ResolvedScenario r, double end) {
        Objective objective = breaker.apply(exact);
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
     * Groups the detected drops into events and returns, for each event, the index of its last
     * drop. A drop joins the previous event when the plateau before it is shorter than {@code w},
     * or when it recruits no head (no time of {@code recruited} after the previous drop's end and
     * up to its own end) and follows the previous drop by less than {@code relaxation}: it is then
     * the relaxation of the previous transition.
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
        return Math.sqrt(window(t) / (slowestVisitedRate(t) * EPSILON));
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
