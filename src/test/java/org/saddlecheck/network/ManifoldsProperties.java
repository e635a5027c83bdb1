package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.network.Manifolds.Kind;
import org.saddlecheck.task.Dataset;

/**
 * Theorem 3's manifolds: θ placed on a manifold has distance 0 from it, and the merge gives a
 * narrower θ with the same outputs. The points are built with factors 1/2 and 1/4 so that placing
 * them is exact in floating point.
 */
class ManifoldsProperties {
    // Fixed so that a failure replays; the cases are generic for any seed.
    private static final long SEED = 99_991L;
    private static final int WIDTH = 3;

    static List<Catalogue.Entry> networks() {
        return Catalogue.all(WIDTH);
    }

    @Test
    void applicabilityFollowsTheTraits() {
        assertThat(Manifolds.applicable(PhiTraits.LINEAR)).isEqualTo(EnumSet.allOf(Kind.class));
        assertThat(Manifolds.applicable(PhiTraits.POSITIVELY_HOMOGENEOUS))
                .containsExactly(Kind.EQUAL_UNITS, Kind.ZERO_UNIT, Kind.PROPORTIONAL_UNITS);
        assertThat(Manifolds.applicable(PhiTraits.polynomial(2)))
                .containsExactly(Kind.EQUAL_UNITS, Kind.ZERO_UNIT);
        assertThat(Manifolds.applicable(PhiTraits.zeroElementOnly()))
                .containsExactly(Kind.EQUAL_UNITS, Kind.ZERO_UNIT);
        Network tanh = new FullyConnected(Activation.TANH, 2, 1, 2, false);
        assertThatThrownBy(() -> Manifolds.mergeProportional(tanh, new double[6], 0, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("PROPORTIONAL_UNITS");
    }

    @Test
    void distancesMeasureTheDefiningResiduals() {
        Network network = new FullyConnected(Activation.LINEAR, 1, 1, 3, false);
        // Units (u, v): (1, 0), (0, 1), (1, 1): ‖θ‖ = 2.
        double[] theta = {1, 0, 0, 1, 1, 1};
        assertThat(Manifolds.equalDistance(network, theta, 0, 2)).isEqualTo(0.5);
        assertThat(Manifolds.zeroDistance(network, theta, 1)).isEqualTo(0.5);
        // Best γ for θ_2 ≈ γθ_0 is 1, leaving (0, 1).
        assertThat(Manifolds.proportionality(network, theta, 2, 0)).isEqualTo(1.0);
        assertThat(Manifolds.proportionalDistance(network, theta, 2, 0)).isEqualTo(0.5);
        // Three units in R²: rank 2 exactly, and not rank 1: the Gram matrix [[2, 1], [1, 2]] has
        // eigenvalues 3 and 1, so σ_2/σ_1 = 1/√3. A backward-stable SVD moves each σ by at most
        // c·n·ε·σ_1 (c = 10, n = 3), so the ratio by at most twice that over σ_1.
        assertThat(Manifolds.dependenceDistance(network, theta, 2)).isEqualTo(0.0);
        assertThat(Manifolds.dependenceDistance(network, theta, 1))
                .isCloseTo(1 / Math.sqrt(3), within(2 * 10 * 3 * Magnitudes.UNIT_ROUNDOFF));
        assertThat(Manifolds.zeroDistance(network, new double[6], 0)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void mergesOnTheApplicableManifoldsKeepTheOutputs(Catalogue.Entry entry) {
        SplittableRandom random = new SplittableRandom(SEED + entry.name().hashCode());
        Network network = entry.network();
        Dataset data = entry.data(20, random);
        int s = network.unitSize();
        EnumSet<Kind> kinds = Manifolds.applicable(network.traits());

        double[] equal = Generators.gaussianTheta(network, 0.7, random);
        System.arraycopy(equal, 0, equal, 2 * s, s);
        assertThat(Manifolds.equalDistance(network, equal, 0, 2)).isZero();
        assertSameOutputs(entry, data, equal, Manifolds.mergeEqual(network, equal, 0, 2));

        if (kinds.contains(Kind.ZERO_UNIT)) {
            double[] zero = Generators.gaussianTheta(network, 0.7, random);
            Arrays.fill(zero, s, 2 * s, 0);
            assertThat(Manifolds.zeroDistance(network, zero, 1)).isZero();
            assertSameOutputs(entry, data, zero, Manifolds.removeUnit(network, zero, 1));
        }
        if (kinds.contains(Kind.PROPORTIONAL_UNITS)) {
            double[] proportional = Generators.gaussianTheta(network, 0.7, random);
            for (int k = 0; k < s; k++) {
                proportional[2 * s + k] = 0.5 * proportional[k];
            }
            assertThat(Manifolds.proportionality(network, proportional, 2, 0)).isEqualTo(0.5);
            assertSameOutputs(entry, data, proportional,
                    Manifolds.mergeProportional(network, proportional, 2, 0));
        }
        if (kinds.contains(Kind.LINEAR_DEPENDENCE)) {
            double[] dependent = Generators.gaussianTheta(network, 0.7, random);
            for (int k = 0; k < network.uSize(); k++) {
                dependent[2 * s + k] = 0.5 * dependent[k] - 0.25 * dependent[s + k];
            }
            double[] gamma = Manifolds.dependence(network, dependent, 2);
            assertSameOutputs(entry, data, dependent,
                    Manifolds.mergeDependent(network, dependent, 2, gamma));
        }
    }

    /**
     * Same outputs within the round-off of two sums of the same terms: each is within γ_m of the
     * exact map relative to the magnitudes, plus, for merges that use a fitted γ, the relative
     * error of γ (a least-squares fit of exactly placed units: a few ε times its condition, well
     * inside γ_m for these generic units).
     */
    private static void assertSameOutputs(Catalogue.Entry entry, Dataset data, double[] wide,
            double[] narrow) {
        Network network = entry.network();
        Network merged = network.withWidth(network.width() - 1);
        assertThat(narrow).hasSize(merged.parameterCount());
        DMatrixRMaj f = network.predict(wide, data.X());
        DMatrixRMaj g = merged.predict(narrow, data.X());
        DMatrixRMaj magnitude = entry.magnitudeNetwork().predict(abs(wide), abs(data.X()));
        int depth = Magnitudes.of(network, data, wide).depth();
        for (int k = 0; k < f.data.length; k++) {
            assertThat(Math.abs(f.data[k] - g.data[k])).isLessThanOrEqualTo(
                    4 * Magnitudes.gamma(depth) * magnitude.data[k]);
        }
    }

    private static double[] abs(double[] x) {
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = Math.abs(x[k]);
        }
        return y;
    }

    private static DMatrixRMaj abs(DMatrixRMaj X) {
        DMatrixRMaj Y = X.copy();
        for (int k = 0; k < Y.data.length; k++) {
            Y.data[k] = Math.abs(Y.data[k]);
        }
        return Y;
    }
}
