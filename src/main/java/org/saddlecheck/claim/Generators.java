package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.List;
import org.saddlecheck.Require;
import org.saddlecheck.network.Activation;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.NetworkSpec;

/**
 * Named generators along the axes of the theory, each shrinking towards its simplest case: fewer
 * modes, ties, smaller sizes, exact powers of ten, the first network kind listed.
 *
 * <h2>Spectra</h2>
 * A spectrum s_1 ≥ s_2 ≥ … &gt; 0 (singular values of Σ_yx) is drawn in one of two forms:
 * <ul>
 *   <li>a chain of gap ratios (choice 0, three draws in four): s_1 a decimal in [1, 4], then each
 *       further mode either tied to the one before (choice 0, three in ten) or below it by the
 *       ratio s_{k+1}/s_k = 1 − δ, with the gap δ log-uniform over [10⁻³, 1) (simplest
 *       δ = 0.1);</li>
 *   <li>a power law s_n = n^−κ / Σ_m m^−κ (the paper's Figure 2), with κ a decimal in [0, 2]
 *       (κ = 0: all tied) and a uniform number of modes.</li>
 * </ul>
 * The regimes of a spectrum are named by {@link #spectrumRegimes}.
 */
public final class Generators {

    /** A spectrum with one mode. */
    public static final String SINGLE_MODE = "single-mode";
    /** Two consecutive singular values exactly equal. */
    public static final String TIED = "tied";
    /** Two consecutive singular values within 1% of each other, but not equal. */
    public static final String NEARLY_TIED = "nearly-tied";
    /** Several modes, each at most 0.9 times the one before. */
    public static final String WELL_SEPARATED = "well-separated";
    /** Fewer modes than min(D_in, D_out): Σ_yx is rank-deficient. */
    public static final String RANK_DEFICIENT = "rank-deficient";

    /** Below this relative gap 1 − s_{k+1}/s_k two distinct modes count as nearly tied. */
    public static final double NEARLY_TIED_GAP = 0.01;
    /** At or below this ratio s_{k+1}/s_k for every k, modes count as well separated. */
    public static final double WELL_SEPARATED_RATIO = 0.9;

    private Generators() {
    }

    /** Spectra of 1 to {@code maxModes} values, in either form (see the class comment). */
    public static Gen<double[]> spectra(int maxModes) {
        Gen<double[]> chain = gapSpectra(maxModes);
        Gen<double[]> powerLaw = powerLawSpectra(maxModes);
        Gen<double[]> either = c -> c.flag(0.25) ? powerLaw.draw(c) : chain.draw(c);
        return either.named("spectrum");
    }

    /** Spectra as a chain of gap ratios from s_1 (see the class comment). */
    public static Gen<double[]> gapSpectra(int maxModes) {
        Require.positive("most modes", maxModes);
        Gen<Double> top = Gen.decimals(1, 4, 2);
        Gen<List<Double>> ratios = Gen.lists(gapRatios(), 0, maxModes - 1);
        Gen<double[]> chain = c -> {
            double first = top.draw(c);
            List<Double> r = ratios.draw(c);
            double[] s = new double[r.size() + 1];
            s[0] = first;
            for (int k = 1; k < s.length; k++) {
                s[k] = s[k - 1] * r.get(k - 1);
            }
            return s;
        };
        return chain.named("gap-spectrum");
    }

    /** Power-law spectra s_n = n^−κ / Σ_m m^−κ with κ in [0, 2] (paper, Section 6.3). */
    public static Gen<double[]> powerLawSpectra(int maxModes) {
        Require.positive("most modes", maxModes);
        Gen<Double> kappa = Gen.decimals(0, 2, 2);
        Gen<Integer> modes = Gen.integers(1, maxModes);
        Gen<double[]> law = c -> {
            double k = kappa.draw(c);
            int n = modes.draw(c);
            double[] s = new double[n];
            double sum = 0;
            for (int m = 1; m <= n; m++) {
                sum += Math.pow(m, -k);
            }
            for (int m = 1; m <= n; m++) {
                s[m - 1] = Math.pow(m, -k) / sum;
            }
            return s;
        };
        return law.named("power-law-spectrum");
    }

    /**
     * Ratios s_{k+1}/s_k: 1 (a tie, choice 0) with probability 0.3, else 1 − δ with δ
     * log-uniform over [10⁻³, 1) and simplest δ = 0.1.
     */
    public static Gen<Double> gapRatios() {
        Gen<Double> gap = Gen.scales(-1, -3, 2);
        Gen<Double> ratio = c -> c.flag(0.7) ? 1 - gap.draw(c) : 1.0;
        return ratio.named("gap-ratio");
    }

    /**
     * The regimes of a spectrum of Σ_yx for a network with {@code inputs} inputs and
     * {@code outputs} outputs: {@link #SINGLE_MODE}, {@link #TIED}, {@link #NEARLY_TIED},
     * {@link #WELL_SEPARATED}, {@link #RANK_DEFICIENT}.
     */
    public static List<String> spectrumRegimes(double[] s, int inputs, int outputs) {
        List<String> out = new ArrayList<>();
        if (s.length == 1) {
            out.add(SINGLE_MODE);
        }
        boolean tied = false;
        boolean nearlyTied = false;
        boolean separated = s.length > 1;
        for (int k = 1; k < s.length; k++) {
            double ratio = s[k] / s[k - 1];
            tied |= ratio == 1;
            nearlyTied |= ratio != 1 && 1 - ratio < NEARLY_TIED_GAP;
            separated &= ratio <= WELL_SEPARATED_RATIO;
        }
        if (tied) {
            out.add(TIED);
        }
        if (nearlyTied) {
            out.add(NEARLY_TIED);
        }
        if (separated) {
            out.add(WELL_SEPARATED);
        }
        if (s.length < Math.min(inputs, outputs)) {
            out.add(RANK_DEFICIENT);
        }
        return out;
    }

    /** Seeds of random orthogonal bases and Gaussian draws; simplest 0. */
    public static Gen<Long> seeds() {
        return Gen.seeds().named("seed");
    }

    /**
     * Initialization scales ε, log-uniform over the decades 10^{@code largest} down to
     * 10^{@code smallest}; simplest exactly 10^{@code largest}.
     */
    public static Gen<Double> initScales(int largest, int smallest) {
        Require.that(smallest <= largest, "the smallest decade 10^" + smallest
                + " must not be above the largest 10^" + largest);
        return Gen.scales(largest, smallest, 2).named("init-scale");
    }

    /**
     * Learning rates η, log-uniform over the decades 10^{@code largest} down to
     * 10^{@code smallest}; simplest exactly 10^{@code largest}.
     */
    public static Gen<Double> learningRates(int largest, int smallest) {
        Require.that(smallest <= largest, "the smallest decade 10^" + smallest
                + " must not be above the largest 10^" + largest);
        return Gen.scales(largest, smallest, 2).named("learning-rate");
    }

    /** Widths H in [{@code fewest}, {@code most}], log-uniform; simplest {@code fewest}. */
    public static Gen<Integer> widths(int fewest, int most) {
        return Gen.sizes(fewest, most).named("width");
    }

    /** Input or output dimensions in [1, {@code most}], log-uniform; simplest 1. */
    public static Gen<Integer> dimensions(int most) {
        return Gen.sizes(1, most).named("dimension");
    }

    /** One of {@code kinds}, uniform; simplest the first. */
    public static Gen<Activation> activations(Activation... kinds) {
        return Gen.oneOf(kinds).named("activation");
    }

    /**
     * Fully connected networks: an activation among {@code kinds}, D_in in [1, maxInputs],
     * D_out in [1, maxOutputs], H in [fewestUnits, mostUnits], and, when {@code bias}, a bias
     * with probability ½ (no bias is simpler).
     */
    public static Gen<NetworkSpec> fullyConnected(Activation[] kinds, int maxInputs,
            int maxOutputs, int fewestUnits, int mostUnits, boolean bias) {
        Gen<Activation> kind = activations(kinds);
        Gen<Integer> inputs = dimensions(maxInputs);
        Gen<Integer> outputs = dimensions(maxOutputs);
        Gen<Integer> width = widths(fewestUnits, mostUnits);
        Gen<NetworkSpec> network = c -> {
            Activation a = kind.draw(c);
            int dIn = inputs.draw(c);
            int dOut = outputs.draw(c);
            int h = width.draw(c);
            boolean withBias = bias && c.flag(0.5);
            return new NetworkSpec(a.id(), h, dIn, dOut, withBias, 0, 0, 0, 0);
        };
        return network.named("network");
    }

    /**
     * Whitened regression data (the task package's whitened regression) for {@code network}: a
     * seed, P = D_in plus 0 to {@code maxExtraSamples} samples, and a spectrum of at most
     * min(D_in, D_out) modes.
     */
    public static Gen<DataSpec> whitenedRegression(NetworkSpec network, int maxExtraSamples) {
        Gen<Long> seed = seeds();
        Gen<Integer> extra = Gen.sizes(1, maxExtraSamples + 1).map(k -> k - 1);
        Gen<double[]> spectrum = spectra(Math.min(network.inputs(), network.outputs()));
        Gen<DataSpec> data = c -> {
            long s = seed.draw(c);
            int p = network.inputs() + extra.draw(c);
            return DataSpec.generated(DataSpec.WHITENED, s, p, spectrum.draw(c));
        };
        return data.named("data");
    }
}
