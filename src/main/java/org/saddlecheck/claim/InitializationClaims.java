package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.saddlecheck.analysis.Measures;
import org.saddlecheck.analysis.ModeStrengths;
import org.saddlecheck.analysis.Stages;
import org.saddlecheck.figures.FigureOne;
import org.saddlecheck.figures.LowRankInit;
import org.saddlecheck.figures.StagedRun;

/**
 * The role of the initialization (paper, Section 6, Figure 2C/2D; the theory's Section 6.3), on
 * linear networks:
 * <ul>
 * <li>large weights of rank one plus a small isotropic perturbation: the first mode is already
 *     large, so there is no initial plateau; the loss falls at once, then waits on a plateau for
 *     the second mode to escape from the perturbation, then drops;</li>
 * <li>large weights of exactly the needed rank (two) and no perturbation: one drop, no plateau,
 *     and the rank stays two for all time (Theorem 3 (iv)): the run ends at the low-rank
 *     solution;</li>
 * <li>a larger isotropic initialization shortens the plateaus (the first drop comes earlier at
 *     every step up a ladder of ε) and blurs them (the middle plateau slopes more, then merges into
 *     the drops), while the effective width still grows from 0 to 2.</li>
 * </ul>
 */
public final class InitializationClaims {

    /** σ_3/σ_1 below which a singular value counts as zero in the needed-rank claim. */
    static final double RANK_TOLERANCE = 1e-8;

    /** The ladder of isotropic scales: ε_0 · 10^j, j = 0 … 4. */
    static final int RUNGS = 5;

    private InitializationClaims() {
    }

    /** The claims of this family. */
    public static List<Claim> claims() {
        return List.of(lowRankPlusPerturbation(), neededRank(), isotropicScale());
    }

    /**
     * ε log-uniform over 10⁻¹⁰ … 10⁻⁸: the second mode escapes from the perturbation at
     * t_2 ≈ (1/(2s_2)) ln(2s_2/(Hε²)) ≥ 30, at least twice the longest first stage seen (the
     * transit of the rank-one start past the rank-one saddle of the second mode, which does not
     * depend on ε), so that the plateau between outlasts the drop before it; see the spec.
     */
    static Claim lowRankPlusPerturbation() {
        Gen<Double> scales = Gen.scales(-9, -10, 1);
        Gen<Long> seeds = Gen.seeds();
        return Claim.in(InitializationClaims.class, "init.large-low-rank-skips-first-plateau")
                .trials(c -> {
                    double e = scales.draw(c);
                    long s = seeds.draw(c);
                    return Trial.of(LowRankInit.scenario(1, e, s)).with("epsilon", e)
                            .with("seed", s);
                })
                .check(InitializationClaims::checkLowRank)
                .evidence(t -> FigureOneClaims.evidence(StagedRun.of(t.scenario())))
                .shrinkBudget(4)
                .build();
    }

    static Claim neededRank() {
        Gen<Long> seeds = Gen.seeds();
        return Claim.in(InitializationClaims.class, "init.needed-rank-single-drop")
                .trials(c -> {
                    long s = seeds.draw(c);
                    return Trial.of(LowRankInit.scenario(2, 0, s)).with("seed", s);
                })
                .check(InitializationClaims::checkNeededRank)
                .evidence(t -> FigureOneClaims.evidence(StagedRun.of(t.scenario())))
                .shrinkBudget(4)
                .build();
    }

    static Claim isotropicScale() {
        Gen<Double> scales = Gen.scales(-9, -9, 1);
        Gen<Long> seeds = Gen.seeds();
        return Claim.in(InitializationClaims.class, "init.larger-scale-shortens-and-blurs-plateaus")
                .trials(c -> {
                    double e = scales.draw(c);
                    long s = seeds.draw(c);
                    return Trial.of(FigureOne.scenario(FigureOne.Panel.LINEAR_FC, e, s));
                })
                .check(InitializationClaims::checkLadder)
                .evidence(t -> List.of(ladderFigure(t)))
                .shrinkBudget(4)
                .build();
    }

    /**
     * No initial plateau, then the plateaus of the saddles the theory allows, in this order: the
     * rank-one saddle of the second mode, L = ½ s_1² (optional: visited when the rank-one start
     * overlaps the second mode more than the first), the rank-one saddle of the first mode,
     * L = ½ s_2², and the solution, L = 0 (Section 6.1; Theorem 1 (ii) embeds both rank-one saddles).
     * Each detected plateau level is read as the nearest of the theory's levels in ln L, or as zero
     * below {@link #ZERO} · ½ s_2². Counts the departures.
     */
    static Outcome checkLowRank(Trial t) {
        Stages s = StagedRun.of(t.scenario()).stages();
        double[] sv = t.scenario().data().spectrum();
        String path = path(s.plateauLevels(), sv);
        boolean allowed = path.equals("20") || path.equals("120");
        int misses = (s.startsWithPlateau() ? 1 : 0) + (allowed ? 0 : 1)
                + (s.endsOnPlateau() ? 0 : 1);
        return Outcome.within(misses, 0, 0, String.format(Locale.ROOT, "Rank-one large"
                + " initialization with perturbation ε = %s: %s with a plateau, %d drops at t = %s,"
                + " plateaus at %s (read as %s: 1 for ½ s_1², 2 for ½ s_2², 0 for zero), %s on a"
                + " plateau; predicted: no initial plateau, plateaus 2 then 0, or 1, 2, 0.",
                ManifoldGradientClaims.number(t.parameter("epsilon")),
                s.startsWithPlateau() ? "starts" : "does not start", s.dropCount(),
                Arrays.toString(s.dropTimes()), Arrays.toString(s.plateauLevels()), path,
                s.endsOnPlateau() ? "ends" : "does not end"));
    }

    /** A plateau below this fraction of ½ s_2² is read as zero loss. */
    static final double ZERO = 1e-3;

    /**
     * The plateau levels read as the theory's: "0" below {@link #ZERO} · ½ s_2², else the digit of
     * the nearest in ln L of ½(s_1² + s_2²) ("x", no mode learned), ½ s_1² ("1", the second mode
     * learned) and ½ s_2² ("2", the first mode learned).
     */
    static String path(double[] levels, double[] sv) {
        double[] theory = {0.5 * (sv[0] * sv[0] + sv[1] * sv[1]), 0.5 * sv[0] * sv[0],
            0.5 * sv[1] * sv[1]};
        String[] names = {"x", "1", "2"};
        StringBuilder out = new StringBuilder();
        for (double level : levels) {
            if (level < ZERO * theory[2]) {
                out.append('0');
                continue;
            }
            int best = 0;
            for (int k = 1; k < theory.length; k++) {
                if (Math.abs(Math.log(level / theory[k])) < Math.abs(Math.log(level / theory[best]))) {
                    best = k;
                }
            }
            out.append(names[best]);
        }
        return out.toString();
    }

    static Outcome checkNeededRank(Trial t) {
        StagedRun run = StagedRun.of(t.scenario());
        Stages s = run.stages();
        double[] sv = ModeStrengths.singularValues(ModeStrengths.W(run.network(),
                run.trajectory().finalTheta()));
        int rank = 0;
        for (double x : sv) {
            if (x > RANK_TOLERANCE * sv[0]) {
                rank++;
            }
        }
        int misses = (s.startsWithPlateau() ? 1 : 0) + (s.dropCount() == 1 ? 0 : 1)
                + (rank == 2 ? 0 : 1);
        return Outcome.within(misses, 0, 0, String.format(Locale.ROOT, "Rank-two large"
                + " initialization: %s with a plateau, %d drop%s, final singular values %s (rank %d);"
                + " predicted: one drop, no plateau before it, rank 2.",
                s.startsWithPlateau() ? "starts" : "does not start", s.dropCount(),
                s.dropCount() == 1 ? "" : "s", Arrays.toString(sv), rank));
    }

    /** The runs of the ladder ε_0 · 10^j. */
    static List<StagedRun> ladder(Trial t) {
        List<StagedRun> out = new ArrayList<>();
        double e0 = t.scenario().init().scale();
        for (int j = 0; j < RUNGS; j++) {
            out.add(StagedRun.of(FigureOne.scenario(FigureOne.Panel.LINEAR_FC,
                    e0 * Math.pow(10, j), t.scenario().init().seed())));
        }
        return out;
    }

    /** The first time the loss falls to the midpoint between the first two plateau levels. */
    static double firstDropTime(StagedRun run) {
        return Measures.firstTimeAtOrBelow(run.trajectory().times(), run.trajectory().losses(),
                0.5 * (0.625 + 0.125));
    }

    /** The window in ln t over which {@link #middleFlatness} measures a slope. */
    static final double SLOPE_WINDOW = 0.05;

    /**
     * The flatness of the middle plateau: the smallest slope −Δln L/Δln t over windows of
     * {@value #SLOPE_WINDOW} in ln t between the first crossings of the midpoints of the theory's
     * plateau levels (½(s_1² + s_2²) + ½ s_2²)/2 and ½ s_2²/2 (Section 6.1). On that plateau
     * L = ½ s_2² + ½ a⁻² e^{−4s_1 t} − s_2 a e^{2s_2 t} + … with a = Hε²/2 (the tail of the first
     * mode, the growth of the second), whose slope is least where the two terms balance; there both
     * are ∝ a^{(4s_1 − 4s_2)/(4s_1 + 2s_2)} = a^{2/5} for s = (1, ½), so the flattest slope is
     * ∝ ε^{4/5} ln(1/ε) and rises about sixfold per decade of ε. NaN when a crossing is missing.
     */
    static double middleFlatness(StagedRun run) {
        double[] t = run.trajectory().times();
        double[] l = run.trajectory().losses();
        double from = Measures.firstTimeAtOrBelow(t, l, 0.5 * (0.625 + 0.125));
        double to = Measures.firstTimeAtOrBelow(t, l, 0.5 * 0.125);
        if (Double.isNaN(from) || Double.isNaN(to)) {
            return Double.NaN;
        }
        double least = Double.POSITIVE_INFINITY;
        int j = 0;
        for (int k = 0; k < t.length && t[k] <= to; k++) {
            if (t[k] < from) {
                continue;
            }
            j = Math.max(j, k + 1);
            while (j < t.length && Math.log(t[j] / t[k]) < SLOPE_WINDOW) {
                j++;
            }
            if (j >= t.length || t[j] > to) {
                break;
            }
            least = Math.min(least, -Math.log(l[j] / l[k]) / Math.log(t[j] / t[k]));
        }
        return least;
    }

    static Outcome checkLadder(Trial t) {
        List<StagedRun> runs = ladder(t);
        int misses = 0;
        double[] times = new double[RUNGS];
        double[] flat = new double[RUNGS];
        int[] finals = new int[RUNGS];
        for (int j = 0; j < RUNGS; j++) {
            times[j] = firstDropTime(runs.get(j));
            flat[j] = middleFlatness(runs.get(j));
            finals[j] = runs.get(j).finalWidth();
            if (finals[j] != 2) {
                misses++;
            }
            if (j > 0 && !(times[j] < times[j - 1])) {
                misses++;
            }
            if (j > 0 && !(flat[j] > flat[j - 1])) {
                misses++;
            }
        }
        return Outcome.within(misses, 0, 0, String.format(Locale.ROOT, "Over ε = %s × 10^j,"
                + " j = 0…%d: first drop at %s, flattest middle-plateau slope %s, final"
                + " widths %s; predicted: earlier at every step, flattest slope rising (about"
                + " sixfold per decade), width 2 throughout.",
                ManifoldGradientClaims.number(t.scenario().init().scale()), RUNGS - 1,
                Arrays.toString(times), Arrays.toString(flat), Arrays.toString(finals)));
    }

    private static Figure ladderFigure(Trial t) {
        List<Figure.Series> series = new ArrayList<>();
        List<StagedRun> runs = ladder(t);
        for (StagedRun r : runs) {
            series.add(new Figure.Series("ε = " + ManifoldGradientClaims.number(
                    r.scenario().init().scale()), r.trajectory().times(),
                    FigureOneClaims.positive(r.trajectory().losses())));
        }
        return new Figure.Lines("Loss of the linear Figure 1 network for a ladder of"
                + " initialization scales", "$t$", "$L$", false, true, series, List.of(),
                List.of());
    }
}
