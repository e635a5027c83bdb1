package org.saddlecheck.claim;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.saddlecheck.analysis.Measures;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;

/**
 * Ties in the data shorten the quadratic network's first plateau (paper, Section 6.2 and Section
 * 6.3: equal singular values shorten but do not remove the plateaus). At a fixed top eigenvalue,
 * a tied Σ_yZ = diag(2, 2, −2, −2) gives every unit more directions to grow along than the untied
 * diag(2, 1, −2, −1), so from the same initial weights the first unit is recruited earlier.
 *
 * <p>The prediction comes from the theory's independent-unit model, computed here without the
 * network: while the output is O(ε³) each unit follows its own early flow v̇ = Σ_k λ_k a_k²,
 * ȧ_k = 2 λ_k v a_k (a_k = e_kᵀu, A = diag(λ)), homogeneous of degree 2, so a unit drawn as ε g
 * blows up at T(g)/ε and the first plateau is min_i T(g_i)/ε ({@link #blowUpTime}).
 */
final class TiedShortening {

    /** Σ_yZ/2 of the tied target y = x_1² + x_2² − x_3² − x_4². */
    static final double[] TIED = {1, 1, -1, -1};
    /** Σ_yZ/2 of the untied target y = x_1² + ½x_2² − x_3² − ½x_4² (same top eigenvalue). */
    static final double[] UNTIED = {1, 0.5, -1, -0.5};
    /** Units per network. */
    static final int WIDTH = 4;
    /** Pairs of networks per try (the same initial weights on tied and on untied data). */
    static final int PAIRS = 80;
    /** The initialization scale of every run: the offset |B| is then a small part of T/ε. */
    static final double EPSILON = 1e-4;
    /** The claim's significance level against "ties do not shorten" (wins ~ Binomial(n, ½)). */
    static final double ALPHA = 1e-3;
    /** The blow-up is declared when |v| reaches this (the rest, 1/(2|λ|V), is below 10⁻⁴). */
    private static final double BLOW_UP = 1e4;

    private TiedShortening() {
    }

    /** The claim: tied data recruit the first unit earlier than untied data from the same start. */
    static Claim claim() {
        return Claim.in(QuadraticRecruitmentClaims.class, "proposition5.tied-data-shorten-plateau")
                .trials(trials())
                .check(t -> check(t, UnaryOperator.identity(), UnaryOperator.identity()))
                .evidence(t -> List.of(pairsFigure(t)))
                .shrinkBudget(2)
                .build();
    }

    /** A data seed and an init seed; the network, targets and scale are fixed (class doc). */
    static Gen<Trial> trials() {
        Gen<Long> seeds = Generators.seeds();
        Gen<Trial> gen = c -> Trial.of(scenario(TIED, seeds.draw(c), seeds.draw(c)));
        return gen.named("tied-shortening-trial");
    }

    private static Scenario scenario(double[] lambda, long dataSeed, long initSeed) {
        return new Scenario(NetworkSpec.fullyConnected("quadratic", lambda.length, 1, WIDTH),
                DataSpec.generated(DataSpec.QUADRATIC, dataSeed, 24, lambda),
                InitSpec.gaussian(1, initSeed), DynamicsSpec.flow(1, LinearRun.TOLERANCE));
    }

    /**
     * The number of pairs (same init seed, tied against untied target) whose tied network recruits
     * its first unit strictly earlier, against the least count c with P(Binomial(n, ½) ≥ c) ≤ α.
     * {@code tiedBreaker} and {@code untiedBreaker} may replace the objectives (tests).
     */
    static Outcome check(Trial t, UnaryOperator<Objective> tiedBreaker,
            UnaryOperator<Objective> untiedBreaker) {
        double[][] times = times(t, tiedBreaker, untiedBreaker);
        double[] tied = times[0];
        double[] untied = times[1];
        int wins = 0;
        for (int j = 0; j < PAIRS; j++) {
            wins += tied[j] < untied[j] ? 1 : 0;
        }
        int critical = critical(PAIRS, ALPHA);
        return Outcome.atLeast(wins, critical, String.format(Locale.ROOT,
                "Quadratic network (D = 4, H = %d, ε = %s): from the same start, tied data"
                        + " (Σ_yZ = diag(2, 2, −2, −2)) recruited the first unit earlier than untied"
                        + " data (diag(2, 1, −2, −1)) in %d of %d pairs (critical %d at α = %s;"
                        + " median ratio t_tied/t_untied %s).", WIDTH, n(EPSILON), wins, PAIRS,
                critical, n(ALPHA), n(medianRatio(tied, untied))));
    }

    /** First recruitment on tied against untied data, pair by pair, beside the identity. */
    private static Figure pairsFigure(Trial t) {
        double[][] times = times(t, UnaryOperator.identity(), UnaryOperator.identity());
        return new Figure.Scatter("First recruitment from the same start: tied against untied data",
                "untied $t_1$", "tied $t_1$", true, true, true,
                List.of(new Figure.Series("pairs", times[1], times[0])));
    }

    /** The least c with P(X ≥ c) ≤ α for X ~ Binomial(n, ½). */
    static int critical(int n, double alpha) {
        BinomialDistribution null0 = new BinomialDistribution(null, n, 0.5);
        int c = 0;
        while (c <= n && 1 - null0.cumulativeProbability(c - 1) > alpha) {
            c++;
        }
        return c;
    }

    /** {tied, untied} first recruitment times of the {@link #PAIRS} pairs of a trial. */
    private static double[][] times(Trial t, UnaryOperator<Objective> tiedBreaker,
            UnaryOperator<Objective> untiedBreaker) {
        long dataSeed = t.scenario().data().seed();
        long initSeed = t.scenario().init().seed();
        double[] tied = new double[PAIRS];
        double[] untied = new double[PAIRS];
        for (int j = 0; j < PAIRS; j++) {
            long seed = (initSeed + 1 + j) % 1_000_000L;
            tied[j] = firstRecruitment(new Trial(scenario(TIED, dataSeed, seed), t.parameters()),
                    tiedBreaker);
            untied[j] = firstRecruitment(new Trial(scenario(UNTIED, dataSeed, seed), t.parameters()),
                    untiedBreaker);
        }
        return new double[][] {tied, untied};
    }

    private static double firstRecruitment(Trial t, UnaryOperator<Objective> breaker) {
        Trajectory run;
        try {
            run = QuadraticRecruitmentClaims.run(t, EPSILON, true, breaker,
                    QuadraticRecruitmentClaims.PER_DECADE, QuadraticRecruitmentClaims.RANK_TOLERANCE);
        } catch (org.saddlecheck.InvalidInputException e) {
            throw e;
        } catch (org.saddlecheck.SaddlecheckException e) {
            return Double.POSITIVE_INFINITY;
        }
        double time = Measures.firstTimeAtOrAbove(run.times(), QuadraticRecruitmentClaims.leader(run),
                QuadraticRecruitmentClaims.RECRUITED);
        return Double.isNaN(time) ? Double.POSITIVE_INFINITY : time;
    }

    private static double medianRatio(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = a[j] / b[j];
        }
        java.util.Arrays.sort(r);
        return (r[(r.length - 1) / 2] + r[r.length / 2]) / 2;
    }

    // ---------------------------------------------------------------- the independent-unit model

    /**
     * The blow-up time T(g) of one unit's early flow v̇ = Σ_k λ_k a_k², ȧ_k = 2 λ_k v a_k from
     * (a, v) (Section 6.2 with A = diag(λ)), by classical Runge–Kutta with the step 0.01/(|λ|_max
     * (|v| + |a|)), a hundredth of the local time scale, until |v| reaches {@link #BLOW_UP}; ∞ past
     * {@code horizon}. Modifies nothing.
     */
    static double blowUpTime(double[] lambda, double[] a0, double v0, double horizon) {
        int d = lambda.length;
        double top = 0;
        for (double l : lambda) {
            top = Math.max(top, Math.abs(l));
        }
        double[] a = a0.clone();
        double v = v0;
        double[][] ka = new double[4][d];
        double[] kv = new double[4];
        double[] at = new double[d];
        double t = 0;
        while (Math.abs(v) < BLOW_UP) {
            if (t > horizon) {
                return Double.POSITIVE_INFINITY;
            }
            double dt = 0.01 / (top * (Math.abs(v) + Measures.norm(a)));

            // Four stages of RK4, each from the state advanced by the previous slope.
            double vt = v;
            System.arraycopy(a, 0, at, 0, d);
            for (int s = 0; s < 4; s++) {
                kv[s] = 0;
                for (int k = 0; k < d; k++) {
                    ka[s][k] = 2 * lambda[k] * vt * at[k];
                    kv[s] += lambda[k] * at[k] * at[k];
                }
                double h = s < 2 ? dt / 2 : dt;
                if (s < 3) {
                    vt = v + h * kv[s];
                    for (int k = 0; k < d; k++) {
                        at[k] = a[k] + h * ka[s][k];
                    }
                }
            }

            // Combine the stages.
            v += dt / 6 * (kv[0] + 2 * kv[1] + 2 * kv[2] + kv[3]);
            for (int k = 0; k < d; k++) {
                a[k] += dt / 6 * (ka[0][k] + 2 * ka[1][k] + 2 * ka[2][k] + ka[3][k]);
            }
            t += dt;
        }
        return t;
    }

    /**
     * The model's probability that the tied network's first plateau is shorter by more than the
     * measurement can blur: over {@code draws} paired starts of {@code h} units with i.i.d. N(0, 1)
     * weights, the share with T_tied + absolute + relative · T_untied &lt; T_untied, T = min_i T(g_i).
     */
    static double winRate(double[] untiedLambda, int h, int draws, double absolute, double relative,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int wins = 0;
        for (int m = 0; m < draws; m++) {
            double tied = Double.POSITIVE_INFINITY;
            double untied = Double.POSITIVE_INFINITY;
            for (int i = 0; i < h; i++) {
                double[] a = new double[TIED.length];
                for (int k = 0; k < a.length; k++) {
                    a[k] = random.nextGaussian();
                }
                double v = random.nextGaussian();
                tied = Math.min(tied, blowUpTime(times2(TIED), a, v, 1e3));
                untied = Math.min(untied, blowUpTime(times2(untiedLambda), a, v, 1e3));
            }
            wins += tied + absolute + relative * untied < untied ? 1 : 0;
        }
        return (double) wins / draws;
    }

    /** Σ_yZ = 2 diag(λ) for a trace-zero target. */
    private static double[] times2(double[] lambda) {
        double[] out = new double[lambda.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = 2 * lambda[k];
        }
        return out;
    }

    private static String n(double x) {
        return ManifoldGradientClaims.number(x);
    }
}
