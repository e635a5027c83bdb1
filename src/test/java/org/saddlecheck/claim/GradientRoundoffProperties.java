package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.saddlecheck.network.CriticalPoints;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.Tokens;

/**
 * The bounds the Theorem 3 round-off claim builds on, for every network of degree-1 φ, at random
 * points: the computed gradient (both objective forms) is within {@link
 * GradientRoundoff#gradientErrors} of the exact gradient, computed here in decimal arithmetic
 * from the network's definition; and off a manifold, the gradients of two units differ by at most
 * the own-Jacobian bound times their distance plus their round-off.
 */
class GradientRoundoffProperties {
    // Fixed so that a failure replays; the properties hold for any seed.
    private static final long SEED = 0x60FFL;
    /** Digits of the reference arithmetic: sums and products are exact, divisions keep 60. */
    private static final MathContext DIGITS = new MathContext(60);
    /** A relative error far above round-off (10⁴ times 3γ_m for these sizes) yet small. */
    private static final double DETECTABLE = 1e-10;

    static List<NetworkSpec> networks() {
        return List.of(new NetworkSpec("linear", 3, 3, 2, false, 0, 0, 0, 0),
                new NetworkSpec("linear", 3, 2, 2, true, 0, 0, 0, 0),
                new NetworkSpec("relu", 4, 3, 2, true, 0, 0, 0, 0),
                new NetworkSpec("linear-conv", 3, 0, 0, false, 3, 2, 0, 0),
                new NetworkSpec("relu-conv", 3, 0, 0, false, 2, 3, 0, 0),
                new NetworkSpec("attention-merged", 3, 0, 0, false, 0, 0, 2, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void computedGradientsAreWithinTheirBoundOfTheExactOnes(NetworkSpec spec) {
        SplittableRandom random = new SplittableRandom(SEED ^ spec.toString().hashCode());
        Network network = AnyNetwork.network(spec);
        for (double scale : new double[] {0.3, 1, 3}) {
            Dataset data = AnyNetwork.dataset(AnyNetwork.data(spec, random.nextLong(), 16), spec);
            double[] theta = gaussian(network.parameterCount(), scale, random);
            double[] exact = exactGradient(network, data, theta);
            double[] bound = GradientRoundoff.gradientErrors(network, data, theta);
            for (Objective f : List.of(network.objective(data),
                    network.minibatchObjective(data, data.samples()))) {
                double[] g = new double[theta.length];
                f.lossAndGradient(theta, g);
                boolean detectable = false;
                for (int k = 0; k < g.length; k++) {
                    assertThat(Math.abs(g[k] - exact[k])).as("entry %d at scale %s", k, scale)
                            .isLessThanOrEqualTo(bound[k]);
                    detectable |= DETECTABLE * Math.abs(exact[k]) > 2 * bound[k];
                }
                // The bound is sharp enough to see a gradient off by one part in 10¹⁰.
                assertThat(detectable).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void ownJacobianBoundsHowFarTwoUnitsGradientsLeaveTheRay(NetworkSpec spec) {
        SplittableRandom random = new SplittableRandom(SEED ^ (31L * spec.toString().hashCode()));
        Network network = AnyNetwork.network(spec);
        int s = network.unitSize();
        int judged = 0;
        for (int draw = 0; draw < 20; draw++) {
            Dataset data = AnyNetwork.dataset(AnyNetwork.data(spec, random.nextLong(), 16), spec);
            double[] theta = gaussian(network.parameterCount(), 0.7, random);
            double gamma = 0.2 + 2 * random.nextDouble();
            double size = Math.pow(10, -2 - 4 * random.nextDouble());
            BigDecimal squared = BigDecimal.ZERO;
            for (int k = 0; k < s; k++) {
                theta[k] = gamma * theta[s + k] + size * CriticalPoints.gaussian(random);
                BigDecimal d = exact(theta[k]).subtract(exact(gamma).multiply(exact(theta[s + k])));
                squared = squared.add(d.multiply(d));
            }
            double distance = squared.sqrt(DIGITS).doubleValue();
            if (spec.kind().startsWith("relu") && crossesAKink(network, data, theta, gamma)) {
                continue;
            }
            double[] g = new double[theta.length];
            network.objective(data).lossAndGradient(theta, g);
            double[] errors = GradientRoundoff.gradientErrors(network, data, theta);
            double off = 0;
            double e0 = 0;
            double e1 = 0;
            for (int k = 0; k < s; k++) {
                double d = g[k] - gamma * g[s + k];
                off += d * d;
                e0 += errors[k] * errors[k];
                e1 += errors[s + k] * errors[s + k];
            }
            double a = GradientRoundoff.ownJacobianBound(network, data, theta);
            // ‖g_0 − γg_1‖ ≤ a‖θ_0 − γθ_1‖ + δ_0 + γδ_1, and the rounding of g_0 − γg_1
            double rounding = 2 * GradientRoundoff.UNIT_ROUNDOFF * Math.sqrt(off);
            assertThat(Math.sqrt(off)).isLessThanOrEqualTo((1 + DriftBound.EVALUATION_SLACK)
                    * (a * distance + Math.sqrt(e0) + gamma * Math.sqrt(e1)) + rounding);
            judged++;
        }
        assertThat(judged).isGreaterThanOrEqualTo(10);
    }

    /** Whether unit 0's pre-activations differ in sign from γ times unit 1's on some sample. */
    private static boolean crossesAKink(Network network, Dataset data, double[] theta,
            double gamma) {
        int uSize = network.uSize();
        double[] xi = new double[network.vSize() * uSize];
        DMatrixRMaj X = data.X();
        for (int mu = 0; mu < X.numRows; mu++) {
            signedFeatures(network, X, mu, xi);
            for (int p = 0; p < network.vSize(); p++) {
                double z0 = 0;
                double z1 = 0;
                for (int d = 0; d < uSize; d++) {
                    z0 += theta[d] * xi[p * uSize + d];
                    z1 += gamma * theta[network.unitSize() + d] * xi[p * uSize + d];
                }
                if (z0 > 0 != z1 > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** ξ_μpd, signed: x̃ for fully connected, the patch for convolutions. */
    private static void signedFeatures(Network network, DMatrixRMaj X, int mu, double[] out) {
        int uSize = network.uSize();
        boolean conv = network.kind().endsWith("-conv");
        for (int p = 0; p < network.vSize(); p++) {
            for (int d = 0; d < uSize; d++) {
                int column = conv ? p * uSize + d : d;
                out[p * uSize + d] = conv || d < X.numCols ? X.get(mu, column) : 1;
            }
        }
    }

    // ---------------------------------------------------------------- the exact gradient

    /**
     * ∇L at θ in exact decimal arithmetic, from the definition f_o(x) = Σ_i Σ_{p: o(p) = o}
     * v_ip σ(u_iᵀξ_p(x)) and L = (1/(2P)) Σ_μ ‖f(x_μ) − y_μ‖², with the features written out
     * here: x̃ (fully connected), the patches (convolutions), vec Z with
     * Z = (1/N) Σ_n y_n x_n x_qᵀ (merged attention).
     */
    private static double[] exactGradient(Network network, Dataset data, double[] theta) {
        int uSize = network.uSize();
        int vSize = network.vSize();
        int h = network.width();
        int s = network.unitSize();
        boolean relu = network.kind().startsWith("relu");
        boolean fc = !network.kind().endsWith("-conv") && !network.kind().startsWith("attention");
        int p = data.samples();
        BigDecimal[] grad = zeros(theta.length);
        for (int mu = 0; mu < p; mu++) {
            BigDecimal[][] xi = exactFeatures(network, data.X(), mu);

            // pre-activations, outputs and residuals of sample μ
            BigDecimal[][] z = new BigDecimal[h][vSize];
            BigDecimal[] r = zeros(network.outputSize());
            for (int i = 0; i < h; i++) {
                for (int q = 0; q < vSize; q++) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (int d = 0; d < uSize; d++) {
                        sum = sum.add(exact(theta[i * s + d]).multiply(xi[q][d]));
                    }
                    z[i][q] = sum;
                    int o = fc ? q : 0;
                    r[o] = r[o].add(exact(theta[i * s + uSize + q]).multiply(sigma(sum, relu)));
                }
            }
            for (int o = 0; o < r.length; o++) {
                r[o] = r[o].subtract(exact(data.Y().get(mu, o)));
            }

            // this sample's terms of ∂L/∂v_iq = r_o σ(z_iq) and ∂L/∂u_id = Σ_q r_o v_iq σ' ξ_qd
            for (int i = 0; i < h; i++) {
                for (int q = 0; q < vSize; q++) {
                    BigDecimal ro = r[fc ? q : 0];
                    int v = i * s + uSize + q;
                    grad[v] = grad[v].add(ro.multiply(sigma(z[i][q], relu)));
                    if (relu && z[i][q].signum() <= 0) {
                        continue;
                    }
                    BigDecimal weight = ro.multiply(exact(theta[v]));
                    for (int d = 0; d < uSize; d++) {
                        grad[i * s + d] = grad[i * s + d].add(weight.multiply(xi[q][d]));
                    }
                }
            }
        }
        double[] out = new double[theta.length];
        BigDecimal samples = BigDecimal.valueOf(p);
        for (int k = 0; k < out.length; k++) {
            out[k] = grad[k].divide(samples, DIGITS).doubleValue();
        }
        return out;
    }

    /** ξ_p(x_μ) for every slot p, exactly. */
    private static BigDecimal[][] exactFeatures(Network network, DMatrixRMaj X, int mu) {
        int uSize = network.uSize();
        BigDecimal[][] xi = new BigDecimal[network.vSize()][uSize];
        if (network.kind().startsWith("attention")) {
            int dim = (int) Math.round(Math.sqrt(uSize));
            int n = (X.numCols - dim) / (dim + 1);
            int row = mu * X.numCols;
            for (int a = 0; a < dim; a++) {
                BigDecimal mean = BigDecimal.ZERO;
                for (int t = 0; t < n; t++) {
                    mean = mean.add(exact(X.data[row + Tokens.yOffset(dim, t)])
                            .multiply(exact(X.data[row + Tokens.xOffset(dim, t) + a])));
                }
                mean = mean.divide(BigDecimal.valueOf(n), DIGITS);
                for (int b = 0; b < dim; b++) {
                    xi[0][a * dim + b] = mean.multiply(
                            exact(X.data[row + Tokens.queryOffset(dim, n) + b]));
                }
            }
            return xi;
        }
        double[] signed = new double[network.vSize() * uSize];
        signedFeatures(network, X, mu, signed);
        for (int q = 0; q < xi.length; q++) {
            for (int d = 0; d < uSize; d++) {
                xi[q][d] = exact(signed[q * uSize + d]);
            }
        }
        return xi;
    }

    private static BigDecimal sigma(BigDecimal z, boolean relu) {
        return relu && z.signum() < 0 ? BigDecimal.ZERO : z;
    }

    private static BigDecimal exact(double x) {
        return new BigDecimal(x);
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] out = new BigDecimal[n];
        Arrays.fill(out, BigDecimal.ZERO);
        return out;
    }

    private static double[] gaussian(int n, double scale, SplittableRandom random) {
        double[] theta = new double[n];
        for (int k = 0; k < n; k++) {
            theta[k] = scale * CriticalPoints.gaussian(random);
        }
        return theta;
    }
}
