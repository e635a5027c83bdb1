package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.saddlecheck.network.CriticalPoints;
import org.saddlecheck.network.Embeddings;
import org.saddlecheck.network.Embeddings.Construction;
import org.saddlecheck.network.Magnitudes;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.PhiTraits;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.task.Dataset;

/**
 * Theorem 1 of the paper (fixed points embed into wider networks), over every network kind. A trial
 * builds an exact critical point θ* of the width-(H−1) network with a non-zero residual
 * ({@link CriticalPoints}), applies each construction (i)–(iv) that applies to the network's φ
 * ({@link Embeddings#applicable}) with generated γ, and measures the outputs and the gradient of
 * the width-H point. The specificity claim builds the constructions that do not apply
 * ({@link Embeddings#forced()}) and asks that they break the fixed point.
 *
 * <p>Trial parameters: {@code unit} (the unit i that is copied or scaled), {@code gamma} (the
 * duplication's γ), {@code gamma-u}, {@code gamma-v} (the scaling's γ_u, γ_v), {@code mix} (the
 * seed of the linear combination's γ_u, γ_v ~ N(0, ½²)) and {@code star} (the seed of θ* and of
 * the residual). The network in the scenario is the narrow one; its initialization scale is the
 * scale of θ*.
 */
public final class EmbeddingClaims {

    /** "Far above": an inapplicable construction's gradient must exceed the bound this much. */
    static final double SPECIFICITY_FACTOR = 100;
    /** |γ_u| within this factor of 1 is close to the symmetries φ(±u) of tanh and x·tanh. */
    static final double NEAR_SYMMETRY = 1.25;
    /** The kinds whose φ is not linear: each has an inapplicable construction. */
    private static final List<String> NOT_LINEAR = AnyNetwork.KINDS.stream()
            .filter(k -> !k.equals("linear") && !k.equals("linear-conv")
                    && !k.equals("attention-merged")).toList();
    /** Samples beyond dim θ*, so that the residual's null space has at least this dimension. */
    private static final int EXTRA_SAMPLES = 4;

    private EmbeddingClaims() {
    }

    /** The claims of this family, in catalogue order. */
    public static List<Claim> claims() {
        return List.of(embeddingsKeepFixedPoints(), inapplicableEmbeddingsBreakFixedPoints());
    }

    /** Theorem 1 (i)–(iv): every applicable construction keeps the map and ∇L = 0. */
    static Claim embeddingsKeepFixedPoints() {
        return Claim.in(EmbeddingClaims.class, "theorem1.embeddings-keep-fixed-points")
                .trials(trials(AnyNetwork.KINDS, 1, false))
                .regimes(t -> regimes(t, false))
                .coverage(pairCoverage(false))
                .check(t -> check(t, false))
                .evidence(t -> List.of(table(t, false)))
                .shrinkBudget(200)
                .build();
    }

    /** Specificity: constructions Theorem 1 does not give break the fixed point. */
    static Claim inapplicableEmbeddingsBreakFixedPoints() {
        return Claim.in(EmbeddingClaims.class, "theorem1.inapplicable-embeddings-break")
                .trials(trials(NOT_LINEAR, 2, true))
                .regimes(t -> regimes(t, true))
                .coverage(pairCoverage(true))
                .check(t -> check(t, true))
                .evidence(t -> List.of(table(t, true)))
                .shrinkBudget(200)
                .build();
    }

    // ---------------------------------------------------------------- trials

    /**
     * Trials on networks of {@code kinds} with narrow width {@code fewest} to 3; with
     * {@code awayFromOne}, |γ_u| is drawn from [0.1, 0.8) or [1.25, 10), away from the symmetries.
     */
    private static Gen<Trial> trials(List<String> kinds, int fewest, boolean awayFromOne) {
        Gen<NetworkSpec> networks = AnyNetwork.specs(kinds, fewest, 3, true);
        Gen<Long> seeds = Generators.seeds();
        Gen<Double> scales = Gen.decimals(0.3, 1.5, 1);
        Gen<Double> gammas = Gen.decimals(-2, 2, 2);
        Gen<Double> below = Gen.decimals(0.1, 0.79, 2);
        Gen<Double> above = Gen.decimals(1.25, 9.99, 2);
        Gen<Double> anywhere = Gen.scales(-1, 0, 2);
        Gen<Double> magnitudes = c -> awayFromOne ? (c.flag(0.5) ? above.draw(c) : below.draw(c))
                : anywhere.draw(c);
        return c -> {
            NetworkSpec drawn = networks.draw(c);
            // The specificity claim needs |u| ≥ 2 for a combination that is not a scaling.
            NetworkSpec narrow = awayFromOne && drawn.inputs() == 1 && !drawn.bias()
                    ? new NetworkSpec(drawn.kind(), drawn.width(), 2, drawn.outputs(), false, 0, 0,
                            0, 0)
                    : drawn;
            Network n = AnyNetwork.network(narrow);
            int samples = n.parameterCount() / n.outputSize() + EXTRA_SAMPLES;
            DataSpec data = AnyNetwork.data(narrow, seeds.draw(c), samples);
            InitSpec init = InitSpec.gaussian(scales.draw(c), seeds.draw(c));
            Trial t = Trial.of(new Scenario(narrow, data, init, null));
            double gammaU = magnitudes.draw(c) * (c.flag(0.5) ? -1 : 1);
            return t.with("unit", Gen.integers(0, narrow.width() - 1).draw(c))
                    .with("gamma", gammas.draw(c)).with("gamma-u", gammaU)
                    .with("gamma-v", gammas.draw(c)).with("mix", seeds.draw(c))
                    .with("star", seeds.draw(c));
        };
    }

    private static List<String> regimes(Trial t, boolean specificity) {
        NetworkSpec n = t.scenario().network();
        Network network = AnyNetwork.network(n);
        List<String> out = new ArrayList<>();
        out.add(n.kind());
        for (Case k : cases(network, t.parameter("gamma-u"), specificity)) {
            out.add(n.kind() + "/" + k.label());
        }
        return out;
    }

    /**
     * Every (network, construction) pair that the claim can see, each in at least 1/4 of its
     * expected share 1/10 of the tries (a kind is drawn with probability 1/10 and a trial checks
     * every construction of its kind; negative γ_u, half of the tries, decides the ReLU cases;
     * inapplicable combinations need two units and |u| ≥ 2, about half of the tries).
     */
    private static Coverage pairCoverage(boolean specificity) {
        java.util.Set<String> regimes = new java.util.LinkedHashSet<>();
        for (String kind : specificity ? NOT_LINEAR : AnyNetwork.KINDS) {
            Network network = AnyNetwork.network(AnyNetwork.specs(List.of(kind), 1, 1, false)
                    .draw(Choices.replay(new long[0])));
            for (double gammaU : new double[] {0.5, -0.5}) {
                for (Case k : cases(network, gammaU, specificity, true)) {
                    regimes.add(kind + "/" + k.label());
                }
            }
        }
        Coverage c = Coverage.none();
        for (String regime : regimes) {
            c = c.require(regime, 0.25 * 0.1 / 4);  // see the spec for the shares
        }
        return c;
    }

    // ---------------------------------------------------------------- the cases

    /** One construction to check, and whether Theorem 1 gives it. */
    record Case(Construction construction, boolean negativeScaling) {
        String label() {
            return construction.name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + (negativeScaling ? "-negative" : "");
        }
    }

    /**
     * The applicable constructions of {@code network} (specificity false) or the inapplicable
     * ones (true). A scaling with γ_u &lt; 0 of a φ homogeneous only for positive factors counts
     * as inapplicable; the zero unit never is, since every φ of the project has a zero element.
     */
    static List<Case> cases(Network network, double gammaU, boolean specificity) {
        return cases(network, gammaU, specificity, false);
    }

    /**
     * As {@link #cases(Network, double, boolean)}; an inapplicable linear combination is left out
     * when the narrow network has fewer than two units or |u| &lt; 2 (then every combination is
     * a scaling of one unit, which ReLU keeps for positive factors), unless {@code anySize}.
     */
    private static List<Case> cases(Network network, double gammaU, boolean specificity,
            boolean anySize) {
        PhiTraits traits = network.traits();
        EnumSet<Construction> applicable = Embeddings.applicable(traits);
        List<Case> out = new ArrayList<>();
        for (Construction c : Construction.values()) {
            boolean negative = c == Construction.HOMOGENEOUS_SCALING && gammaU < 0
                    && traits.homogeneityDegree() >= 1 && !traits.negativeScalings();
            boolean applies = applicable.contains(c) && !negative;
            boolean degenerate = !anySize && c == Construction.LINEAR_COMBINATION
                    && (network.width() < 2 || network.uSize() < 2);
            if (applies != specificity && !(specificity && degenerate)) {
                out.add(new Case(c, negative));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- checks

    private static Outcome check(Trial t, boolean specificity) {
        NetworkSpec spec = t.scenario().network();
        Network narrow = AnyNetwork.network(spec);
        DMatrixRMaj X = AnyNetwork.dataset(t.scenario().data(), spec).X();
        return check(narrow, X, t, specificity);
    }

    /**
     * Checks every case of {@code narrow} on a critical point built on the inputs X with the
     * trial's seeds and γ. For applicable cases the outputs must agree within
     * 2γ_{m+4}(|f̄_wide| + |f̄*|) entry by entry and ‖∇L_wide‖ must be at most
     * B = c(‖∇L(θ*)‖ + δ*) + δ_wide + γ_8‖ḡ_wide‖ (c from the construction, δ the round-off bounds
     * of {@link Magnitudes}); the measured number is the largest share of its allowance used.
     * For inapplicable cases the gradient must exceed 100 B; the measured number is the smallest
     * ratio ‖∇L_wide‖ / B.
     */
    static Outcome check(Network narrow, DMatrixRMaj X, Trial t, boolean specificity) {
        double[] thetaStar = ScenarioResolver.initialTheta(
                t.scenario().init(), narrow.parameterCount());
        SplittableRandom random = new SplittableRandom((long) t.parameter("star"));
        Dataset data = CriticalPoints.withResidual(narrow, X, thetaStar, random);
        Point star = Point.of(narrow, data, thetaStar);
        Network wide = narrow.withWidth(narrow.width() + 1);
        Embeddings forced = Embeddings.of(narrow, wide).forced();
        List<Case> cases = cases(narrow, t.parameter("gamma-u"), specificity);
        if (cases.isEmpty()) {
            return Outcome.discard("no construction of Theorem 1 is "
                    + (specificity ? "inapplicable to " : "applicable to ") + narrow.kind());
        }
        String outside = specificity ? genericity(t) : null;
        if (outside != null) {
            return Outcome.discard(outside);
        }
        double worst = specificity ? Double.POSITIVE_INFINITY : 0;
        String which = "";
        DMatrixRMaj range = specificity ? range(narrow, X, thetaStar) : null;
        int judged = 0;
        for (Case k : cases) {
            Built b = build(forced, narrow, thetaStar, k.construction(), t);
            Point p = Point.of(wide, data, b.theta());
            if (specificity && outputUse(star, p, narrow) <= 1
                    && coincident(wide, X, b.theta(), range)) {
                continue;
            }
            judged++;
            double bound = b.factor() * (star.gradientNorm + star.error) + p.error
                    + Magnitudes.gamma(8) * p.scale;
            if (specificity) {
                double ratio = p.gradientNorm / bound;
                if (ratio < worst) {
                    worst = ratio;
                    which = k.label();
                }
            } else {
                double use = Math.max(p.gradientNorm / bound, outputUse(star, p, narrow));
                if (use >= worst) {
                    worst = use;
                    which = k.label();
                }
            }
        }
        if (judged == 0) {
            return Outcome.discard("every inapplicable construction's new unit has Jacobian"
                    + " columns in the span of θ*'s: critical by a coincidence of the samples");
        }
        String where = String.format(Locale.ROOT, "On a %s network of width %d → %d (L(θ*) = %s), ",
                narrow.kind(), narrow.width(), wide.width(), ManifoldGradientClaims.number(star.loss));
        if (specificity) {
            return Outcome.atLeast(worst, SPECIFICITY_FACTOR, where + String.format(Locale.ROOT,
                    "the inapplicable construction that came closest (%s) has a gradient %s times"
                            + " the round-off bound of a fixed point (at least %s required).",
                    which, ManifoldGradientClaims.number(worst), SPECIFICITY_FACTOR));
        }
        return Outcome.atMost(worst, 1.0, where + String.format(Locale.ROOT,
                "the worst applicable construction (%s) used %s of its round-off allowance for the"
                        + " outputs and the gradient.", which, ManifoldGradientClaims.number(worst)));
    }

    /** Share of a column's norm below which it counts as inside the span. */
    static final double IN_SPAN = 1e-6;

    /** An orthonormal basis of the range of J(θ*), the columns of the returned matrix. */
    private static DMatrixRMaj range(Network narrow, DMatrixRMaj X, double[] thetaStar) {
        DMatrixRMaj J = CriticalPoints.jacobian(narrow, X, thetaStar);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(J.numRows, J.numCols,
                        true, false, false);
        svd.decompose(J);
        DMatrixRMaj U = svd.getU(null, false);
        double[] sigma = svd.getSingularValues();
        double largest = 0;
        for (double x : sigma) {
            largest = Math.max(largest, x);
        }
        int rank = 0;
        for (double x : sigma) {
            rank += x > 1e-10 * largest ? 1 : 0;
        }
        DMatrixRMaj Q = new DMatrixRMaj(U.numRows, rank);
        for (int c = 0, k = 0; c < sigma.length; c++) {
            if (sigma[c] > 1e-10 * largest) {
                for (int r = 0; r < U.numRows; r++) {
                    Q.set(r, k, U.get(r, c));
                }
                k++;
            }
        }
        return Q;
    }

    /**
     * Whether every Jacobian column of the new unit H at θ_wide lies (to {@link #IN_SPAN} of its
     * norm) in the range of J(θ*). When in addition the outputs are unchanged, the residual is
     * still orthogonal to that range and so to the new unit's columns, and the new unit's gradient
     * vanishes by a coincidence of the samples (for ReLU with few samples: its activation pattern
     * equals an existing unit's), not by Theorem 1. Such a construction says nothing about
     * specificity and is skipped.
     */
    private static boolean coincident(Network wide, DMatrixRMaj X, double[] theta,
            DMatrixRMaj range) {
        DMatrixRMaj J = CriticalPoints.jacobian(wide, X, theta);
        int from = wide.uOffset(wide.width() - 1);
        for (int c = from; c < from + wide.unitSize(); c++) {
            double norm = 0;
            double outside = 0;
            double[] col = new double[J.numRows];
            for (int r = 0; r < J.numRows; r++) {
                col[r] = J.get(r, c);
                norm += col[r] * col[r];
            }
            for (int q = 0; q < range.numCols; q++) {
                double dot = 0;
                for (int r = 0; r < J.numRows; r++) {
                    dot += range.get(r, q) * col[r];
                }
                for (int r = 0; r < J.numRows; r++) {
                    col[r] -= dot * range.get(r, q);
                }
            }
            for (double x : col) {
                outside += x * x;
            }
            if (Math.sqrt(outside) > IN_SPAN * Math.sqrt(norm)) {
                return false;
            }
        }
        return true;
    }

    /** Why θ* is too close to a symmetry for the specificity claim, or null. */
    private static String genericity(Trial t) {
        double g = Math.abs(t.parameter("gamma-u"));
        if (g > 1 / NEAR_SYMMETRY && g < NEAR_SYMMETRY) {
            return "|γ_u| (" + g + ") is within a factor " + NEAR_SYMMETRY + " of 1, where scaling"
                    + " nearly repeats a unit or tanh's symmetry φ(−u) = −φ(u)";
        }
        return null;
    }

    /** The share of the output allowance used: max_μk |f_wide − f*| / (2γ_{m+4}(f̄_w + f̄*)). */
    private static double outputUse(Point star, Point p, Network narrow) {
        double g = 2 * Magnitudes.gamma(Magnitudes.depth(narrow.withWidth(narrow.width() + 1)) + 4);
        double worst = 0;
        for (int k = 0; k < star.outputs.data.length; k++) {
            double allowed = g * (star.magnitude.data[k] + p.magnitude.data[k]);
            double d = Math.abs(star.outputs.data[k] - p.outputs.data[k]);
            worst = Math.max(worst, allowed > 0 ? d / allowed : d == 0 ? 0 : Double.POSITIVE_INFINITY);
        }
        return worst;
    }

    /** A width-H point and the factor c with ‖exact ∇L_wide‖ ≤ c ‖exact ∇L(θ*)‖. */
    private record Built(double[] theta, double factor) {
    }

    /**
     * The construction's point. Factors c (from the chain rule at θ*, triangle inequality):
     * duplication 1 + |γ| + |1 − γ|; zero unit 1; scaling of degree p
     * 1 + |γ_u|^{p−1}|γ_v| + |γ_u|^p + |1 − γ_u^p γ_v|; combination (1 + Σ|γ_u|)(1 + Σ|γ_v|).
     */
    private static Built build(Embeddings forced, Network narrow, double[] thetaStar,
            Construction c, Trial t) {
        int unit = t.integer("unit");
        double gamma = t.parameter("gamma");
        double gu = t.parameter("gamma-u");
        double gv = t.parameter("gamma-v");
        int p = Math.max(1, narrow.traits().homogeneityDegree());
        switch (c) {
            case DUPLICATION:
                return new Built(forced.duplicate(thetaStar, unit, gamma),
                        1 + Math.abs(gamma) + Math.abs(1 - gamma));
            case ZERO_UNIT:
                return new Built(forced.zeroUnit(thetaStar), 1);
            case HOMOGENEOUS_SCALING:
                double a = Math.abs(gu);
                return new Built(forced.scale(thetaStar, unit, gu, gv), 1 + Math.pow(a, p - 1)
                        * Math.abs(gv) + Math.pow(a, p) + Math.abs(1 - Math.pow(gu, p) * gv));
            default:
                SplittableRandom r = new SplittableRandom((long) t.parameter("mix"));
                double[] mu = new double[narrow.width()];
                double[] mv = new double[narrow.width()];
                double su = 0;
                double sv = 0;
                for (int j = 0; j < mu.length; j++) {
                    mu[j] = 0.5 * CriticalPoints.gaussian(r);
                    mv[j] = 0.5 * CriticalPoints.gaussian(r);
                    su += Math.abs(mu[j]);
                    sv += Math.abs(mv[j]);
                }
                return new Built(forced.combine(thetaStar, mu, mv), (1 + su) * (1 + sv));
        }
    }

    /** What a check needs of one network at one θ. */
    private record Point(double loss, DMatrixRMaj outputs, DMatrixRMaj magnitude,
            double gradientNorm, double error, double scale) {
        static Point of(Network network, Dataset data, double[] theta) {
            double[] gradient = new double[theta.length];
            double loss = network.objective(data).lossAndGradient(theta, gradient);
            double norm = 0;
            for (double g : gradient) {
                norm += g * g;
            }
            Magnitudes m = Magnitudes.of(network, data, theta);
            DMatrixRMaj absX = data.X().copy();
            for (int k = 0; k < absX.data.length; k++) {
                absX.data[k] = Math.abs(absX.data[k]);
            }
            double[] absTheta = new double[theta.length];
            for (int k = 0; k < theta.length; k++) {
                absTheta[k] = Math.abs(theta[k]);
            }
            DMatrixRMaj magnitude = network.predict(absTheta, absX);
            for (int k = 0; k < magnitude.data.length; k++) {
                magnitude.data[k] = Math.abs(magnitude.data[k]);
            }
            return new Point(loss, network.predict(theta, data.X()), magnitude, Math.sqrt(norm),
                    m.norm(), m.scale());
        }
    }

    // ---------------------------------------------------------------- evidence

    /** Loss and gradient norm of θ* and of every construction's point. */
    private static Figure table(Trial t, boolean specificity) {
        NetworkSpec spec = t.scenario().network();
        Network narrow = AnyNetwork.network(spec);
        Dataset x = AnyNetwork.dataset(t.scenario().data(), spec);
        double[] thetaStar = ScenarioResolver.initialTheta(
                t.scenario().init(), narrow.parameterCount());
        Dataset data = CriticalPoints.withResidual(narrow, x.X(), thetaStar,
                new SplittableRandom((long) t.parameter("star")));
        Network wide = narrow.withWidth(narrow.width() + 1);
        Embeddings forced = Embeddings.of(narrow, wide).forced();
        List<List<Object>> rows = new ArrayList<>();
        Point star = Point.of(narrow, data, thetaStar);
        rows.add(List.of("θ*", star.loss, star.gradientNorm, star.error));
        for (Case k : cases(narrow, t.parameter("gamma-u"), specificity)) {
            Point p = Point.of(wide, data, build(forced, narrow, thetaStar, k.construction(), t)
                    .theta());
            rows.add(List.of(k.label(), p.loss, p.gradientNorm, p.error));
        }
        return new Figure.Table("Loss and gradient at θ* and at its embeddings", List.of("point",
                "$L$", "$\\|\\nabla L\\|$", "round-off bound of $\\|\\nabla L\\|$"), rows);
    }
}
