package org.saddlecheck.claim;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.analysis.Measures;
import org.saddlecheck.dynamics.GradientFlow;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.ResolvedScenario;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;

/**
 * The toy model of the paper's Proposition 5 (Section 6.2) on balanced single-direction starts, for
 * the quadratic network and for linear self-attention with a rank-one key and query per head.
 *
 * <p>Both have φ(x; u) = uᵀ A_x u, homogeneous of degree 2 in u. Put unit i on a unit vector ê with
 * u_i = c ê. If ê is an eigenvector of A = E[y A_x] with eigenvalue λ = E[y ψ], ψ(x) = êᵀ A_x ê, and
 * the unit is balanced (c² = 2v², kept exactly by the conservation of ‖u‖² − 2v²), then while the
 * other units are O(ε)
 * <pre>
 *   v̇ = c² E[y ψ] − v c⁴ E[ψ²] = 2λ v² − 4K v⁵,   K = E[ψ²],
 * </pre>
 * so v reaches v_c at 1/(2λ v_0) − 1/(2λ v_c) + K v_c²/(2λ²) + higher orders. Quadratic network:
 * ê = e_k, ψ = x_k², λ = ±2 on y = x_1² − x_2². Attention: u = [k; q] and A_x = ½[[0, Z], [Zᵀ, 0]];
 * a head with k = ±q ∥ e_a lies on ê = [e_a; ±e_a]/√2, λ = ±Λ_a²/2 and ψ = ±Z_aa/2. λ and K are
 * computed here from the data by one forward pass of a one-unit network at u = ê, v = 1
 * ({@link #rate}), so the prediction never reads the flow.
 */
final class BalancedBlowUp {

    /** The level of |v| at which a balanced unit counts as recruited. */
    static final double LEVEL = 0.1;

    private BalancedBlowUp() {
    }

    /** Quadratic or attention starts, each kind with probability 1/2. */
    static Gen<Trial> trials() {
        Gen<Trial> quadratic = quadraticTrials();
        Gen<Trial> attention = attentionTrials();
        Gen<Trial> gen = c -> c.flag(0.5) ? attention.draw(c) : quadratic.draw(c);
        return gen.named("balanced-blow-up-trial");
    }

    /**
     * Quadratic starts: D in [2, 3], H in [2, 6]; unit i lies on e_1 (λ = 2) or e_2 (λ = −2),
     * v_i = ±ε m_i with m_i in [0.5, 2], u_i = √2 |v_i| e_k (so ‖u_i‖² = 2 v_i²); unit 0 grows
     * (λ v_0 &gt; 0); ε log-uniform over 10⁻³ … 10⁻⁵.
     */
    static Gen<Trial> quadraticTrials() {
        Gen<Integer> dims = Gen.integers(2, 3);
        Gen<Integer> widths = Gen.integers(2, 6);
        Gen<Double> sizes = Gen.decimals(0.5, 2, 2);
        Gen<Double> scales = Generators.initScales(-3, -5);
        Gen<Long> seeds = Generators.seeds();
        Gen<Trial> gen = c -> {
            int d = dims.draw(c);
            int h = widths.draw(c);
            double epsilon = scales.draw(c);
            int unit = d + 1;
            double[] theta = new double[h * unit];
            for (int i = 0; i < h; i++) {
                int k = c.flag(0.5) ? 1 : 0;
                boolean grows = i == 0 || c.flag(0.5);
                boolean positive = k == 0;
                double v = epsilon * sizes.draw(c) * (grows == positive ? 1 : -1);
                theta[i * unit + k] = Math.sqrt(2) * Math.abs(v);
                theta[i * unit + d] = v;
            }
            DataSpec data = DataSpec.generated(DataSpec.QUADRATIC, seeds.draw(c), 24, 1, -1);
            return Trial.of(new Scenario(NetworkSpec.fullyConnected("quadratic", d, 1, h), data,
                    InitSpec.explicit(theta), DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
        };
        return gen.named("balanced-quadratic-trial");
    }

    /**
     * Attention starts: D in [2, 3], context N in [2, 8], H in [2, 6] heads, in-context regression
     * with Λ_a in [1, 1.5] (two decimals) and re-whitened statistics (Σ_yZ = Λ² exactly, P = 32).
     * Head i picks a in [1, D] and a sign σ: k_i = α e_a, q_i = σ α e_a with α = |v_i| (so
     * ‖u_i‖² = 2 v_i²), on the eigenvector [e_a; σ e_a]/√2 of M with λ = σ Λ_a²/2;
     * v_i = ±ε m_i, m_i in [0.5, 2]; head 0 grows (λ v_0 &gt; 0); ε log-uniform over 10⁻³ … 10⁻⁵.
     */
    static Gen<Trial> attentionTrials() {
        Gen<Integer> dims = Gen.integers(2, 3);
        Gen<Integer> contexts = Gen.integers(2, 8);
        Gen<Integer> widths = Gen.integers(2, 6);
        Gen<Double> spectra = Gen.decimals(1, 1.5, 2);
        Gen<Double> sizes = Gen.decimals(0.5, 2, 2);
        Gen<Double> scales = Generators.initScales(-3, -5);
        Gen<Long> seeds = Generators.seeds();
        Gen<Trial> gen = c -> {
            int d = dims.draw(c);
            int n = contexts.draw(c);
            int h = widths.draw(c);
            double[] lambda = new double[d];
            for (int a = 0; a < d; a++) {
                lambda[a] = spectra.draw(c);
            }
            double epsilon = scales.draw(c);
            int unit = 2 * d + 1;
            double[] theta = new double[h * unit];
            for (int i = 0; i < h; i++) {
                int a = (int) c.draw(d - 1);
                boolean positive = c.flag(0.5);
                boolean grows = i == 0 || c.flag(0.5);
                double v = epsilon * sizes.draw(c) * (grows == positive ? 1 : -1);
                theta[i * unit + a] = Math.abs(v);
                theta[i * unit + d + a] = positive ? Math.abs(v) : -Math.abs(v);
                theta[i * unit + 2 * d] = v;
            }
            DataSpec data = DataSpec.generated(DataSpec.IN_CONTEXT, seeds.draw(c),
                    QuadraticRecruitmentClaims.SEQUENCES, lambda).withExactStatistics(true);
            NetworkSpec net = new NetworkSpec("attention", h, 0, 0, false, 0, 0, d, n);
            return Trial.of(new Scenario(net, data, InitSpec.explicit(theta),
                    DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
        };
        return gen.named("balanced-attention-trial");
    }

    /**
     * λ = E[y ψ] and K = E[ψ²] (sample means) for the unit direction ê = u/‖u‖, ψ(x) = φ(x; ê), one
     * forward pass of a one-unit network at (ê, v = 1).
     */
    static double[] rate(ResolvedScenario r, double[] theta, int unit) {
        Network network = r.network();
        int uSize = network.uSize();
        int from = unit * network.unitSize();
        double norm = Measures.norm(theta, from, uSize);
        double[] single = new double[network.unitSize()];
        for (int j = 0; j < uSize; j++) {
            single[j] = theta[from + j] / norm;
        }
        single[uSize] = 1;
        DMatrixRMaj psi = network.withWidth(1).predict(single, r.data().X());
        DMatrixRMaj y = r.data().Y();
        double lambda = 0;
        double k = 0;
        int p = y.getNumRows();
        for (int mu = 0; mu < p; mu++) {
            lambda += y.get(mu, 0) * psi.get(mu, 0) / p;
            k += psi.get(mu, 0) * psi.get(mu, 0) / p;
        }
        return new double[] {lambda, k};
    }

    /**
     * The first unit whose |v| reaches {@link #LEVEL} (norm √3 times that, as a balanced unit keeps
     * ‖u‖² = 2v²) must be the one with the largest λ v_i(0), at t = 1/(2λ v_0) − 1/(2λ v_c) within
     * 2 K_max v_c²/λ² (four times the degree-5 correction) and the record spacing (spec). Starts whose
     * two largest λ v_i(0) are within both tolerances of each other are outside the regime.
     */
    static Outcome check(Trial t, UnaryOperator<Objective> breaker) {
        ResolvedScenario r = ScenarioResolver.resolve(t.scenario());
        double[] theta = r.theta0();
        int h = r.network().width();
        int vAt = r.network().uSize();
        int size = r.network().unitSize();
        double[] lambdas = new double[h];
        double kMax = 0;
        int leader = -1;
        int runnerUp = -1;
        for (int i = 0; i < h; i++) {
            double[] lk = rate(r, theta, i);
            lambdas[i] = lk[0];
            kMax = Math.max(kMax, lk[1]);
            double growth = lk[0] * theta[i * size + vAt];
            if (growth > 0 && (leader < 0 || growth > lambdas[leader] * theta[leader * size + vAt])) {
                runnerUp = leader;
                leader = i;
            } else if (growth > 0 && (runnerUp < 0
                    || growth > lambdas[runnerUp] * theta[runnerUp * size + vAt])) {
                runnerUp = i;
            }
        }
        if (leader < 0) {
            return Outcome.discard("no unit has λ v_i(0) > 0, so none grows");
        }
        double predicted = toyTime(lambdas[leader], theta[leader * size + vAt]);
        double tolerance = tolerance(lambdas[leader], kMax, predicted);
        if (runnerUp >= 0) {
            double later = toyTime(lambdas[runnerUp], theta[runnerUp * size + vAt]);
            if (later - predicted <= tolerance + tolerance(lambdas[runnerUp], kMax, later)) {
                return Outcome.discard(String.format(Locale.ROOT, "units %d and %d reach v_c at toy"
                        + " times %s and %s, too close for the toy model to order them", leader,
                        runnerUp, n(predicted), n(later)));
            }
        }
        double level = Math.sqrt(3) * LEVEL;
        Trajectory trajectory = runToLevel(r, breaker, predicted, level);
        int first = -1;
        double time = Double.NaN;
        for (int k = 0; k < trajectory.size() && first < 0; k++) {
            double[] norms = trajectory.unitNorms(k);
            for (int i = 0; i < h && first < 0; i++) {
                if (norms[i] >= level) {
                    first = i;
                    time = Measures.firstTimeAtOrAbove(trajectory.times(), unitNorm(trajectory, i),
                            level);
                }
            }
        }
        double best = lambdas[leader] * theta[leader * size + vAt];
        if (first != leader) {
            return Outcome.within(first, leader, 0, String.format(Locale.ROOT,
                    "unit %d was recruited first, but unit %d has the largest λ v_i(0) = %s",
                    first, leader, n(best)));
        }
        return Outcome.within(time, predicted, tolerance, String.format(Locale.ROOT,
                "%s, balanced start: unit %d (largest λ v_i(0) = %s, λ = %s) reached |v| = %s at"
                        + " t = %s against 1/(2λv_0) − 1/(2λv_c) = %s.",
                QuadraticRecruitmentClaims.describe(t), leader, n(best), n(lambdas[leader]),
                n(LEVEL), n(time), n(predicted)));
    }

    /** The toy's time from v_0 to v_c = {@link #LEVEL}: 1/(2λ v_0) − 1/(2λ v_c), λ v_0 &gt; 0. */
    static double toyTime(double lambda, double v0) {
        return 1 / (2 * lambda * v0) - 1 / (2 * Math.abs(lambda) * LEVEL);
    }

    /**
     * 2 K v_c²/λ², four times the degree-5 correction K v_c²/(2λ²), plus the record spacing
     * t·ln 10/{@link QuadraticRecruitmentClaims#PER_DECADE} (spec).
     */
    static double tolerance(double lambda, double k, double time) {
        return 2 * k * LEVEL * LEVEL / (lambda * lambda)
                + time * Math.log(10) / QuadraticRecruitmentClaims.PER_DECADE;
    }

    private static double[] unitNorm(Trajectory trajectory, int i) {
        double[] out = new double[trajectory.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = trajectory.unitNorms(k)[i];
        }
        return out;
    }

    /** Runs the explicit start until some unit's norm reaches twice {@code level}. */
    private static Trajectory runToLevel(ResolvedScenario r, UnaryOperator<Objective> breaker,
            double predicted, double level) {
        RunPlan plan = RunPlan.until(4 * predicted + 10)
                .withRecording(1e-2, QuadraticRecruitmentClaims.PER_DECADE, 1e-3)
                .withUnitNorms(r.network().unitSize())
                .withStopRule(QuadraticRecruitmentClaims.leaderAbove(r.network().unitSize(), 2 * level));
        return new GradientFlow(LinearRun.TOLERANCE).withMaxEvaluations(LinearRun.MAX_EVALUATIONS)
                .run(breaker.apply(r.objective()), r.theta0(), plan);
    }

    private static String n(double x) {
        return ManifoldGradientClaims.number(x);
    }
}
