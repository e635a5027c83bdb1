package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.saddlecheck.Require;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;

/**
 * Theorem 3 of the paper (invariant manifolds), checked where it starts: on the vector field. A
 * manifold is invariant under gradient flow (and under gradient descent, for any step) when the
 * gradient at each of its points keeps the defining relation: a zero unit gets a zero gradient,
 * two equal units get equal gradients, two proportional units get proportional gradients. Each
 * claim builds a point on a manifold, evaluates ∇L once, and measures how far the gradient is from
 * keeping the relation. No training is involved.
 *
 * <p>The specificity claim checks the converse where theory says it must fail: tanh is not
 * homogeneous, so the same proportional construction does not keep its ray.
 *
 * <p>Trials: a fully connected network (D_in ≤ 6, D_out ≤ 4, H ≤ 8, with or without bias), whitened
 * regression data with P = D_in to D_in + 24 samples and a generated spectrum, and θ drawn as
 * ε·N(0, 1), then moved onto the manifold. The words of each claim are in its spec,
 * {@code theory-specs/<id>.md}.
 */
public final class ManifoldGradientClaims {

    /** Activations whose φ has a zero element: all of them. */
    private static final Activation[] WITH_ZERO_ELEMENT = Activation.values();
    /** Activations whose φ is homogeneous of degree 1 in u. */
    private static final Activation[] DEGREE_ONE = {Activation.LINEAR, Activation.RELU};

    private static final int MAX_INPUTS = 6;
    private static final int MAX_OUTPUTS = 4;
    private static final int MAX_WIDTH = 8;
    private static final int MAX_EXTRA_SAMPLES = 24;

    /** The tanh deviation must exceed the round-off bound by this factor ("far above"). */
    static final double SPECIFICITY_FACTOR = 100;
    /** |γ| in (1/1.25, 1.25) is too close to the symmetries γ = ±1 of tanh to be generic. */
    static final double NEAR_SYMMETRY = 1.25;
    /** Below this, every pre-activation of unit j lies where tanh is linear to 10⁻⁴. */
    static final double LINEAR_PART = 1e-2;

    private ManifoldGradientClaims() {
    }

    /** The claims of this family, in catalogue order. */
    public static List<Claim> claims() {
        return List.of(zeroUnit(), equalUnits(), proportionalUnits(), proportionalTanhUnits());
    }

    /** Theorem 3 (ii): a zero unit gets exactly zero gradient. */
    static Claim zeroUnit() {
        return Claim.in(ManifoldGradientClaims.class, "theorem3.zero-unit-gradient")
                .trials(trials(WITH_ZERO_ELEMENT, 1, 0, -8, ManifoldGradientClaims::oneUnit))
                .regimes(ManifoldGradientClaims::networkRegimes)
                .coverage(kindCoverage(WITH_ZERO_ELEMENT).require("among-others", 0.15))
                .check(ManifoldGradientClaims::checkZeroUnit)
                .evidence(t -> List.of(unitGradientTable(t, zeroed(t))))
                .build();
    }

    /** Theorem 3 (i): two equal units get bitwise equal gradients. */
    static Claim equalUnits() {
        return Claim.in(ManifoldGradientClaims.class, "theorem3.equal-units-gradient")
                .trials(trials(WITH_ZERO_ELEMENT, 2, 0, -8, ManifoldGradientClaims::unitPair))
                .regimes(ManifoldGradientClaims::networkRegimes)
                .coverage(kindCoverage(WITH_ZERO_ELEMENT).require("copy-before", 0.12))
                .check(ManifoldGradientClaims::checkEqualUnits)
                .evidence(t -> List.of(pairScatter(t, copied(t), 1.0)))
                .build();
    }

    /** Theorem 3 (iii): θ_i = γθ_j gives ∇θ_i = γ∇θ_j for degree-1 homogeneous φ. */
    static Claim proportionalUnits() {
        return Claim.in(ManifoldGradientClaims.class, "theorem3.proportional-units-gradient")
                .trials(trials(DEGREE_ONE, 2, 0, -8, ManifoldGradientClaims::proportionalPair))
                .regimes(ManifoldGradientClaims::networkRegimes)
                .coverage(kindCoverage(DEGREE_ONE).require("negative-gamma", 0.06)
                        .require("gamma-below-1", 0.12).require("gamma-above-1", 0.12))
                .check(t -> checkProportional(t, false))
                .evidence(t -> List.of(pairScatter(t, scaled(t), t.parameter("gamma"))))
                .build();
    }

    /** Specificity: for tanh the same construction does not keep the ray. */
    static Claim proportionalTanhUnits() {
        return Claim.in(ManifoldGradientClaims.class, "theorem3.proportional-units-break-for-tanh")
                .trials(trials(new Activation[] {Activation.TANH}, 2, 0, -1,
                        ManifoldGradientClaims::proportionalPair))
                .regimes(ManifoldGradientClaims::networkRegimes)
                .coverage(Coverage.none().require("negative-gamma", 0.12)
                        .require("gamma-below-1", 0.12).require("gamma-above-1", 0.12)
                        .require("bias", 0.12))
                .check(t -> checkProportional(t, true))
                .evidence(t -> List.of(pairScatter(t, scaled(t), t.parameter("gamma"))))
                .build();
    }

    // ---------------------------------------------------------------- generators

    /** Draws the claim-specific parameters of a trial on a network with H units. */
    @FunctionalInterface
    private interface Parameters {
        Trial add(Trial base, NetworkSpec network, Choices c);
    }

    /**
     * Trials: a network of one of {@code kinds} with at least {@code fewestUnits} units, whitened
     * regression data, θ = ε·N(0, 1) with ε log-uniform over the decades 10^{@code largest} to
     * 10^{@code smallest}, then the claim's parameters.
     */
    private static Gen<Trial> trials(Activation[] kinds, int fewestUnits, int largest,
            int smallest, Parameters parameters) {
        Gen<NetworkSpec> networks = Generators.fullyConnected(kinds, MAX_INPUTS, MAX_OUTPUTS,
                fewestUnits, MAX_WIDTH, true);
        Gen<Double> scales = Generators.initScales(largest, smallest);
        Gen<Long> seeds = Generators.seeds();
        return c -> {
            NetworkSpec network = networks.draw(c);
            DataSpec data = Generators.whitenedRegression(network, MAX_EXTRA_SAMPLES).draw(c);
            InitSpec init = InitSpec.gaussian(scales.draw(c), seeds.draw(c));
            Trial base = Trial.of(new Scenario(network, data, init, null));
            return parameters.add(base, network, c);
        };
    }

    private static Trial oneUnit(Trial base, NetworkSpec network, Choices c) {
        return base.with("unit", Gen.integers(0, network.width() - 1).draw(c));
    }

    /** Unit i and another unit j = (i + offset) mod H. */
    private static Trial unitPair(Trial base, NetworkSpec network, Choices c) {
        int h = network.width();
        int i = Gen.integers(0, h - 1).draw(c);
        int j = (i + Gen.integers(1, h - 1).draw(c)) % h;
        return base.with("unit", i).with("other", j);
    }

    /** A pair as above and γ = ±m·10^e, |γ| in [0.1, 10); negative only when φ allows it. */
    private static Trial proportionalPair(Trial base, NetworkSpec network, Choices c) {
        Trial pair = unitPair(base, network, c);
        boolean signed = TrialSetup.activation(network.kind()).traits().negativeScalings()
                || network.kind().equals(Activation.TANH.id());
        double magnitude = Gen.scales(0, -1, 2).draw(c);
        boolean negative = signed && c.flag(0.5);
        return pair.with("gamma", negative ? -magnitude : magnitude);
    }

    // ---------------------------------------------------------------- regimes and coverage

    private static List<String> networkRegimes(Trial t) {
        NetworkSpec n = t.scenario().network();
        List<String> out = new ArrayList<>();
        out.add(n.kind());
        if (n.bias()) {
            out.add("bias");
        }
        if (n.width() > 1) {
            out.add("among-others");
        }
        if (t.parameters().containsKey("other") && t.integer("other") < t.integer("unit")) {
            out.add("copy-before");
        }
        if (t.parameters().containsKey("gamma")) {
            double g = t.parameter("gamma");
            out.add(g < 0 ? "negative-gamma" : "positive-gamma");
            out.add(Math.abs(g) < 1 ? "gamma-below-1" : "gamma-above-1");
        }
        return out;
    }

    /**
     * Each kind in at least 1/4 of its expected share 1/K of the tries, and a bias in at least
     * 1/4 of its expected share 1/2.
     */
    private static Coverage kindCoverage(Activation[] kinds) {
        Coverage c = Coverage.none();
        for (Activation a : kinds) {
            c = c.require(a.id(), 0.25 / kinds.length);
        }
        return c.require("bias", 0.12);
    }

    // ---------------------------------------------------------------- points on the manifolds

    /** θ with unit i set to zero. */
    private static double[] zeroed(Trial t) {
        TrialSetup s = TrialSetup.of(t);
        double[] theta = s.theta();
        int i = unit(t, "unit", s);
        java.util.Arrays.fill(theta, s.network().uOffset(i),
                s.network().uOffset(i) + s.network().unitSize(), 0.0);
        return theta;
    }

    /** θ with unit j replaced by a copy of unit i. */
    private static double[] copied(Trial t) {
        TrialSetup s = TrialSetup.of(t);
        double[] theta = s.theta();
        int size = s.network().unitSize();
        System.arraycopy(theta, s.network().uOffset(unit(t, "unit", s)), theta,
                s.network().uOffset(unit(t, "other", s)), size);
        return theta;
    }

    /** θ with unit i replaced by γ times unit j (each entry rounded once). */
    private static double[] scaled(Trial t) {
        TrialSetup s = TrialSetup.of(t);
        double[] theta = s.theta();
        double gamma = t.parameter("gamma");
        int i = s.network().uOffset(unit(t, "unit", s));
        int j = s.network().uOffset(unit(t, "other", s));
        for (int k = 0; k < s.network().unitSize(); k++) {
            theta[i + k] = gamma * theta[j + k];
        }
        return theta;
    }

    private static int unit(Trial t, String name, TrialSetup s) {
        int i = t.integer(name);
        Require.that(i >= 0 && i < s.network().width(), "parameter " + name + " (" + i
                + ") must name one of the " + s.network().width() + " units");
        return i;
    }

    // ---------------------------------------------------------------- checks

    private static Outcome checkZeroUnit(Trial t) {
        TrialSetup s = TrialSetup.of(t);
        if (!s.network().traits().zeroElement()) {
            return Outcome.discard("φ of a " + s.network().kind() + " network has no zero element");
        }
        double[] gradient = gradient(s, zeroed(t));
        if (gradient == null) {
            return Outcome.discard("the loss is not finite at this point");
        }
        int i = t.integer("unit");
        double largest = largestEntry(gradient, s.network().uOffset(i), s.network().unitSize());
        return Outcome.within(largest, 0.0, 0.0, String.format(Locale.ROOT,
                "In a %s, zero unit %d received a gradient whose largest entry is %s%s.",
                describe(t), i, number(largest), largest == 0 ? "" : ", not exactly 0"));
    }

    private static Outcome checkEqualUnits(Trial t) {
        TrialSetup s = TrialSetup.of(t);
        double[] gradient = gradient(s, copied(t));
        if (gradient == null) {
            return Outcome.discard("the loss is not finite at this point");
        }
        int i = t.integer("unit");
        int j = t.integer("other");
        double largest = 0;
        for (int k = 0; k < s.network().unitSize(); k++) {
            largest = Math.max(largest, Math.abs(gradient[s.network().uOffset(i) + k]
                    - gradient[s.network().uOffset(j) + k]));
        }
        return Outcome.within(largest, 0.0, 0.0, String.format(Locale.ROOT,
                "In a %s, equal units %d and %d received gradients that differ by at most %s%s.",
                describe(t), i, j, number(largest), largest == 0 ? " (bitwise equal)"
                        : ", not bitwise equal"));
    }

    /**
     * The normalised deviation max_k |∇θ_i − γ∇θ_j|_k / max_k (b_i + |γ| b_j)_k against the
     * round-off bound γ_K, K = 2(m + 3) (see {@link GradientRoundoff}): for a degree-1
     * homogeneous φ at most γ_K; for tanh (the specificity claim) at least 100 γ_K.
     */
    private static Outcome checkProportional(Trial t, boolean specificity) {
        TrialSetup s = TrialSetup.of(t);
        double[] theta = scaled(t);
        double gamma = t.parameter("gamma");
        int i = unit(t, "unit", s);
        int j = unit(t, "other", s);
        String outside = outsideAssumptions(s, gamma, specificity);
        if (outside != null) {
            return Outcome.discard(outside);
        }
        String kink = nearKink(s, theta, j);
        if (kink != null) {
            return Outcome.discard(kink);
        }
        if (specificity && Math.abs(gamma) > 1 / NEAR_SYMMETRY
                && Math.abs(gamma) < NEAR_SYMMETRY) {
            return Outcome.discard("|γ| (" + Math.abs(gamma) + ") is within a factor "
                    + NEAR_SYMMETRY + " of 1, where tanh's symmetry γ = ±1 nearly keeps the ray");
        }
        if (specificity && largestPreactivation(s, theta, j) < LINEAR_PART) {
            return Outcome.discard("every pre-activation of unit " + j + " is below "
                    + LINEAR_PART + ", where tanh is linear to 10⁻⁴");
        }
        double[] gradient = gradient(s, theta);
        if (gradient == null) {
            return Outcome.discard("the loss is not finite at this point");
        }
        double deviation = proportionalDeviation(s, theta, gradient, i, j, gamma);
        int m = GradientRoundoff.depth(s.network(), s.data().samples());
        double tolerance = GradientRoundoff.gamma(2 * (m + 3));
        String where = String.format(Locale.ROOT, "In a %s with unit %d = %s × unit %d, ",
                describe(t), i, number(gamma), j);
        if (specificity) {
            double bound = SPECIFICITY_FACTOR * tolerance;
            return Outcome.atLeast(deviation, bound, where + String.format(Locale.ROOT,
                    "the gradients are off the ray by %s of their size, %s the %s required to show"
                            + " that tanh does not keep it.", number(deviation),
                    deviation >= bound ? "above" : "below", number(bound)));
        }
        return Outcome.within(deviation, 0.0, tolerance, where + String.format(Locale.ROOT,
                "the gradients are off the ray by %s of their size (round-off bound %s).",
                number(deviation), number(tolerance)));
    }

    private static double proportionalDeviation(TrialSetup s, double[] theta, double[] gradient,
            int i, int j, double gamma) {
        double[] bi = GradientRoundoff.entryBounds(s.network(), s.data(), theta, i);
        double[] bj = GradientRoundoff.entryBounds(s.network(), s.data(), theta, j);
        double deviation = 0;
        double scale = 0;
        for (int k = 0; k < bi.length; k++) {
            deviation = Math.max(deviation, Math.abs(gradient[s.network().uOffset(i) + k]
                    - gamma * gradient[s.network().uOffset(j) + k]));
            scale = Math.max(scale, bi[k] + Math.abs(gamma) * bj[k]);
        }
        return scale == 0 ? deviation : deviation / scale;
    }

    /** Why the network or γ lies outside the claim's assumptions, or null. */
    private static String outsideAssumptions(TrialSetup s, double gamma, boolean specificity) {
        Activation a = s.network().activation();
        if (specificity) {
            return a == Activation.TANH ? null : "the specificity claim is about tanh, not " + a.id();
        }
        if (!a.traits().homogeneousOfDegreeOne()) {
            return "φ of a " + a.id() + " network is not homogeneous of degree 1";
        }
        if (gamma <= 0 && !a.traits().negativeScalings()) {
            return "γ (" + gamma + ") must be positive for a " + a.id() + " network";
        }
        return null;
    }

    /**
     * For ReLU: a sample whose pre-activation at unit j is within its round-off bound of the kink
     * z = 0, where σ' of the two units may differ and the theorem (which needs φ differentiable
     * there) says nothing. Null when there is none.
     */
    private static String nearKink(TrialSetup s, double[] theta, int j) {
        if (s.network().activation() != Activation.RELU) {
            return null;
        }
        int u = s.network().uOffset(j);
        int dIn = s.network().inputSize();
        double margin = GradientRoundoff.gamma(2 * (s.network().uSize() + 2));
        for (int mu = 0; mu < s.data().samples(); mu++) {
            double z = 0;
            double zAbs = 0;
            for (int d = 0; d < s.network().uSize(); d++) {
                double x = d < dIn ? s.data().X().get(mu, d) : 1;
                z += theta[u + d] * x;
                zAbs += Math.abs(theta[u + d] * x);
            }
            if (zAbs > 0 && Math.abs(z) <= margin * zAbs) {
                return "sample " + mu + " lies within round-off of the ReLU kink of unit " + j;
            }
        }
        return null;
    }

    /** max_μ |u_jᵀx̃_μ|. */
    private static double largestPreactivation(TrialSetup s, double[] theta, int j) {
        int u = s.network().uOffset(j);
        int dIn = s.network().inputSize();
        double largest = 0;
        for (int mu = 0; mu < s.data().samples(); mu++) {
            double z = 0;
            for (int d = 0; d < s.network().uSize(); d++) {
                z += theta[u + d] * (d < dIn ? s.data().X().get(mu, d) : 1);
            }
            largest = Math.max(largest, Math.abs(z));
        }
        return largest;
    }

    /** ∇L(θ), or null when the loss is not finite. */
    private static double[] gradient(TrialSetup s, double[] theta) {
        Objective objective = s.network().objective(s.data());
        double[] gradient = new double[objective.dimension()];
        double loss = objective.lossAndGradient(theta, gradient);
        return Double.isFinite(loss) ? gradient : null;
    }

    private static double largestEntry(double[] xs, int from, int length) {
        double largest = 0;
        for (int k = from; k < from + length; k++) {
            largest = Math.max(largest, Math.abs(xs[k]));
        }
        return largest;
    }

    // ---------------------------------------------------------------- evidence

    /** The size of every unit's gradient, the zero unit among them. */
    private static Figure unitGradientTable(Trial t, double[] theta) {
        TrialSetup s = TrialSetup.of(t);
        double[] gradient = gradient(s, theta);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < s.network().width(); i++) {
            int u = s.network().uOffset(i);
            int v = s.network().vOffset(i);
            rows.add(List.of(i, norm(theta, u, s.network().unitSize()),
                    norm(gradient, u, s.network().uSize()), norm(gradient, v,
                            s.network().vSize())));
        }
        return new Figure.Table("Gradient of each unit, unit " + t.integer("unit") + " set to zero",
                List.of("unit $i$", "$\\|\\theta_i\\|$", "$\\|\\nabla_{u_i} L\\|$",
                        "$\\|\\nabla_{v_i} L\\|$"), rows);
    }

    /** ∇θ_i against γ∇θ_j, entry by entry: on the identity line when the relation is kept. */
    private static Figure pairScatter(Trial t, double[] theta, double gamma) {
        TrialSetup s = TrialSetup.of(t);
        double[] gradient = gradient(s, theta);
        int i = s.network().uOffset(t.integer("unit"));
        int j = s.network().uOffset(t.integer("other"));
        int n = s.network().unitSize();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = gamma * gradient[j + k];
            y[k] = gradient[i + k];
        }
        return new Figure.Scatter("Gradient of unit $i$ against $\\gamma$ times that of unit $j$",
                "$\\gamma\\,\\partial L/\\partial\\theta_j$", "$\\partial L/\\partial\\theta_i$",
                false, false, true, List.of(new Figure.Series("entries of the unit", x, y)));
    }

    private static double norm(double[] xs, int from, int length) {
        double sum = 0;
        for (int k = from; k < from + length; k++) {
            sum += xs[k] * xs[k];
        }
        return Math.sqrt(sum);
    }

    private static String describe(Trial t) {
        NetworkSpec n = t.scenario().network();
        return String.format(Locale.ROOT, "%s network (D_in = %d, D_out = %d, H = %d%s, P = %d)",
                n.kind(), n.inputs(), n.outputs(), n.width(), n.bias() ? ", bias" : "",
                t.scenario().data().samples());
    }

    /** A number for a sentence: four significant digits, plain or in e-notation. */
    static String number(double x) {
        if (x != 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4)) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        String plain = String.format(Locale.ROOT, "%.4g", x);
        return plain.contains(".") ? plain.replaceFirst("0+$", "").replaceFirst("\\.$", "")
                : plain;
    }
}
