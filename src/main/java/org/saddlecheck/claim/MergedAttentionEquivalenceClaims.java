package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.LinearAttention;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.Tokens;

/**
 * Merged key-query linear attention trains exactly like a two-layer linear network fed the cubic
 * features vec(Z) (paper, Section 2.1 as reconstructed): head i computes ⟨W_i, Z⟩ v_i, which is
 * unit i of a linear network with u_i = vec(W_i) on the input vec(Z), in the same parameter layout.
 * From the same θ(0) and the same data the two runs of gradient descent are the same sequence of
 * exact iterates; the computed iterates differ only by round-off, which this claim bounds.
 *
 * <h2>Bound</h2>
 * At the same θ, each computed gradient entry differs from the exact one by at most γ_m b, with
 * b the absolute-value formula of the gradient, (1/P) Σ_μ (|y_μ| + F_μ) |v_i| |z_μ| for u_i and
 * (1/P) Σ_μ (|y_μ| + F_μ) |u_i|ᵀ|z_μ| for v_i, where z_μ = vec(Z_μ) and F_μ = Σ_j |v_j| |u_j|ᵀ|z_μ|
 * bounds the computed output (Higham, Section 3.1). m = H + D² + P + N + 6 counts the roundings of
 * every chain of either implementation added end to end (the features: N + 2; the output: D² + H;
 * the residual and the product with it: 2; the sum over samples and the scaling: P + 2), so it
 * bounds the longest. The second-moment form of the linear network, G = W Σ_zz − Σ_yz, is bounded
 * by the same b. One step θ ← θ − ηg then separates the two computed iterates by
 * <pre>
 *   δ_{k+1} ≤ (1 + η Λ_k) δ_k + 2 η γ_m ‖b_k‖ + 4u (‖θ_k‖ + η ‖g_k‖)
 * </pre>
 * with Λ_k = tr(Σ_zz)(‖U‖_F² + ‖V‖_F²) + ‖G‖_F, a bound on the Hessian's norm of a two-layer linear
 * network (the second derivative along (dU, dV) is ‖(dV U + V dU) Σ_zz^½‖² + 2⟨G, dV dU⟩), and u
 * the unit round-off: the first term carries the earlier difference, the second is the two
 * gradients' round-off, the third the rounding of the update on each side. The bound is first order
 * in δ; the check requires δ ≪ ‖θ‖, which holds by many orders of magnitude.
 */
public final class MergedAttentionEquivalenceClaims {

    /** Gradient descent steps per trial. */
    static final int STEPS = 200;

    private MergedAttentionEquivalenceClaims() {
    }

    /** The claims of this family. */
    public static List<Claim> claims() {
        return List.of(equivalence());
    }

    static Claim equivalence() {
        return Claim.in(MergedAttentionEquivalenceClaims.class,
                        "attention.merged-equals-linear-on-cubic-features")
                .trials(trials())
                .regimes(MergedAttentionEquivalenceClaims::regimes)
                .require("dimension-1", 0.1).require("dimension-above-1", 0.3)
                .require("large-init", 0.1)
                .check(t -> check(t, false))
                .evidence(t -> List.of(deviationFigure(t)))
                .shrinkBudget(200)
                .build();
    }

    /** D in 1…3, N in 1…8, P in D²…D² + 24, H in 1…6, ε in [10⁻³, 1), η in [0.005, 0.05]. */
    static Gen<Trial> trials() {
        Gen<Integer> dims = Gen.integers(1, 3);
        Gen<Integer> contexts = Gen.integers(1, 8);
        Gen<Integer> extra = Gen.integers(0, 24);
        Gen<Integer> widths = Gen.integers(1, 6);
        Gen<Double> scales = Gen.scales(-1, -3, 1);
        Gen<Double> rates = Gen.decimals(0.005, 0.05, 3);
        Gen<Long> seeds = Gen.seeds();
        return c -> {
            int d = dims.draw(c);
            int n = contexts.draw(c);
            int p = d * d + extra.draw(c);
            int h = widths.draw(c);
            double epsilon = scales.draw(c);
            double eta = rates.draw(c);
            long dataSeed = seeds.draw(c);
            long initSeed = seeds.draw(c);
            Scenario s = new Scenario(new NetworkSpec("attention-merged", h, 0, 0, false, 0, 0,
                    d, n), new DataSpec(DataSpec.IN_CONTEXT, dataSeed, p, null, null, null),
                    InitSpec.gaussian(epsilon, initSeed),
                    DynamicsSpec.gradientDescent(eta * STEPS, eta));
            return Trial.of(s);
        };
    }

    private static List<String> regimes(Trial t) {
        List<String> out = new ArrayList<>();
        out.add(t.scenario().network().dimension() == 1 ? "dimension-1" : "dimension-above-1");
        if (t.scenario().init().scale() >= 0.1) {
            out.add("large-init");
        }
        return out;
    }

    /** The two runs and the bound, step by step. */
    record Runs(double[] deviation, double[] bound, boolean finite) {
    }

    /**
     * Runs gradient descent on merged attention and on the linear network over the cubic
     * features, from the same θ(0). {@code broken}: the linear network's gradient is scaled by
     * 1 + 10⁻⁶, a deliberately wrong objective for the test that the claim can fail.
     */
    static Runs runs(Trial t, boolean broken) {
        Scenario s = t.scenario();
        NetworkSpec spec = s.network();
        int d = spec.dimension();
        int n = spec.context();
        LinearAttention attention = (LinearAttention) ScenarioResolver.network(spec);
        Dataset tokens = ScenarioResolver.data(s.data(), spec, attention);
        DMatrixRMaj z = Tokens.cubicFeatures(tokens.X(), d, n);
        Dataset features = new Dataset(z, tokens.Y());
        FullyConnected linear = new FullyConnected(Activation.LINEAR, d * d, 1, spec.width(),
                false);
        Objective a = attention.objective(tokens);
        Objective f = linear.objective(features);
        double[] thetaA = ScenarioResolver.initialTheta(s.init(), attention.parameterCount());
        double[] thetaF = thetaA.clone();
        double eta = s.dynamics().step();
        int size = thetaA.length;
        double[] gA = new double[size];
        double[] gF = new double[size];
        double[] deviation = new double[STEPS + 1];
        double[] bound = new double[STEPS + 1];
        int m = spec.width() + d * d + features.samples() + n + 6;
        double gamma = GradientRoundoff.gamma(m);
        double traceZZ = trace(features.sigmaXX());
        double delta = 0;
        for (int k = 0; k < STEPS; k++) {
            a.lossAndGradient(thetaA, gA);
            f.lossAndGradient(thetaF, gF);
            if (broken) {
                for (int j = 0; j < size; j++) {
                    gF[j] *= 1 + 1e-6;
                }
            }
            double lipschitz = traceZZ * squaredNorm(thetaF) + residualNorm(linear, features,
                    thetaF);
            double b = absoluteGradientNorm(linear, features, thetaF);
            delta = (1 + eta * lipschitz) * delta + 2 * eta * gamma * b
                    + 4 * GradientRoundoff.UNIT_ROUNDOFF * (Math.sqrt(squaredNorm(thetaF))
                            + eta * Math.sqrt(squaredNorm(gF)));
            for (int j = 0; j < size; j++) {
                thetaA[j] -= eta * gA[j];
                thetaF[j] -= eta * gF[j];
            }
            deviation[k + 1] = distance(thetaA, thetaF);
            bound[k + 1] = delta;
            if (!Double.isFinite(deviation[k + 1]) || !Double.isFinite(delta)) {
                return new Runs(deviation, bound, false);
            }
        }
        return new Runs(deviation, bound, true);
    }

    static Outcome check(Trial t, boolean broken) {
        Runs r = runs(t, broken);
        if (!r.finite()) {
            return Outcome.discard("gradient descent diverged at this learning rate");
        }
        double worst = 0;
        int at = 0;
        for (int k = 1; k <= STEPS; k++) {
            double ratio = r.deviation()[k] / r.bound()[k];
            if (ratio > worst) {
                worst = ratio;
                at = k;
            }
        }
        NetworkSpec n = t.scenario().network();
        return Outcome.atMost(worst, 1, String.format(Locale.ROOT, "Merged attention (D = %d,"
                + " N = %d, H = %d, P = %d) and the linear network on vec(Z) differ by at most %s of"
                + " the round-off bound over %d steps (worst at step %d: %s against %s).",
                n.dimension(), n.context(), n.width(), t.scenario().data().samples(),
                ManifoldGradientClaims.number(worst), STEPS, at,
                ManifoldGradientClaims.number(r.deviation()[at]),
                ManifoldGradientClaims.number(r.bound()[at])));
    }

    private static Figure deviationFigure(Trial t) {
        Runs r = runs(t, false);
        double[] steps = new double[STEPS];
        double[] dev = new double[STEPS];
        double[] bnd = new double[STEPS];
        for (int k = 1; k <= STEPS; k++) {
            steps[k - 1] = k;
            dev[k - 1] = Math.max(r.deviation()[k], Double.MIN_NORMAL);
            bnd[k - 1] = r.bound()[k];
        }
        return new Figure.Lines("Distance between the attention and linear-network iterates",
                "step $k$", "$\\|\\theta_\\mathrm{att} - \\theta_\\mathrm{lin}\\|$", false, true,
                List.of(new Figure.Series("measured", steps, dev),
                        new Figure.Series("round-off bound", steps, bnd)), List.of(), List.of());
    }

    private static double trace(DMatrixRMaj m) {
        double sum = 0;
        for (int i = 0; i < Math.min(m.numRows, m.numCols); i++) {
            sum += m.get(i, i);
        }
        return sum;
    }

    private static double squaredNorm(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x * x;
        }
        return sum;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double x = a[k] - b[k];
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    /** ‖G‖_F with G = (1/P) Σ_μ (f(z_μ) − y_μ) z_μᵀ. */
    private static double residualNorm(FullyConnected net, Dataset data, double[] theta) {
        DMatrixRMaj out = net.predict(theta, data.X());
        int dIn = data.X().numCols;
        double[] g = new double[dIn];
        int p = data.samples();
        for (int mu = 0; mu < p; mu++) {
            double r = out.get(mu, 0) - data.Y().get(mu, 0);
            for (int b = 0; b < dIn; b++) {
                g[b] += r * data.X().get(mu, b) / p;
            }
        }
        return Math.sqrt(squaredNorm(g));
    }

    /** ‖b‖ for the absolute-value formula b of the whole gradient (see the class). */
    private static double absoluteGradientNorm(FullyConnected net, Dataset data, double[] theta) {
        int p = data.samples();
        int dIn = data.X().numCols;
        int h = net.width();
        double[] b = new double[theta.length];
        for (int mu = 0; mu < p; mu++) {
            double f = 0;
            for (int i = 0; i < h; i++) {
                double dot = 0;
                for (int c = 0; c < dIn; c++) {
                    dot += Math.abs(theta[net.uOffset(i) + c] * data.X().get(mu, c));
                }
                f += Math.abs(theta[net.vOffset(i)]) * dot;
            }
            double r = Math.abs(data.Y().get(mu, 0)) + f;
            for (int i = 0; i < h; i++) {
                double v = Math.abs(theta[net.vOffset(i)]);
                double dot = 0;
                for (int c = 0; c < dIn; c++) {
                    double x = Math.abs(data.X().get(mu, c));
                    b[net.uOffset(i) + c] += r * v * x / p;
                    dot += Math.abs(theta[net.uOffset(i) + c]) * x;
                }
                b[net.vOffset(i)] += r * dot / p;
            }
        }
        return Math.sqrt(squaredNorm(b));
    }
}
