package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.saddlecheck.task.Dataset;

/**
 * The conserved quantities of gradient flow have zero time derivative along −∇L, at generic θ:
 * dc/dt = ∇c · (−∇L). Where the theory does not give them (φ not homogeneous, or not linear for
 * the Gram difference) the derivative is far from zero, so the check can fail.
 */
class ConservationProperties {
    // Fixed so that a failure replays; θ and the data are generic for any seed.
    private static final long SEED = 271_828L;

    static List<Catalogue.Entry> networks() {
        return Catalogue.all(3);
    }

    /**
     * dc_i/dt = −2 u_i·∇_{u_i}L + 2p v_i·∇_{v_i}L. Round-off: each gradient entry errs by at most
     * δg_k, and the dot products add γ_{s+2} of their magnitudes, so |computed| ≤
     * 2 Σ_k |θ_k| (δg_k + γ_{s+2} |g_k|) p over the unit's coordinates. tanh and x·tanh have no
     * degree; for them the p = 1 and p = 2 quantities must drift a million times the bound.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void normDifferencesOfHomogeneousUnitsAreConserved(Catalogue.Entry entry) {
        SplittableRandom random = new SplittableRandom(SEED + entry.name().hashCode());
        Network network = entry.network();
        Dataset data = entry.data(25, random);
        double[] theta = Generators.gaussianTheta(network, 0.7, random);
        double[] g = new double[theta.length];
        network.objective(data).lossAndGradient(theta, g);
        Magnitudes m = Magnitudes.of(network, data, theta);
        int declared = network.traits().homogeneityDegree();
        for (int p : declared >= 1 ? new int[] {declared} : new int[] {1, 2}) {
            double worst = 0;
            double dot = Magnitudes.gamma(network.unitSize() + 2);
            for (int i = 0; i < network.width(); i++) {
                double rate = 0;
                double bound = 0;
                for (int k = network.uOffset(i); k < network.uOffset(i) + network.unitSize(); k++) {
                    double weight = k < network.vOffset(i) ? -2 : 2 * p;
                    rate += weight * theta[k] * g[k];
                    bound += Math.abs(weight * theta[k])
                            * (m.entry(k) + dot * Math.abs(g[k]));
                }
                if (declared >= 1) {
                    assertThat(Math.abs(rate)).as("unit %d", i).isLessThanOrEqualTo(bound);
                }
                worst = Math.max(worst, Math.abs(rate) / bound);
            }
            if (declared < 1) {
                assertThat(worst).as("p = %d is not conserved", p).isGreaterThan(1e6);
            }
        }
    }

    /**
     * d(VVᵀ − UUᵀ)/dt = −(∇_V Vᵀ + V ∇_Vᵀ) + (∇_U Uᵀ + U ∇_Uᵀ). Round-off per entry (i, j): the
     * gradient errors times |θ| plus γ_{s+2} of the products' magnitudes, as for the norms.
     * For non-linear networks an off-diagonal entry must move a million times its bound.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void theGramDifferenceOfLinearNetworksIsConserved(Catalogue.Entry entry) {
        SplittableRandom random = new SplittableRandom(SEED + 7 + entry.name().hashCode());
        Network network = entry.network();
        Dataset data = entry.data(25, random);
        double[] theta = Generators.gaussianTheta(network, 0.7, random);
        double[] g = new double[theta.length];
        network.objective(data).lossAndGradient(theta, g);
        Magnitudes m = Magnitudes.of(network, data, theta);
        double[] error = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            error[k] = m.entry(k) + Magnitudes.gamma(network.unitSize() + 2) * Math.abs(g[k]);
        }
        double worst = 0;
        for (int i = 0; i < network.width(); i++) {
            for (int j = 0; j < network.width(); j++) {
                double rate = 0;
                double bound = 0;
                for (int d = 0; d < network.vSize(); d++) {
                    int a = network.vOffset(i) + d;
                    int b = network.vOffset(j) + d;
                    rate -= g[a] * theta[b] + theta[a] * g[b];
                    bound += error[a] * Math.abs(theta[b]) + Math.abs(theta[a]) * error[b];
                }
                for (int d = 0; d < network.uSize(); d++) {
                    int a = network.uOffset(i) + d;
                    int b = network.uOffset(j) + d;
                    rate += g[a] * theta[b] + theta[a] * g[b];
                    bound += error[a] * Math.abs(theta[b]) + Math.abs(theta[a]) * error[b];
                }
                if (network.traits().linear()) {
                    assertThat(Math.abs(rate)).as("entry (%d, %d)", i, j).isLessThanOrEqualTo(bound);
                } else if (i != j) {
                    worst = Math.max(worst, Math.abs(rate) / bound);
                }
            }
        }
        if (network.traits().linear()) {
            DMatrixRMaj gram = Conservation.gramDifference(network, theta);
            double[] perUnit = Conservation.perUnit(network, theta);
            for (int i = 0; i < network.width(); i++) {
                // The diagonal is −c_i with p = 1: the same sums of squares, subtracted in the
                // other order, so equal up to the rounding of two sums of s squares.
                assertThat(Math.abs(gram.get(i, i) + perUnit[i])).isLessThanOrEqualTo(
                        2 * Magnitudes.gamma(network.unitSize() + 1) * unitNormSquared(network, theta, i));
            }
        } else {
            assertThat(worst).isGreaterThan(1e6);
        }
    }

    private static double unitNormSquared(Network network, double[] theta, int i) {
        double sum = 0;
        for (int k = network.uOffset(i); k < network.uOffset(i) + network.unitSize(); k++) {
            sum += theta[k] * theta[k];
        }
        return sum;
    }
}
