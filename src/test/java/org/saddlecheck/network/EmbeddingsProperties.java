package org.saddlecheck.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.network.Embeddings.Construction;
import org.saddlecheck.task.Dataset;

/**
 * Theorem 1: each applicable construction maps a fixed point θ* of the width-2 network to a fixed
 * point of the width-3 network with the same outputs; each inapplicable one, built anyway, breaks
 * the fixed point. θ* is a critical point with a non-zero residual ({@link FixedPoints}), so the
 * gradient is not zero for the trivial reason of a perfect fit.
 */
class EmbeddingsProperties {
    // Fixed so that a failure replays; θ* and the data are generic for any seed.
    private static final long SEED = 1_000_003L;
    private static final int SAMPLES = 30;
    private static final double[] GAMMA_U = {0.5, -0.25};
    private static final double[] GAMMA_V = {0.75, 0.5};

    static List<Catalogue.Entry> networks() {
        return Catalogue.all(2);
    }

    @Test
    void applicabilityFollowsTheTraits() {
        assertThat(Embeddings.applicable(PhiTraits.LINEAR)).isEqualTo(EnumSet.allOf(Construction.class));
        assertThat(Embeddings.applicable(PhiTraits.POSITIVELY_HOMOGENEOUS)).containsExactly(
                Construction.DUPLICATION, Construction.ZERO_UNIT, Construction.HOMOGENEOUS_SCALING);
        assertThat(Embeddings.applicable(PhiTraits.zeroElementOnly())).containsExactly(
                Construction.DUPLICATION, Construction.ZERO_UNIT);
        assertThat(Embeddings.applicable(new PhiTraits(false, 0, false, false)))
                .containsExactly(Construction.DUPLICATION);
    }

    @Test
    void anInapplicableConstructionIsRefusedByName() {
        Network narrow = new FullyConnected(Activation.TANH, 2, 1, 1, false);
        Embeddings e = Embeddings.of(narrow, narrow.withWidth(2));
        double[] theta = {0.5, -0.5, 1};
        assertThatThrownBy(() -> e.scale(theta, 0, 2, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("homogeneous scaling");
        assertThatThrownBy(() -> e.combine(theta, new double[] {1}, new double[] {1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("linear combination");
        assertThat(e.forced().scale(theta, 0, 2, 1)).hasSize(6);

        Network relu = new FullyConnected(Activation.RELU, 2, 1, 1, false);
        Embeddings r = Embeddings.of(relu, relu.withWidth(2));
        assertThatThrownBy(() -> r.scale(theta, 0, -1, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("γ_u (-1.0) < 0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void applicableConstructionsKeepTheMapAndTheFixedPointAndOthersBreakIt(Catalogue.Entry entry) {
        SplittableRandom random = new SplittableRandom(SEED + entry.name().hashCode());
        Network narrow = entry.network();
        Catalogue.Entry wideEntry = entry.withWidth(3);
        Network wide = wideEntry.network();
        DMatrixRMaj X = entry.data(SAMPLES, random).X();
        double[] thetaStar = Generators.gaussianTheta(narrow, 0.7, random);
        Dataset data = CriticalPoints.withResidual(narrow, X, thetaStar, random);
        Fit star = Fit.of(entry, data, thetaStar);
        assertThat(star.loss).as("θ* is not a perfect fit").isGreaterThan(0.01);

        PhiTraits traits = narrow.traits();
        Embeddings checked = Embeddings.of(narrow, wide);
        Embeddings forced = checked.forced();
        int p = Math.max(1, traits.homogeneityDegree());

        check(Construction.DUPLICATION, traits, star, wideEntry, data,
                forced.duplicate(thetaStar, 1, 0.3), 1.0);
        check(Construction.ZERO_UNIT, traits, star, wideEntry, data, forced.zeroUnit(thetaStar), 1.0);
        for (double gammaU : new double[] {0.6, -0.6}) {
            double gammaV = 0.8;
            boolean applies = Construction.HOMOGENEOUS_SCALING.appliesTo(traits)
                    && (gammaU >= 0 || traits.negativeScalings());
            double[] theta = applies ? checked.scale(thetaStar, 0, gammaU, gammaV)
                    : forced.scale(thetaStar, 0, gammaU, gammaV);
            // ∂L/∂u_H = γ_v γ_u^{p−1} ∂L/∂u*_0, ∂L/∂v_H = γ_u^p ∂L/∂v*_0 and unit 0 keeps
            // (1 − γ_u^p γ_v) of its gradient: each at most c = 1 + |γ_u|^p (1 + |γ_v|) times θ*'s.
            double c = 1 + Math.pow(Math.abs(gammaU), p) * (1 + gammaV);
            verify(applies, "homogeneous scaling γ_u = " + gammaU, star, wideEntry, data, theta, c);
        }
        double[] combined = Construction.LINEAR_COMBINATION.appliesTo(traits)
                ? checked.combine(thetaStar, GAMMA_U, GAMMA_V)
                : forced.combine(thetaStar, GAMMA_U, GAMMA_V);
        // Linear φ: ∂L/∂u_H = Σ_k γ_vk ∂L/∂u*_k, ∂L/∂v_H = Σ_j γ_uj ∂L/∂v*_j and the old readouts
        // change by γ_uj Σ_k γ_vk v*_k: at most (1 + Σ|γ_u|)(1 + Σ|γ_v|) times θ*'s gradient.
        check(Construction.LINEAR_COMBINATION, traits, star, wideEntry, data, combined,
                (1 + 0.75) * (1 + 1.25));
    }

    private static void check(Construction construction, PhiTraits traits, Fit star,
            Catalogue.Entry wide, Dataset data, double[] theta, double c) {
        verify(construction.appliesTo(traits), construction.toString(), star, wide, data, theta, c);
    }

    /**
     * Applicable: the outputs agree within the round-off of two sums of the same terms, and
     * ‖∇L_wide‖ ≤ c (‖∇L(θ*)‖ + ‖δg*‖) + ‖δg_wide‖, where the δg are the round-off bounds of
     * {@link Magnitudes} (the exact wide gradient is c-bounded by the exact narrow one, which
     * the computed one bounds up to δg*). Inapplicable: the gradient exceeds that bound 10⁶-fold.
     */
    private static void verify(boolean applies, String what, Fit star, Catalogue.Entry wide,
            Dataset data, double[] theta, double c) {
        Fit fit = Fit.of(wide, data, theta);
        double bound = c * (star.gradientNorm + star.gradientError) + fit.gradientError;
        if (applies) {
            assertThat(fit.gradientNorm).as(what + " keeps ∇L = 0").isLessThanOrEqualTo(bound);
            for (int mu = 0; mu < data.samples() * wide.network().outputSize(); mu++) {
                double tolerance = 2 * Magnitudes.gamma(fit.magnitudes.depth())
                        * (fit.outputMagnitude.data[mu] + star.outputMagnitude.data[mu]);
                assertThat(Math.abs(fit.outputs.data[mu] - star.outputs.data[mu]))
                        .as(what + " keeps the map").isLessThanOrEqualTo(tolerance);
            }
        } else {
            assertThat(fit.gradientNorm).as(what + " breaks the fixed point")
                    .isGreaterThan(1e6 * bound);
        }
    }

    /** Outputs, loss, gradient norm and round-off bounds of one network at one θ. */
    private record Fit(DMatrixRMaj outputs, DMatrixRMaj outputMagnitude, double loss,
            double gradientNorm, double gradientError, Magnitudes magnitudes) {
        static Fit of(Catalogue.Entry entry, Dataset data, double[] theta) {
            Network network = entry.network();
            double[] gradient = new double[theta.length];
            double loss = network.objective(data).lossAndGradient(theta, gradient);
            Magnitudes m = Magnitudes.of(network, data, theta);
            double norm = 0;
            double error = 0;
            for (int j = 0; j < theta.length; j++) {
                norm += gradient[j] * gradient[j];
                error += m.entry(j) * m.entry(j);
            }
            double[] absTheta = theta.clone();
            for (int j = 0; j < theta.length; j++) {
                absTheta[j] = Math.abs(theta[j]);
            }
            DMatrixRMaj absX = data.X().copy();
            for (int k = 0; k < absX.data.length; k++) {
                absX.data[k] = Math.abs(absX.data[k]);
            }
            DMatrixRMaj magnitude = entry.magnitudeNetwork().predict(absTheta, absX);
            return new Fit(network.predict(theta, data.X()), magnitude, loss, Math.sqrt(norm),
                    Math.sqrt(error), m);
        }
    }
}
