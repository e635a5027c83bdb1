package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.saddlecheck.analysis.EffectiveWidth;
import org.saddlecheck.analysis.Stages;
import org.saddlecheck.figures.FigureOne;
import org.saddlecheck.figures.FigureOne.Panel;
import org.saddlecheck.figures.StagedRun;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.SaddleType;

/**
 * The paper's Figure 1, one claim per network: trained from a small initialization on a target
 * that needs two units, each of the six networks shows plateau, drop, plateau, drop, plateau, and
 * the effective width of its saddle type (rank for linear networks, rays for ReLU networks,
 * non-zero units or heads for attention and the quadratic network; Section 3) is 1 at the middle
 * plateau and 2 at the end: the middle plateau is the embedded fixed point with one effective unit
 * (Theorem 1 (ii)–(iv)), the end the two-unit solution.
 *
 * <p>Trials: the panel's scenario ({@link FigureOne}) with ε drawn per decade and a seed for θ(0).
 * The words of each claim are in its spec, {@code theory-specs/figure1.<kind>-two-stages.md}.
 */
public final class FigureOneClaims {

    private FigureOneClaims() {
    }

    /** The claims of this family, one per panel, in the figure's order. */
    public static List<Claim> claims() {
        List<Claim> out = new ArrayList<>();
        for (Panel p : Panel.values()) {
            out.add(twoStages(p));
        }
        return out;
    }

    /** The id of the claim of {@code panel}. */
    static String id(Panel panel) {
        return "figure1." + panel.kind() + "-two-stages";
    }

    /** Figure 1, one panel: two drops, width one at the middle plateau, two at the end. */
    static Claim twoStages(Panel panel) {
        return Claim.in(FigureOneClaims.class, id(panel))
                .trials(trials(panel))
                .regimes(t -> List.of(panel.kind()))
                .check(FigureOneClaims::check)
                .evidence(t -> evidence(StagedRun.of(t.scenario())))
                .shrinkBudget(4)
                .build();
    }

    /**
     * ε log-uniform over 10⁻⁸ … 10⁻⁶ where plateaus last ln(1/ε) (types I and II); uniform over
     * 5·10⁻⁴ … 10⁻³ (attention) and 10⁻⁴ … 1.5·10⁻⁴ (quadratic) where they last 1/ε (type III,
     * whose runs cost time in proportion to 1/ε, and whose separation of units needs the O(1)
     * width of a drop to be small against the gap G/ε between recruitments, G a property of the
     * draw: draws with a near tie, of probability O(ε), are discarded by {@link #check}).
     */
    static Gen<Trial> trials(Panel panel) {
        Gen<Double> scales = switch (panel) {
            case ATTENTION -> Gen.decimals(0.0005, 0.001, 5);
            case QUADRATIC -> Gen.decimals(0.0001, 0.00015, 6);
            default -> Gen.scales(-7, -8, 1);
        };
        Gen<Long> seeds = Gen.seeds();
        return c -> {
            double epsilon = scales.draw(c);
            long seed = seeds.draw(c);
            return Trial.of(FigureOne.scenario(panel, epsilon, seed));
        };
    }

    /**
     * Counts the ways the run departs from the figure: not two drops between plateaus, effective
     * width at the middle plateau not 1, at the end not 2. Predicted: 0.
     */
    static Outcome check(Trial t) {
        StagedRun run = StagedRun.of(t.scenario());
        Stages s = run.stages();
        double tie = nearTie(run);
        if (tie > 1) {
            return Outcome.discard(String.format(Locale.ROOT, "Near tie (ε = %s): when a unit was"
                    + " recruited another was already %s times √(10 S_init · 0.1 S_final), so the"
                    + " recruitments are not separated at this ε (Proposition 5; outside the"
                    + " regime).",
                    ManifoldGradientClaims.number(t.scenario().init().scale()),
                    ManifoldGradientClaims.number(tie)));
        }
        int[] widths = run.plateauWidths();
        int misses = 0;
        if (!run.twoStages()) {
            misses++;
        }
        if (widths.length < 2 || widths[1] != 1) {
            misses++;
        }
        if (run.finalWidth() != FigureOne.NEEDED) {
            misses++;
        }
        String text = String.format(Locale.ROOT, "The %s network (ε = %s) shows %d drop%s at t = %s"
                + " (%s with a plateau, %s on one); effective widths at the plateaus %s, at the"
                + " end %d; predicted two drops and widths 0, 1, 2.", run.network().kind(),
                ManifoldGradientClaims.number(t.scenario().init().scale()), s.dropCount(),
                s.dropCount() == 1 ? "" : "s", times(s.dropTimes()),
                s.startsWithPlateau() ? "starting" : "not starting",
                s.endsOnPlateau() ? "ending" : "not ending", Arrays.toString(widths),
                run.finalWidth());
        return Outcome.within(misses, 0, 0, text);
    }

    /**
     * For networks of type III (Section 3; units separate by their initial sizes), the largest
     * norm of a unit not yet recruited at any recruitment (norm reaching
     * {@link QuadraticRecruitmentClaims#RECRUITED}; {@link Recruitments#nearTie}) over the
     * geometric mean of the two scales of the effective width, √(10 S_init · 0.1 S_final), with
     * S_init = ε √(|u| + |v|) and S_final the largest final unit norm: above 1 that unit is nearer
     * in ln to the final scale than to the initial one, no longer O(ε). 0 for the other types,
     * whose units grow together.
     */
    static double nearTie(StagedRun run) {
        if (run.network().traits().saddleType() != SaddleType.UNITS) {
            return 0;
        }
        double initial = EffectiveWidth.SEPARATION * run.scenario().init().scale()
                * Math.sqrt(run.network().unitSize());
        double last = EffectiveWidth.Scales.measure(run.network(), run.trajectory().finalTheta());
        double floor = Math.sqrt(initial * EffectiveWidth.Settings.DEFAULT.fraction() * last);
        return Recruitments.nearTie(run.trajectory(), QuadraticRecruitmentClaims.RECRUITED, floor);
    }

    private static String times(double[] ts) {
        List<String> out = new ArrayList<>();
        for (double x : ts) {
            out.add(ManifoldGradientClaims.number(x));
        }
        return String.join(", ", out);
    }

    // ---------------------------------------------------------------- evidence

    /** The loss curve with its drops marked, and the weights at the middle plateau and the end. */
    static List<Figure> evidence(StagedRun run) {
        List<Figure> out = new ArrayList<>();
        out.add(lossCurve(run, "Loss of the " + run.network().kind() + " network"));
        List<Figure.WeightPanel> panels = new ArrayList<>();
        if (run.plateauThetas().size() >= 2) {
            panels.add(weightPanel(run.network(), run.plateauThetas().get(1), "middle plateau"));
        }
        panels.add(weightPanel(run.network(), run.trajectory().finalTheta(), "end"));
        out.add(new Figure.Weights("First-layer weights u_i (first two entries) and ‖v_i‖ of the "
                + run.network().kind() + " network", panels));
        return out;
    }

    /** L(t) on a log axis, the detected drop times as vertical marks, plateau levels as horizontal. */
    static Figure lossCurve(StagedRun run, String title) {
        Stages s = run.stages();
        List<Figure.Mark> drops = new ArrayList<>();
        double[] dt = s.dropTimes();
        for (int k = 0; k < dt.length; k++) {
            drops.add(new Figure.Mark(dt[k], "drop " + (k + 1)));
        }
        List<Figure.Mark> levels = new ArrayList<>();
        double[] pl = s.plateauLevels();
        for (int k = 0; k < pl.length; k++) {
            if (pl[k] > 0) {
                levels.add(new Figure.Mark(pl[k], "plateau " + (k + 1)));
            }
        }
        return new Figure.Lines(title, "$t$", "$L$", false, true, List.of(new Figure.Series("loss",
                run.trajectory().times(), positive(run.trajectory().losses()))), drops, levels);
    }

    /** Losses floored at the smallest positive double, so that a log axis can draw them. */
    static double[] positive(double[] xs) {
        double[] out = xs.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.max(out[k], Double.MIN_NORMAL);
        }
        return out;
    }

    /** u_i (its first two entries, the key for attention) and ‖v_i‖ of every unit. */
    static Figure.WeightPanel weightPanel(Network network, double[] theta, String label) {
        int h = network.width();
        double[][] u = new double[h][2];
        double[] v = new double[h];
        for (int i = 0; i < h; i++) {
            int uo = network.uOffset(i);
            u[i][0] = theta[uo];
            u[i][1] = network.uSize() > 1 ? theta[uo + 1] : 0;
            double sum = 0;
            for (int k = 0; k < network.vSize(); k++) {
                double x = theta[network.vOffset(i) + k];
                sum += x * x;
            }
            v[i] = Math.sqrt(sum);
        }
        return new Figure.WeightPanel(label, u, v);
    }
}
