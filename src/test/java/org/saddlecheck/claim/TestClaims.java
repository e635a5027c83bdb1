package org.saddlecheck.claim;

import java.util.List;
import org.saddlecheck.network.Activation;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;

/**
 * Claims made up to test the engine: some deliberately false with a known minimal
 * counterexample, some true. None is part of the catalogue.
 */
final class TestClaims {

    private TestClaims() {
    }

    /**
     * A trial whose data has {@code spectrum}: a linear network just wide and deep enough for it,
     * and a fixed initialization (the claims below read only the spectrum).
     */
    static Trial spectrumTrial(double[] spectrum) {
        int d = spectrum.length;
        return Trial.of(new Scenario(NetworkSpec.fullyConnected("linear", d, d, d),
                DataSpec.generated(DataSpec.WHITENED, 0, d, spectrum), InitSpec.gaussian(1, 0),
                null));
    }

    /**
     * False: "every spectrum has s_2/s_1 &lt; 0.9". Minimal counterexample: two tied modes of the
     * simplest top value, [1.0, 1.0].
     */
    static Claim secondGapBelow(Gen<double[]> spectra) {
        return Claim.in(TestClaims.class, "test.second-ratio-below-0.9")
                .trials(spectra.map(TestClaims::spectrumTrial))
                .regimes(t -> Generators.spectrumRegimes(t.scenario().data().spectrum(), 4, 4))
                .check(t -> {
                    double[] s = t.scenario().data().spectrum();
                    double ratio = s.length < 2 ? 0 : s[1] / s[0];
                    return Outcome.atMost(ratio, Math.nextDown(0.9), "s_2/s_1 = " + ratio);
                })
                .build();
    }

    /** Full network trials: kind, sizes, data, initialization scale and seed. */
    static Gen<Trial> networkTrials(int mostUnits) {
        Gen<NetworkSpec> networks = Generators.fullyConnected(Activation.values(), 6, 4, 1,
                mostUnits, true);
        Gen<Double> scales = Generators.initScales(0, -8);
        Gen<Long> seeds = Generators.seeds();
        return c -> {
            NetworkSpec n = networks.draw(c);
            DataSpec d = Generators.whitenedRegression(n, 24).draw(c);
            InitSpec i = InitSpec.gaussian(scales.draw(c), seeds.draw(c));
            return Trial.of(new Scenario(n, d, i, null));
        };
    }

    /** False: "every width H is below 5". Minimal counterexample: H = 5, all else simplest. */
    static Claim widthBelowFive() {
        return Claim.in(TestClaims.class, "test.width-below-5")
                .trials(networkTrials(64))
                .check(t -> Outcome.atMost(t.scenario().network().width(), 4,
                        "H = " + t.scenario().network().width()))
                .build();
    }

    /** A check that throws for H ≥ 3: shrinks to H = 3 and is reported as an error. */
    static Claim throwsFromWidthThree() {
        return Claim.in(TestClaims.class, "test.throws-from-width-3")
                .trials(networkTrials(64))
                .check(t -> {
                    if (t.scenario().network().width() >= 3) {
                        throw new IllegalStateException("width " + t.scenario().network().width());
                    }
                    return Outcome.within(0, 0, 0, "fine");
                })
                .build();
    }

    /** True, with a measurement: the spectrum is positive and non-increasing. */
    static Claim spectraAreOrdered() {
        return Claim.in(TestClaims.class, "test.spectra-are-ordered")
                .trials(Generators.spectra(4).map(TestClaims::spectrumTrial))
                .regimes(t -> Generators.spectrumRegimes(t.scenario().data().spectrum(), 4, 4))
                .require(Generators.TIED, 0.05)
                .check(t -> {
                    double[] s = t.scenario().data().spectrum();
                    double worst = s[0] > 0 ? 0 : 1;
                    for (int k = 1; k < s.length; k++) {
                        worst = Math.max(worst, s[k] - s[k - 1]);
                    }
                    return Outcome.atMost(worst, Double.MIN_VALUE, "largest rise " + worst);
                })
                .build();
    }

    /**
     * False: "tanh units keep their ray": the deviation |∇θ_i − γ∇θ_j| measured on the real
     * objective must be at most 10⁻³⁰⁰. Its counterexample carries a measured double that depends
     * on every bit of the trial.
     */
    static Claim tanhKeepsTheRay() {
        Claim template = ManifoldGradientClaims.proportionalTanhUnits();
        return Claim.in(TestClaims.class, "test.tanh-keeps-the-ray")
                .trials(template.trials())
                .check(t -> {
                    TrialSetup s = TrialSetup.of(t);
                    double[] theta = s.theta();
                    int h = s.network().unitSize();
                    int i = s.network().uOffset(t.integer("unit"));
                    int j = s.network().uOffset(t.integer("other"));
                    double gamma = t.parameter("gamma");
                    for (int k = 0; k < h; k++) {
                        theta[i + k] = gamma * theta[j + k];
                    }
                    double[] g = new double[theta.length];
                    s.network().objective(s.data()).lossAndGradient(theta, g);
                    double deviation = 0;
                    for (int k = 0; k < h; k++) {
                        deviation = Math.max(deviation, Math.abs(g[i + k] - gamma * g[j + k]));
                    }
                    return Outcome.atMost(deviation, 1e-300, "deviation " + deviation);
                })
                .build();
    }

    /** Discards every trial: the search must report an error, not a pass. */
    static Claim discardsEverything() {
        return Claim.in(TestClaims.class, "test.discards-everything")
                .trials(Generators.spectra(2).map(TestClaims::spectrumTrial))
                .check(t -> Outcome.discard("never applicable"))
                .build();
    }

    /** The claims the thread-count test compares. */
    static List<Claim> mixed() {
        return List.of(widthBelowFive(), tanhKeepsTheRay(), spectraAreOrdered(),
                ManifoldGradientClaims.proportionalUnits());
    }
}
