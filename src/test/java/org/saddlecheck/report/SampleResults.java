package org.saddlecheck.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.saddlecheck.report.results.Budget;
import org.saddlecheck.report.results.ClaimResult;
import org.saddlecheck.report.results.Counterexample;
import org.saddlecheck.report.results.Coverage;
import org.saddlecheck.report.results.Figure;
import org.saddlecheck.report.results.Kind;
import org.saddlecheck.report.results.LinesFigure;
import org.saddlecheck.report.results.Reference;
import org.saddlecheck.report.results.Regime;
import org.saddlecheck.report.results.Results;
import org.saddlecheck.report.results.RunInfo;
import org.saddlecheck.report.results.Scale;
import org.saddlecheck.report.results.ScatterFigure;
import org.saddlecheck.report.results.Series;
import org.saddlecheck.report.results.Shard;
import org.saddlecheck.report.results.Status;
import org.saddlecheck.report.results.TableFigure;
import org.saddlecheck.report.results.ValidityMap;
import org.saddlecheck.report.results.WeightsFigure;
import org.saddlecheck.report.results.WeightsPanel;
import org.saddlecheck.report.results.Worst;

/**
 * Synthetic results covering every part of the format: every figure type, a validity map, a
 * failure with its counterexample, an error, a skipped claim, unmet coverage, inline math and text
 * that must be escaped. The curves come from the closed-form mode dynamics of the linear network
 * (the paper's Section 6.1; Saxe, McClelland and Ganguli 2014) so the figures look like real
 * evidence; nothing here is a measured number.
 */
public final class SampleResults {

    /** Singular values s_k of the sample task (three distinct modes, the paper's Section 6.1). */
    static final double[] S = {1.0, 0.5, 0.25};
    /** Width H and initialization scale ε of the sample run. */
    static final int H = 50;
    static final double EPSILON = 1e-6;

    private SampleResults() {
    }

    /** A whole run (shard 1 of 1), claims in catalogue order (id order). */
    public static Results run() {
        List<ClaimResult> claims = new ArrayList<>(List.of(zeroUnitEmbedding(), zeroUnitGradient(),
                dropTimes(), plateauScaling(), weights(), mergedAttention(), deepConjecture()));
        claims.sort(Comparator.comparing(ClaimResult::id));
        return new Results(runInfo(Shard.WHOLE, "./saddlecheck verify --seed 20251223", 42.5,
                Instant.parse("2026-12-03T17:40:00Z")), claims, List.of(dropTimeMap()));
    }

    /** A run record with the sample's seed, version and budget. */
    public static RunInfo runInfo(Shard shard, String command, double seconds, Instant started) {
        return new RunInfo("0.1.0-SNAPSHOT", 20251223L, Budget.DEFAULT, null, shard, started,
                seconds, 2, command);
    }

    /** A held claim with a statement naming a {@code <script>} tag, which must show as text. */
    public static ClaimResult zeroUnitEmbedding() {
        TableFigure table = new TableFigure("Gradient norm at the embedded point",
                List.of("width $H$", "$\\|\\nabla L\\|$", "held"),
                List.of(List.of(2.0, 3.1e-17, true), List.of(5.0, 0.0, true),
                        List.of("50", Double.NaN, false)));
        return claim("theorem1.zero-unit-embedding", "A zero unit embeds a fixed point", "4",
                "Theorem 1 (ii)", Kind.EXACT,
                "Copy a fixed point $\\theta^*$ of width $H-1$ and add a zero unit "
                        + "$(u_H, v_H) = (u_0, 0)$: the result is a fixed point, "
                        + "$\\nabla L = 0$. Text such as <script>alert(1)</script> is shown as is.",
                Status.HELD, null, 100, 100, 0, 1e-12,
                new Worst(3.1e-17, 0.0, 1e-12, 17),
                List.of(new Coverage("linear", 40, 5, true), new Coverage("relu", 60, 5, true)),
                null, List.of(table));
    }

    /** A held exact claim with math in its statement. */
    public static ClaimResult zeroUnitGradient() {
        return claim("theorem3.zero-unit-gradient", "A zero unit receives zero gradient", "5",
                "Theorem 3 (ii)", Kind.EXACT,
                "If $(u_i, v_i) = (u_0, 0)$ at $t_0$ then $\\dot u_i = 0$ and $\\dot v_i = 0$, "
                        + "so the unit stays zero for all $t \\ge t_0$.",
                Status.HELD, null, 200, 200, 0, 1e-12, new Worst(0.0, 0.0, 1e-12, 1),
                List.of(new Coverage("tied", 12, 5, true)), null, List.of());
    }

    /** A failed asymptotic claim with a counterexample, loss curves and a scatter. */
    public static ClaimResult dropTimes() {
        ObjectNode trial = JsonNodeFactory.instance.objectNode();
        trial.putObject("network").put("kind", "linear").put("width", H);
        trial.putObject("init").put("epsilon", 1e-2);
        trial.putObject("parameters").put("epsilon", 1e-2).put("gapRatio", 0.92);
        Counterexample cx = new Counterexample(trial, 9.8, 7.1, 0.5,
                "At $\\varepsilon = 10^{-2}$ with nearly equal singular values the second drop "
                        + "came at $t = 9.8$, later than the predicted $t_2 = 7.1$.",
                14, "./saddlecheck replay counterexample.json --claim linear.drop-times");
        return claim("linear.drop-times", "Drops come at $t_k \\approx \\frac{1}{2s_k}"
                        + "\\ln\\frac{2s_k}{H\\varepsilon^2}$", "6.1", "Theorem 4", Kind.ASYMPTOTIC,
                "With whitened inputs, mode $k$ is learned at time\n\n"
                        + "$$t_k \\approx \\frac{1}{2 s_k} \\ln \\frac{2 s_k}{H \\varepsilon^2}$$\n\n"
                        + "- modes in decreasing order of $s_k$\n- one rank per drop",
                Status.FAILED, "drop 2 came 38% late", 100, 87, 13, 0.05,
                new Worst(9.8, 7.1, 0.5, 42),
                List.of(new Coverage("well separated", 30, 10, true),
                        new Coverage("nearly equal", 3, 10, false)),
                cx, List.of(lossCurves(), dropScatter()));
    }

    /** A held statistical claim whose coverage of one regime was not met. */
    public static ClaimResult plateauScaling() {
        return claim("quadratic.plateau-scaling", "Quadratic plateaus scale like $1/\\varepsilon$",
                "6.2", "Proposition 5", Kind.STATISTICAL,
                "Plateaus of the quadratic net grow like $1/\\varepsilon$, those of the linear "
                        + "net like $\\ln(1/\\varepsilon)$.",
                Status.HELD, null, 40, 40, 0, null, null,
                List.of(new Coverage("tiny init", 2, 8, false)), null, List.of(scalingScatter()));
    }

    /** Evidence: weights snapshots like the paper's Figure 1. */
    public static ClaimResult weights() {
        return claim("figure1.weights", "First-layer weights align, then split", "2",
                "Figure 1", Kind.EVIDENCE, "One effective unit at the middle plateau, two at the end.",
                Status.HELD, null, 1, 1, 0, null, null, List.of(), null, List.of(weightsFigure()));
    }

    /** A claim whose check raised an error. */
    public static ClaimResult mergedAttention() {
        return claim("attention.merged-single-drop", "Merged key-query attention drops once",
                "6.4", "Section 6.4", Kind.ASYMPTOTIC, "A single abrupt drop, no saddle-to-saddle.",
                Status.ERROR, "the run diverged at t = 3.2 (loss became Infinity)", 3, 2, 0, 0.1,
                null, List.of(), null, List.of());
    }

    /** A skipped claim. */
    public static ClaimResult deepConjecture() {
        return claim("deep.layer-order", "Each layer's order predicts its separation", "6.5",
                "Conjecture", Kind.EVIDENCE, "Deep networks: a conjecture.", Status.SKIPPED,
                "tagged deep; run with --budget deep", 0, 0, 0, null, null, List.of(), null,
                List.of());
    }

    /** The loss L(t) = ½ Σ_k (s_k − w_k(t))² of the decoupled linear net (Saxe et al. 2014). */
    public static LinesFigure lossCurves() {
        List<Double> t = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        double w0 = H * EPSILON * EPSILON / 2;
        for (int n = 0; n <= 300; n++) {
            double time = 60.0 * n / 300;
            double l = 0;
            for (double s : S) {
                double e = Math.exp(2 * s * time);
                l += 0.5 * Math.pow(s - s * e / (e - 1 + s / w0), 2);
            }
            t.add(time);
            loss.add(l);
        }
        List<Reference> drops = new ArrayList<>();
        List<Reference> plateaus = new ArrayList<>();
        for (int k = 0; k < S.length; k++) {
            double tk = Math.log(2 * S[k] / (H * EPSILON * EPSILON)) / (2 * S[k]);
            drops.add(new Reference(tk, "$t_" + (k + 1) + "$"));
            double level = 0;
            for (int j = k + 1; j < S.length; j++) {
                level += 0.5 * S[j] * S[j];
            }
            if (level > 0) {
                plateaus.add(new Reference(level, "plateau " + (k + 1)));
            }
        }
        return new LinesFigure("Loss $L(t)$, $H = 50$, $\\varepsilon = 10^{-6}$", "time $t$",
                "loss $L$", Scale.LINEAR, Scale.LOG, List.of(new Series("simulated", t, loss)),
                drops, plateaus);
    }

    /** Measured against predicted drop times, with the identity line. */
    public static ScatterFigure dropScatter() {
        List<Double> predicted = new ArrayList<>();
        List<Double> measured = new ArrayList<>();
        for (double eps : new double[] {1e-2, 1e-4, 1e-6, 1e-8}) {
            for (double s : S) {
                double tk = Math.log(2 * s / (H * eps * eps)) / (2 * s);
                predicted.add(tk);
                measured.add(tk * (1 + 0.02 * Math.log10(1 / eps) / 8) + 0.3);
            }
        }
        return new ScatterFigure("Drop times", "predicted $t_k$", "measured $t_k$", Scale.LINEAR,
                Scale.LINEAR, true, List.of(new Series("drops", predicted, measured)));
    }

    /** Plateau length against 1/ε: ln(1/ε) for the linear net, 1/ε for the quadratic one. */
    public static ScatterFigure scalingScatter() {
        List<Double> inv = new ArrayList<>();
        List<Double> linear = new ArrayList<>();
        List<Double> quadratic = new ArrayList<>();
        for (int p = 1; p <= 6; p++) {
            double e = Math.pow(10, -p);
            inv.add(1 / e);
            linear.add(Math.log(1 / e) * (1 + 0.03 * (p % 2)));
            quadratic.add(0.5 / e * (1 - 0.04 * (p % 3)));
        }
        List<Double> lnFit = inv.stream().map(Math::log).toList();
        List<Double> invFit = inv.stream().map(x -> 0.5 * x).toList();
        return new ScatterFigure("Plateau length against $1/\\varepsilon$", "$1/\\varepsilon$",
                "plateau length $\\Delta t$", Scale.LOG, Scale.LOG, false,
                List.of(new Series("linear net", inv, linear),
                        new Series("quadratic net", inv, quadratic),
                        new Series("fit $\\ln(1/\\varepsilon)$", inv, lnFit),
                        new Series("fit $0.5/\\varepsilon$", inv, invFit)));
    }

    /** Three snapshots of 50 units' first-layer weights. */
    public static WeightsFigure weightsFigure() {
        // Fixed seed: the sample must be the same on every run so the report test is repeatable.
        SplittableRandom random = new SplittableRandom(7);
        List<WeightsPanel> panels = new ArrayList<>();
        String[] labels = {"initial, $t = 0$", "middle plateau, $t = 40$", "end, $t = 120$"};
        for (int p = 0; p < 3; p++) {
            List<WeightsPanel.Point> u = new ArrayList<>();
            List<Double> v = new ArrayList<>();
            for (int i = 0; i < H; i++) {
                double g = random.nextGaussian();
                double h = random.nextGaussian();
                double scale = 0.01 * Math.abs(random.nextGaussian());
                double x = g * 0.01;
                double y = h * 0.01;
                if (p >= 1) {
                    x = x * 0.1 + scale * 30 * 0.8;
                    y = y * 0.1 + scale * 30 * 0.6;
                }
                if (p == 2 && i % 2 == 1) {
                    x = -scale * 20 * 0.6;
                    y = scale * 20 * 0.8;
                }
                u.add(new WeightsPanel.Point(x, y));
                v.add(Math.hypot(x, y));
            }
            panels.add(new WeightsPanel(labels[p], u, v));
        }
        return new WeightsFigure("First-layer weights $u_i$", WeightsFigure.DEFAULT_X_LABEL,
                WeightsFigure.DEFAULT_Y_LABEL, panels);
    }

    /** Where the drop-time prediction holds over gap ratio and ε. */
    public static ValidityMap dropTimeMap() {
        List<Double> x = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            x.add(i / 10.0);
        }
        List<Double> y = new ArrayList<>();
        for (int p = -12; p <= -2; p++) {
            y.add(Math.pow(10, p));
        }
        List<List<Boolean>> held = new ArrayList<>();
        List<List<Double>> value = new ArrayList<>();
        for (double eps : y) {
            List<Boolean> row = new ArrayList<>();
            List<Double> vrow = new ArrayList<>();
            for (double r : x) {
                double error = r * r * Math.log10(eps * 1e13) / 4;
                row.add(error < 0.5);
                vrow.add(error);
            }
            held.add(row);
            value.add(vrow);
        }
        return new ValidityMap("linear.drop-times", "Where $t_k$ is predicted within 5%",
                "gap ratio $s_{k+1}/s_k$", "$\\varepsilon$", Scale.LINEAR, Scale.LOG, x, y, held,
                value, new Regime(0.0, 0.6, 1e-12, 1e-5));
    }

    private static ClaimResult claim(String id, String title, String section, String source,
            Kind kind, String statement, Status status, String message, int tries, int held,
            int discarded, Double tolerance, Worst worst, List<Coverage> coverage,
            Counterexample cx, List<Figure> evidence) {
        return new ClaimResult(id, title, section, source, kind, statement,
                "Whitened inputs; small initialization.",
                tolerance == null ? null : "The tolerance is $10^{-12}$: a few ulps of the sums.",
                "org.saddlecheck.claim.SampleClaims", List.of("fast"), status, message, tries, held,
                discarded, 0.25 + tries / 100.0, tolerance, worst, coverage, cx, evidence);
    }
}
