package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.Well19937c;
import org.saddlecheck.analysis.StageDetector;
import org.saddlecheck.analysis.Stages;
import org.saddlecheck.dynamics.GradientFlow;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.DeepLinear;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.Draws;
import org.saddlecheck.task.WhitenedRegression;

/**
 * Deep networks (the paper's conjecture, Section 7): Theorems 1 and 3 hold at any depth, because a
 * hidden unit of any layer still enters the output only through its own in- and out-weights. On a
 * three-layer linear network, with or without a skip connection around all three layers:
 * <ul>
 * <li>a hidden unit whose in-weights and out-weights are zero gets exactly zero gradient
 *     (Theorem 3 (ii); equivalently, a fixed point of the narrower network embedded with a zero
 *     unit, Theorem 1 (ii), keeps the gradient of the narrower network on every other weight);</li>
 * <li>two equal hidden units of one layer get bitwise equal gradients (Theorem 3 (i)).</li>
 * </ul>
 * The dynamics at depth are not asserted: the claim {@code deep.one-rank-per-drop} only reports,
 * as evidence, the loss curve and drop count of a three-layer network on a three-mode target.
 *
 * <p>Trials: explicit network sizes in the trial parameters (the scenario names a linear fully
 * connected network for its data only), whitened data, θ = ε·N(0, 1) drawn in the layout of
 * {@link DeepLinear}.
 */
public final class DeepNetworkClaims {

    private DeepNetworkClaims() {
    }

    /** The claims of this family. */
    public static List<Claim> claims() {
        return List.of(zeroUnit(), equalUnits(), oneRankPerDrop());
    }

    static Gen<Trial> trials() {
        Gen<Integer> dims = Gen.integers(1, 4);
        Gen<Integer> widths = Gen.integers(2, 6);
        Gen<Double> scales = Gen.scales(0, -4, 1);
        Gen<Long> seeds = Gen.seeds();
        Gen<Integer> layers = Gen.integers(1, 2);
        return c -> {
            int dIn = dims.draw(c);
            int dOut = dims.draw(c);
            int h1 = widths.draw(c);
            int h2 = widths.draw(c);
            boolean skip = c.flag(0.5);
            double epsilon = scales.draw(c);
            long dataSeed = seeds.draw(c);
            long initSeed = seeds.draw(c);
            int layer = layers.draw(c);
            int width = layer == 1 ? h1 : h2;
            int unit = Gen.integers(0, width - 1).draw(c);
            int other = (unit + Gen.integers(1, width - 1).draw(c)) % width;
            double[] spectrum = new double[Math.min(dIn, dOut)];
            for (int k = 0; k < spectrum.length; k++) {
                spectrum[k] = 1.0 / (k + 1);
            }
            Scenario s = new Scenario(NetworkSpec.fullyConnected("linear", dIn, dOut, h1),
                    DataSpec.generated(DataSpec.WHITENED, dataSeed, dIn + 4, spectrum),
                    InitSpec.gaussian(epsilon, initSeed), null);
            return Trial.of(s).with("h2", h2).with("skip", skip ? 1 : 0).with("layer", layer)
                    .with("unit", unit).with("other", other);
        };
    }

    private static List<String> regimes(Trial t) {
        List<String> out = new ArrayList<>();
        out.add(t.integer("skip") == 1 ? "skip" : "no-skip");
        out.add("layer-" + t.integer("layer"));
        return out;
    }

    static Claim zeroUnit() {
        return Claim.in(DeepNetworkClaims.class, "deep.zero-unit-gradient")
                .trials(trials())
                .regimes(DeepNetworkClaims::regimes)
                .require("skip", 0.2).require("no-skip", 0.2)
                .require("layer-1", 0.2).require("layer-2", 0.2)
                .check(DeepNetworkClaims::checkZero)
                .build();
    }

    static Claim equalUnits() {
        return Claim.in(DeepNetworkClaims.class, "deep.equal-units-gradient")
                .trials(trials())
                .regimes(DeepNetworkClaims::regimes)
                .require("skip", 0.2).require("no-skip", 0.2)
                .require("layer-1", 0.2).require("layer-2", 0.2)
                .check(DeepNetworkClaims::checkEqual)
                .build();
    }

    /** The network of a trial. */
    static DeepLinear network(Trial t) {
        NetworkSpec n = t.scenario().network();
        DataSpec d = t.scenario().data();
        Dataset data = WhitenedRegression.generate(n.inputs(), n.outputs(), d.samples(),
                d.spectrum(), 0, d.seed()).data();
        return new DeepLinear(data, n.width(), t.integer("h2"), t.integer("skip") == 1);
    }

    /** θ = ε·N(0, 1) in the layout of {@link DeepLinear}. */
    static double[] theta(Trial t, DeepLinear net) {
        Well19937c random = Draws.generator(t.scenario().init().seed());
        double[] theta = new double[net.dimension()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = t.scenario().init().scale() * random.nextGaussian();
        }
        return theta;
    }

    /** The indices of θ that belong to hidden unit {@code unit} of {@code layer}: in, then out. */
    static int[] unitIndices(DeepLinear net, int layer, int unit) {
        int inSize = layer == 1 ? net.inputs() : net.width1();
        int outRows = layer == 1 ? net.width2() : net.outputs();
        int outCols = layer == 1 ? net.width1() : net.width2();
        int[] out = new int[inSize + outRows];
        for (int b = 0; b < inSize; b++) {
            out[b] = net.offset(layer) + unit * inSize + b;
        }
        for (int r = 0; r < outRows; r++) {
            out[inSize + r] = net.offset(layer + 1) + r * outCols + unit;
        }
        return out;
    }

    static Outcome checkZero(Trial t) {
        DeepLinear net = network(t);
        double[] theta = theta(t, net);
        int[] idx = unitIndices(net, t.integer("layer"), t.integer("unit"));
        for (int k : idx) {
            theta[k] = 0;
        }
        double[] gradient = new double[net.dimension()];
        net.lossAndGradient(theta, gradient);
        double largest = 0;
        for (int k : idx) {
            largest = Math.max(largest, Math.abs(gradient[k]));
        }
        return Outcome.within(largest, 0, 0, String.format(Locale.ROOT, "In a three-layer linear"
                + " network %s, zero unit %d of layer %d received a gradient whose largest entry is"
                + " %s.", describe(t, net), t.integer("unit"), t.integer("layer"),
                ManifoldGradientClaims.number(largest)));
    }

    static Outcome checkEqual(Trial t) {
        DeepLinear net = network(t);
        double[] theta = theta(t, net);
        int[] a = unitIndices(net, t.integer("layer"), t.integer("unit"));
        int[] b = unitIndices(net, t.integer("layer"), t.integer("other"));
        for (int k = 0; k < a.length; k++) {
            theta[b[k]] = theta[a[k]];
        }
        double[] gradient = new double[net.dimension()];
        net.lossAndGradient(theta, gradient);
        double largest = 0;
        for (int k = 0; k < a.length; k++) {
            largest = Math.max(largest, Math.abs(gradient[a[k]] - gradient[b[k]]));
        }
        return Outcome.within(largest, 0, 0, String.format(Locale.ROOT, "In a three-layer linear"
                + " network %s, equal units %d and %d of layer %d received gradients that differ by"
                + " at most %s.", describe(t, net), t.integer("unit"), t.integer("other"),
                t.integer("layer"), ManifoldGradientClaims.number(largest)));
    }

    private static String describe(Trial t, DeepLinear net) {
        return String.format(Locale.ROOT, "%d → %d → %d → %d%s", net.inputs(), net.width1(),
                net.width2(), net.outputs(), t.integer("skip") == 1 ? " with skip" : "");
    }

    /** Evidence only: the drops of a three-layer network on a three-mode target. */
    static Claim oneRankPerDrop() {
        Gen<Long> seeds = Gen.seeds();
        return Claim.in(DeepNetworkClaims.class, "deep.one-rank-per-drop")
                .trials(c -> {
                    long s = seeds.draw(c);
                    Scenario sc = new Scenario(NetworkSpec.fullyConnected("linear", 3, 3, 20),
                            DataSpec.generated(DataSpec.WHITENED, 1, 8, 1, 0.5, 0.25),
                            InitSpec.gaussian(0.01, s), null);
                    return Trial.of(sc).with("h2", 20).with("skip", 0).with("layer", 1)
                            .with("unit", 0).with("other", 1);
                })
                .check(t -> {
                    Stages s = StageDetector.detect(run(t));
                    return new Outcome(Outcome.Verdict.HELD, s.dropCount(), 3, Double.NaN, 0,
                            String.format(Locale.ROOT, "A three-layer linear network 3 → 20 → 20"
                                    + " → 3 (ε = 0.01) on singular values (1, ½, ¼) showed %d drops at t = %s"
                                    + " (evidence, not asserted: the two-layer count is 3).",
                                    s.dropCount(), java.util.Arrays.toString(s.dropTimes())));
                })
                .evidence(t -> {
                    Trajectory r = run(t);
                    return List.of(new Figure.Lines("Loss of a three-layer linear network", "$t$",
                            "$L$", false, true, List.of(new Figure.Series("loss", r.times(),
                                    FigureOneClaims.positive(r.losses()))), List.of(),
                            List.of()));
                })
                .shrinkBudget(1)
                .build();
    }

    static Trajectory run(Trial t) {
        DeepLinear net = network(t);
        return new GradientFlow(1e-8).run(net, theta(t, net), RunPlan.until(300));
    }
}
