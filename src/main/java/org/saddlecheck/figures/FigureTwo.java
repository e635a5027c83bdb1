package org.saddlecheck.figures;

import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.task.Spectra;

/**
 * The sweeps of the paper's Figure 2 (reconstructed settings): (A) the width H of the linear
 * network and the number of heads of linear self-attention; (B) the spectrum s_n = n^{−κ}
 * normalised to sum to 1 (three values, {@link Spectra#powerLaw}) for both; (C/D) the
 * initialization, see {@link LowRankInit} and the isotropic ladder of the Figure 1 linear network.
 */
public final class FigureTwo {

    /** Number of values of the Figure 2 spectrum. */
    public static final int MODES = 3;

    private FigureTwo() {
    }

    /** The linear Figure 1 network with width {@code width}. */
    public static Scenario linearWidth(int width, double epsilon, long seed) {
        Scenario s = FigureOne.scenario(FigureOne.Panel.LINEAR_FC, epsilon, seed);
        return s.withNetwork(s.network().withWidth(width));
    }

    /** The attention Figure 1 network with {@code heads} heads. */
    public static Scenario attentionHeads(int heads, double epsilon, long seed) {
        Scenario s = FigureOne.scenario(FigureOne.Panel.ATTENTION, epsilon, seed);
        return s.withNetwork(s.network().withWidth(heads));
    }

    /**
     * A linear network 3 → 3, H = 50, on whitened data whose Σ_yx has the Figure 2 spectrum with
     * exponent κ; gradient flow until 1.3 times the slowest mode's half-learning time
     * (1/(2s_3)) ln(2s_3/(Hε²)) plus 8/s_3.
     */
    public static Scenario linearSpectrum(double kappa, double epsilon, long seed) {
        double[] s = Spectra.powerLaw(MODES, kappa);
        double slowest = s[MODES - 1];
        double end = 1.3 * Math.log(2 * slowest / (FigureOne.WIDE * epsilon * epsilon))
                / (2 * slowest) + 8 / slowest;
        return FigureOne.withSnapshotGrid(new Scenario(NetworkSpec.fullyConnected("linear", MODES,
                MODES, FigureOne.WIDE), DataSpec.generated(DataSpec.WHITENED, 1, 8, s),
                InitSpec.gaussian(epsilon, seed), DynamicsSpec.flow(end, 1e-8)));
    }

    /**
     * Linear self-attention with D = 3, N = 8, 10 heads, on in-context regression whose input
     * covariance Λ has the Figure 2 spectrum with exponent κ (normalised to sum to 1, so scaled
     * by 3 to keep the mean variance 1); gradient flow to 6/ε.
     */
    public static Scenario attentionSpectrum(double kappa, double epsilon, long seed) {
        double[] s = Spectra.powerLaw(MODES, kappa);
        double[] lambda = new double[MODES];
        for (int k = 0; k < MODES; k++) {
            lambda[k] = MODES * s[k];
        }
        return FigureOne.withSnapshotGrid(new Scenario(new NetworkSpec("attention",
                FigureOne.NARROW, 0, 0, false, 0, 0, MODES, 8), new DataSpec(DataSpec.IN_CONTEXT,
                4, 64, lambda, null, null), InitSpec.gaussian(epsilon, seed),
                DynamicsSpec.flow(6 / epsilon, 1e-8)));
    }
}
