package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saddlecheck.dynamics.GradientDescent;
import org.saddlecheck.dynamics.Observer;
import org.saddlecheck.dynamics.PiecewiseFlow;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.PiecewiseObjective;
import org.saddlecheck.network.ReluRegions;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.task.Dataset;

/**
 * The conservation claims on ReLU networks: the flow, integrated region by region and sliding
 * along kinks where it must, keeps ‖u_i‖² − v_i² within its local-error allowance, and gradient
 * descent drifts by η∫q dt to first order; both hold at their default budgets and fail when ∂L/∂v
 * is off by 1%.
 */
class ReluConservationClaimsTests {

    /** A ReLU network of the conservation claims' family: whitened data with 16 samples, θ(0). */
    private record Case(NetworkSpec spec, long dataSeed, double scale, long initSeed) {
        Network network() {
            return AnyNetwork.network(spec);
        }

        Dataset data() {
            return AnyNetwork.dataset(AnyNetwork.data(spec, dataSeed, 16), spec);
        }

        double[] theta0() {
            return ScenarioResolver.initialTheta(InitSpec.gaussian(scale, initSeed),
                    network().parameterCount());
        }
    }

    private static NetworkSpec spec(boolean bias) {
        return new NetworkSpec("relu", 2, 3, 1, bias, 0, 0, 0, 0);
    }

    /** Whitened data with 16 samples; the seed is arbitrary. */
    private static Dataset data(NetworkSpec spec) {
        return AnyNetwork.dataset(AnyNetwork.data(spec, 21, 16), spec);
    }

    /**
     * θ(0) = 0.3·N(0, 1). Seed 23: with it the flow crosses kinks 11 times before t = 10 and never
     * slides along one, the regime of the drift claim.
     */
    private static double[] theta0(Network n) {
        return ScenarioResolver.initialTheta(InitSpec.gaussian(0.3, 23), n.parameterCount());
    }

    private static PiecewiseObjective regions(Network n, Dataset data) {
        return ReluRegions.of((FullyConnected) n, data);
    }

    private static void holdsAtTheDefaultBudget(Claim claim) {
        Spec spec = SpecLibrary.load().get(claim.id());
        // The fixed master seed of mvn test, so that a failure replays.
        SearchResult result = Search.run(claim, new Search.Settings(
                Verification.seedFromProperties(), spec.tries(), 2), SearchListener.NONE);
        assertThat(result.passed()).as(result.toString()).isTrue();
    }

    @Test
    void theFlowClaimHoldsOnEveryKindAtItsDefaultBudget() {
        holdsAtTheDefaultBudget(ConservationClaims.flowConserves());
    }

    @Test
    void theReluDescentDriftClaimHoldsAtItsDefaultBudget() {
        holdsAtTheDefaultBudget(ConservationClaims.reluDescentDrift());
    }

    @Test
    void thePiecewiseFlowConservesTheUnitQuantityAndFailsWithAWrongReadoutFactor() {
        for (boolean bias : List.of(false, true)) {
            NetworkSpec s = spec(bias);
            Network n = AnyNetwork.network(s);
            Outcome right = ConservationClaims.checkPiecewiseFlow(n, regions(n, data(s)),
                    theta0(n));
            Outcome wrong = ConservationClaims.checkPiecewiseFlow(n,
                    new BrokenRegions(regions(n, data(s)), n), theta0(n));

            assertThat(right.held()).as(right.description()).isTrue();
            assertThat(wrong.verdict()).as(wrong.description())
                    .isEqualTo(Outcome.Verdict.VIOLATED);
        }
    }

    @Test
    void theReluDescentDriftFollowsTheFlowIntegralAndNotWithAWrongReadoutFactor() {
        NetworkSpec s = spec(false);
        Network n = AnyNetwork.network(s);
        double eta = ConservationClaims.HALVING_TIME / 400;
        Outcome right = ConservationClaims.checkReluDrift(n, regions(n, data(s)), data(s),
                theta0(n), eta);
        Network broken = new BrokenNetwork(n, BrokenNetwork.Bug.READOUT_FACTOR);
        Outcome wrong = ConservationClaims.checkReluDrift(broken,
                new BrokenRegions(regions(n, data(s)), n), data(s), theta0(n), eta);

        assertThat(right.held()).as(right.description()).isTrue();
        assertThat(wrong.verdict()).as(wrong.description()).isEqualTo(Outcome.Verdict.VIOLATED);
    }

    /**
     * Two runs of the flow claim's own family (whitened data with 16 samples, one output) whose
     * flow slides along kinks, two or more at once, for over a quarter of t ≤ 30: 4 units
     * without bias (data seed 88629, θ(0) = 0.39·N(0, 1) with seed 758521) and 4 units with bias
     * on three inputs (data seed 446854, θ(0) = 0.4·N(0, 1) with seed 466749).
     */
    @Test
    void theFlowKeepsTheUnitQuantityWhileSlidingAndFailsWithAWrongReadoutFactor() {
        for (Case c : List.of(new Case(new NetworkSpec("relu", 4, 2, 1, false, 0, 0, 0, 0),
                        88629, 0.39, 758521),
                new Case(new NetworkSpec("relu", 4, 3, 1, true, 0, 0, 0, 0), 446854, 0.4,
                        466749))) {
            Network n = c.network();
            Dataset data = c.data();
            double[] theta0 = c.theta0();
            PiecewiseFlow.Run run = new PiecewiseFlow(ConservationClaims.FLOW_TOLERANCE).run(
                    regions(n, data), theta0, ConservationClaims.END_TIME, Observer.NONE,
                    PiecewiseFlow.NO_INTEGRAND);
            Outcome right = ConservationClaims.checkPiecewiseFlow(n, regions(n, data), theta0);
            Outcome wrong = ConservationClaims.checkPiecewiseFlow(n,
                    new BrokenRegions(regions(n, data), n), theta0);

            assertThat(run.mostSurfaces()).isGreaterThanOrEqualTo(2);
            assertThat(run.slidingTime()).isGreaterThan(ConservationClaims.END_TIME / 4);
            assertThat(right.held()).as(right.description()).isTrue();
            assertThat(wrong.verdict()).as(wrong.description())
                    .isEqualTo(Outcome.Verdict.VIOLATED);
        }
    }

    /**
     * Along the flow, per unit i: q_ii(θ̇), the chattering term Σ α_l(1 − α_l) q_ii(d_l) over the
     * kinks l of unit i slid along (k = i·P + n), and the time during which two kinks of one unit
     * were slid along together, where the cross terms are not known.
     */
    private static final class ChatteringQ implements PiecewiseFlow.Integrand {
        private final Network network;
        private final int samples;

        ChatteringQ(Network network, int samples) {
            this.network = network;
            this.samples = samples;
        }

        @Override
        public int size() {
            return 2 * network.width() + 1;
        }

        /** Off the kinks: q_ii(θ̇) and no chattering term. */
        @Override
        public void evaluate(double[] theta, double[] thetaDot, double[] out) {
            Arrays.fill(out, 0.0);
            for (int i = 0; i < network.width(); i++) {
                out[i] = ConservationClaims.pairing(network, thetaDot, thetaDot, i, i);
            }
        }

        @Override
        public void evaluate(double[] theta, double[] thetaDot, PiecewiseFlow.Sliding sliding,
                double[] out) {
            evaluate(theta, thetaDot, out);
            int h = network.width();
            int[] perUnit = new int[h];
            for (int j = 0; j < sliding.count(); j++) {
                int i = sliding.surface(j) / samples;
                double a = sliding.fraction(j);
                double[] d = sliding.jump(j);
                out[h + i] += a * (1 - a) * ConservationClaims.pairing(network, d, d, i, i);
                perUnit[i]++;
            }
            for (int count : perUnit) {
                out[2 * h] = Math.max(out[2 * h], count > 1 ? 1 : 0);
            }
        }
    }

    /**
     * Where the flow slides along a kink of unit i with fraction α, gradient descent chatters
     * across it and S(h) = D(h)/h tends to A + C, C = ∫α(1 − α) q_ii(d) dt, not to A = ∫q_ii dt
     * (the derivation is in the spec of the descent-drift claim). Two trials of that claim's
     * family that it discards because the flow slides, each along one kink of a unit at a time:
     * 1 unit with bias on 2 inputs (data seed 33503, θ(0) = 0.22·N(0, 1) with seed 595116) and 2
     * units without bias on 3 inputs (data seed 442735, θ(0) = 0.5·N(0, 1) with seed 205089).
     */
    @Test
    void underChatteringTheDescentDriftTendsToTheFlowIntegralPlusTheChatteringTerm() {
        for (Case c : List.of(new Case(new NetworkSpec("relu", 1, 2, 1, true, 0, 0, 0, 0),
                        33503, 0.22, 595116),
                new Case(new NetworkSpec("relu", 2, 3, 1, false, 0, 0, 0, 0), 442735, 0.5,
                        205089))) {
            Network n = c.network();
            Dataset data = c.data();
            double[] theta0 = c.theta0();
            double end = ConservationClaims.HALVING_TIME;
            PiecewiseFlow.Run flow = new PiecewiseFlow(ConservationClaims.FLOW_TOLERANCE).run(
                    regions(n, data), theta0, end, Observer.NONE,
                    new ChatteringQ(n, data.samples()));
            int h = n.width();
            int unit = 0;
            for (int i = 1; i < h; i++) {
                if (Math.abs(flow.integrals()[h + i]) > Math.abs(flow.integrals()[h + unit])) {
                    unit = i;
                }
            }
            double a = flow.integrals()[unit];
            double chattering = flow.integrals()[h + unit];
            assertThat(flow.slid()).isTrue();
            assertThat(flow.integrals()[2 * h]).isZero();

            // first order: the error of S(h) against A + C shrinks a hundredfold from η = 10⁻²
            // to 10⁻⁴, of which 20 is asked (the part set by the chattering phase is O(η) but not
            // proportional to η); and C is at least ten times that error at 10⁻⁴, so the test
            // tells A + C from A
            double[] error = new double[2];
            for (int k = 0; k < 2; k++) {
                double eta = 1e-2 / Math.pow(100, k);
                double[] theta = new GradientDescent(eta).run(n.objective(data), theta0,
                        RunPlan.until(end)).finalTheta();
                double s = (ConservationClaims.pairing(n, theta, theta, unit, unit)
                        - ConservationClaims.pairing(n, theta0, theta0, unit, unit)) / eta;
                error[k] = Math.abs(s - a - chattering);
            }
            assertThat(error[1]).isLessThanOrEqualTo(error[0] / 20);
            assertThat(Math.abs(chattering)).isGreaterThanOrEqualTo(10 * error[1]);
        }
    }
}
