package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.saddlecheck.analysis.EffectiveWidth;
import org.saddlecheck.analysis.Stages;
import org.saddlecheck.figures.Controls;
import org.saddlecheck.figures.Controls.Control;
import org.saddlecheck.figures.StagedRun;

/**
 * The paper's controls (Section 6.4): changes to the Figure 1 setting that the theory says remove
 * the saddle-to-saddle staircase, or keep it.
 * <ul>
 * <li>single drop: a linear network with one output or one input, and merged key-query
 *     attention, where one unit already expresses the whole target map: exactly one drop and
 *     effective width 1 at the end;</li>
 * <li>tanh: tanh is linear at lowest order, so its units grow together like a linear network's
 *     (dense, not sparse), and it cannot represent the linear target exactly, so the run ends in
 *     a slow decay rather than on a plateau;</li>
 * <li>x·tanh(x) and cubic: quadratic or higher at lowest order, so units are separated by their
 *     initial sizes (sparse): at least two drops and at most half the units large at the end.</li>
 * </ul>
 * The words of each claim are in its spec, {@code theory-specs/control.<id>.md}.
 */
public final class ControlClaims {

    /** The largest share of large units a sparse run may have; the smallest a dense one must. */
    static final double HALF = 0.5;

    /**
     * Recruitments of x·tanh x units closer than this are one drop: at lowest order a unit grows as
     * in the quadratic network, v̇ = λv² with λ an eigenvalue of Σ_yZ = diag(2, −1) (Section 6.2),
     * and from the recruitment level ρ = {@value QuadraticRecruitmentClaims#RECRUITED} it blows up
     * within 1/(|λ|ρ) ≤ 1/ρ, the duration of its drop.
     */
    static final double XTANH_WINDOW = 1 / QuadraticRecruitmentClaims.RECRUITED;

    private ControlClaims() {
    }

    /** The claims of this family. */
    public static List<Claim> claims() {
        List<Claim> out = new ArrayList<>();
        for (Control c : Control.values()) {
            out.add(claim(c));
        }
        return out;
    }

    /** The id of the claim of {@code control}. */
    static String id(Control control) {
        return "control." + control.id();
    }

    static Claim claim(Control control) {
        return Claim.in(ControlClaims.class, id(control))
                .trials(trials(control))
                .regimes(t -> List.of(control.id()))
                .check(t -> check(control, t))
                .evidence(t -> evidence(StagedRun.of(t.scenario())))
                .shrinkBudget(4)
                .build();
    }

    /** ε in the regime of each control (see the specs), and a seed for θ(0). */
    static Gen<Trial> trials(Control control) {
        Gen<Double> scales = switch (control) {
            case MERGED_ATTENTION -> Gen.decimals(0.001, 0.002, 4);
            case XTANH -> Gen.decimals(0.002, 0.004, 4);
            case CUBIC -> Gen.decimals(0.02, 0.04, 3);
            default -> Gen.scales(-7, -8, 1);
        };
        Gen<Long> seeds = Gen.seeds();
        return c -> {
            double epsilon = scales.draw(c);
            long seed = seeds.draw(c);
            return Trial.of(Controls.scenario(control, epsilon, seed));
        };
    }

    /** Checks one control; see the class documentation for what each predicts. */
    static Outcome check(Control control, Trial t) {
        StagedRun run = StagedRun.of(t.scenario());
        Stages s = run.stages();
        int h = run.network().width();
        int large = largeUnits(run, t.scenario().init().scale());
        double share = (double) large / h;
        String found = String.format(Locale.ROOT, "The %s control (ε = %s) shows %d drop%s at t = %s,"
                + " %s on a plateau; effective widths at the plateaus %s, %d at the end; %d of %d"
                + " units large at the end.",
                control.id(), ManifoldGradientClaims.number(t.scenario().init().scale()),
                s.dropCount(), s.dropCount() == 1 ? "" : "s", Arrays.toString(s.dropTimes()),
                s.endsOnPlateau() ? "ending" : "not ending", Arrays.toString(run.plateauWidths()),
                run.finalWidth(), large, h);
        return switch (control) {
            case SCALAR_OUTPUT, SCALAR_INPUT, MERGED_ATTENTION -> {
                int misses = (s.dropCount() == 1 ? 0 : 1) + (run.finalWidth() == 1 ? 0 : 1);
                yield Outcome.within(misses, 0, 0, found + " Predicted: one drop, width 1.");
            }
            case TANH -> {
                int misses = (s.endsOnPlateau() ? 1 : 0) + (share >= HALF ? 0 : 1);
                yield Outcome.within(misses, 0, 0, found + " Predicted: no final plateau (slow"
                        + " decay) and at least half the units large (dense).");
            }
            case XTANH -> {
                double[] times = Recruitments.times(run.trajectory(),
                        QuadraticRecruitmentClaims.RECRUITED);
                int events = Recruitments.events(times, XTANH_WINDOW);
                int misses = (events >= 2 ? 0 : 1) + (share <= HALF ? 0 : 1);
                yield Outcome.within(misses, 0, 0, found + String.format(Locale.ROOT, " Units"
                        + " recruited (norm %s) at t = %s: %d separate recruitment%s. Predicted: at"
                        + " least two separate recruitments and at most half the units large"
                        + " (sparse).", ManifoldGradientClaims.number(
                        QuadraticRecruitmentClaims.RECRUITED), Arrays.toString(times), events,
                        events == 1 ? "" : "s"));
            }
            case CUBIC -> {
                int misses = (s.dropCount() >= 2 ? 0 : 1) + (share <= HALF ? 0 : 1);
                yield Outcome.within(misses, 0, 0, found + " Predicted: at least two drops and at"
                        + " most half the units large (sparse).");
            }
        };
    }

    /**
     * The number of units whose norm ‖θ_i‖ at the end exceeds τ = max(0.1 · max_i ‖θ_i‖,
     * 10 ε √(|u| + |v|)): the threshold of {@link EffectiveWidth} for unit counts, applied to every
     * network whatever its saddle type, so that dense and sparse growth can be told apart.
     */
    static int largeUnits(StagedRun run, double epsilon) {
        EffectiveWidth.Scales scales = new EffectiveWidth.Scales(
                epsilon * Math.sqrt(run.network().unitSize()),
                Math.max(Double.MIN_NORMAL, maxNorm(run)));
        return EffectiveWidth.units(run.network(), run.trajectory().finalTheta(),
                scales.threshold(EffectiveWidth.Settings.DEFAULT.fraction()));
    }

    private static double maxNorm(StagedRun run) {
        double[] theta = run.trajectory().finalTheta();
        double largest = 0;
        for (int i = 0; i < run.network().width(); i++) {
            double sum = 0;
            for (int k = 0; k < run.network().unitSize(); k++) {
                double x = theta[run.network().uOffset(i) + k];
                sum += x * x;
            }
            largest = Math.max(largest, Math.sqrt(sum));
        }
        return largest;
    }

    static List<Figure> evidence(StagedRun run) {
        return FigureOneClaims.evidence(run);
    }
}
