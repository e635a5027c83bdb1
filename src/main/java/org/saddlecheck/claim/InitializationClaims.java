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

    static Claim lowRankPlusPerturbation() {
        Gen<Double> scales = Gen.scales(-7, -8, 1);
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

    static Outcome checkLowRank(Trial t) {
        Stages s = StagedRun.of(t.scenario()).stages();
        int misses = (s.startsWithPlateau() ? 1 : 0) + (s.dropCount() == 2 ? 0 : 1)
                + (s.endsOnPlateau() ? 0 : 1);
        return Outcome.within(misses, 0, 0, String.format(Locale.ROOT, "Rank-one large"
                + " initialization with perturbation ε = %s: %s with a plateau, %d drops at t = %s,"
                + " %s on a plateau; predicted: no initial plateau, two drops, a final plateau.",
                ManifoldGradientClaims.number(t.parameter("epsilon")),
                s.startsWithPlateau() ? "starts" : "does not start", s.dropCount(),
                Arrays.toString(s.dropTimes()), s.endsOnPlateau() ? "ends" : "does not end"));
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

    /** The flatness of the middle plateau, or +∞ once it has merged into the drops. */
    static double middleFlatness(StagedRun run) {
        List<Stages.Plateau> p = run.stages().plateaus();
        return run.twoStages() ? p.get(1).flatness() : Double.POSITIVE_INFINITY;
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
            if (j > 0 && !(flat[j] >= flat[j - 1])) {
                misses++;
            }
        }
        return Outcome.within(misses, 0, 0, String.format(Locale.ROOT, "Over ε = %s × 10^j,"
                + " j = 0…%d: first drop at %s, middle-plateau flatness %s (∞: merged), final"
                + " widths %s; predicted: earlier at every step, flatness rising (up to a merged"
                + " plateau), width 2 throughout.",
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
