package org.saddlecheck.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.PiecewiseObjective;
import org.saddlecheck.network.ReluRegions;
import org.saddlecheck.task.Dataset;

/**
 * The region-by-region flow against exact solutions: a one-dimensional loss with one kink at
 * θ = 1 (L₁ = ½k₁θ² above it, L₀ = ½k₀θ² + bθ below), crossed or slid along, and a
 * two-dimensional one whose sliding motion ends at a known time; on a ReLU network, against
 * gradient descent, whose iterates chatter across the kinks and tend to the sliding flow.
 */
class PiecewiseFlowTests {

    private static final double R = 1e-10;
    private static final double END = 5;

    /**
     * A test loss whose kinks are the planes θ_k = offset(k), k &lt; switches(): switching value
     * θ_k − offset(k), active above it.
     */
    private interface AxisKinks extends PiecewiseObjective {
        /** Where kink k lies on axis k. */
        default double offset(int k) {
            return 0;
        }

        @Override
        default double switchingValue(double[] theta, int k) {
            return theta[k] - offset(k);
        }

        @Override
        default double switchingRate(double[] theta, double[] thetaDot, int k) {
            return thetaDot[k];
        }

        @Override
        default void pattern(double[] theta, boolean[] active) {
            for (int k = 0; k < switches(); k++) {
                active[k] = switchingValue(theta, k) > 0;
            }
        }

        @Override
        default double lossAndGradient(double[] theta, double[] gradient) {
            boolean[] active = new boolean[switches()];
            pattern(theta, active);
            return regionLossAndGradient(theta, active, gradient);
        }

        @Override
        default double loss(double[] theta) {
            return lossAndGradient(theta, new double[dimension()]);
        }

        /** The test losses are immutable records: one instance serves every thread. */
        @Override
        default AxisKinks copy() {
            return this;
        }
    }

    /** θ̇ = −k₁θ for θ &gt; 1 and −k₀θ − b below; the switching function is θ − 1. */
    private record Kinked(double k1, double k0, double b) implements AxisKinks {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double offset(int k) {
            return 1;
        }

        @Override
        public int switches() {
            return 1;
        }

        @Override
        public double regionLossAndGradient(double[] theta, boolean[] active, double[] gradient) {
            double x = theta[0];
            gradient[0] = active[0] ? k1 * x : k0 * x + b;
            return active[0] ? k1 * x * x / 2 : k0 * x * x / 2 + b * x;
        }
    }

    /** ∫θ dt, to check the quadrature. */
    private static final PiecewiseFlow.Integrand THETA = new PiecewiseFlow.Integrand() {
        @Override
        public int size() {
            return 1;
        }

        @Override
        public void evaluate(double[] theta, double[] thetaDot, double[] out) {
            out[0] = theta[0];
        }
    };

    @Test
    void followsTheExactSolutionAcrossTheKinkAndIntegratesAlongIt() {
        Kinked loss = new Kinked(1, 2, 0.5);
        List<Double> times = new ArrayList<>();
        PiecewiseFlow.Run run = new PiecewiseFlow(R).run(loss, new double[] {3}, END,
                (t, l, theta) -> times.add(t), THETA);

        // θ = 3e^{−t} reaches 1 at t₁ = ln 3; then θ = (1 + b/k₀)e^{−k₀(t − t₁)} − b/k₀
        double t1 = Math.log(3);
        double c = 1 + 0.5 / 2;
        double exact = c * Math.exp(-2 * (END - t1)) - 0.25;
        double integral = 3 * (1 - Math.exp(-t1)) + c * (1 - Math.exp(-2 * (END - t1))) / 2
                - 0.25 * (END - t1);
        // each accepted step adds at most r(ρ + max|θ|) = 4r (ρ = 3 ≥ |θ|), contracted after;
        // the switch placed within 10⁻¹²T of t₁ adds at most that time times the jump 1.5 of θ̇
        double bound = run.steps() * 4 * R + 1.5 * 1e-12 * END;
        assertThat(run.theta()[0]).isCloseTo(exact, within(bound));
        assertThat(run.integrals()[0]).isCloseTo(integral, within(bound * END));
        assertThat(run.crossings()).containsExactly(1);
        assertThat(run.slid()).isFalse();
        assertThat(times).isSorted().last().isEqualTo(END);
    }

    @Test
    void slidesAlongTheKinkToTheEndAsTheFilippovSolution() {
        // below the kink θ̇ = +2 points back up: from t₁ = ln 3 the flow slides on θ = 1 with
        // α(−θ) + (1 − α)·2 = 0, α = 2/3, and stays there
        Kinked loss = new Kinked(1, 0, -2);
        PiecewiseFlow.Run run = new PiecewiseFlow(R).run(loss, new double[] {3}, END,
                Observer.NONE, THETA);

        double t1 = Math.log(3);
        double integral = 3 * (1 - Math.exp(-t1)) + (END - t1);
        // the entry is placed within 10⁻¹²T of t₁ after the root of the dense output, whose error
        // is of the order of the accepted local errors, 4r per step in θ, over |θ̇| = 1; on the
        // kink the sliding field is zero, so θ keeps its entry value
        double bound = run.steps() * 4 * R + 1e-12 * END;
        assertThat(run.slides()).isEqualTo(1);
        assertThat(run.crossings()).containsExactly(1);
        assertThat(run.time()).isEqualTo(END);
        assertThat(run.slidingTime()).isCloseTo(END - t1, within(bound));
        assertThat(run.theta()[0]).isCloseTo(1, within(bound));
        assertThat(run.integrals()[0]).isCloseTo(integral, within(bound * END));
    }

    /**
     * θ = (x, y) with one kink at x = 0. Regions L₁ (x &gt; 0) and L₀ (x &lt; 0) agree on it
     * (both are y there) and drive a sliding motion along it whose fraction α reaches 1
     * ({@code upper}) or 0 when y reaches 0:
     * <pre>
     *   upper:  L₁ = xy + y, L₀ = −x + y;     on x = 0, f⁺ = (−y, −1), f⁻ = (1, −1), α = 1/(1 + y)
     *   lower:  L₁ = x + y,  L₀ = −xy + y;    on x = 0, f⁺ = (−1, −1), f⁻ = (y, −1), α = y/(1 + y)
     * </pre>
     */
    private record Ridge(boolean upper) implements AxisKinks {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public int switches() {
            return 1;
        }

        @Override
        public double regionLossAndGradient(double[] theta, boolean[] active, double[] gradient) {
            double x = theta[0];
            double y = theta[1];
            boolean product = active[0] == upper;
            double sign = upper ? -1 : 1;
            gradient[0] = product ? -sign * y : sign;
            gradient[1] = product ? -sign * x + 1 : 1;
            return (product ? -sign * x * y : sign * x) + y;
        }
    }

    @Test
    void leavesTheKinkWhenTheFractionReachesOneOrZeroAtTheExactTime() {
        for (boolean upper : new boolean[] {true, false}) {
            // from (∓1, 3) the flow (±1, −1) meets x = 0 at t = 1, y = 2; it slides with ẏ = −1
            // until y = 0 at t = 3, where α reaches its bound and the flow leaves to the side of
            // that bound: x'' = x ± 1 from rest at the origin, x = ±(cosh(t − 3) − 1),
            // y = −sinh(t − 3)
            double end = 4;
            double sign = upper ? 1 : -1;
            PiecewiseFlow.Run run = new PiecewiseFlow(R).run(new Ridge(upper),
                    new double[] {-sign, 3}, end, Observer.NONE, PiecewiseFlow.NO_INTEGRAND);

            // each accepted step errs by at most √n·r(ρ + max|θ|) per entry (ρ = √5, |θ| ≤ 3);
            // the entry and the exit are located to 10⁻¹²T after roots of the dense output, met
            // at rates |ẋ| = 1 and |ẏ| = 1; after the exit errors grow at most by e^(t − 3) ≤ e
            // and a shift δ of the exit time moves θ(T) by at most δ·max|θ̇| ≤ δ·cosh 1
            double local = run.steps() * Math.sqrt(2) * R * (Math.sqrt(5) + 3);
            double timing = 2 * 1e-12 * end + 2 * local;
            double bound = Math.E * (local + timing * Math.cosh(1));
            assertThat(run.slides()).isEqualTo(1);
            assertThat(run.switches()).isEqualTo(2);
            assertThat(run.crossings()).containsExactly(1);
            assertThat(run.slidingTime()).isCloseTo(2, within(timing));
            assertThat(run.theta()[0]).isCloseTo(sign * (Math.cosh(1) - 1), within(bound));
            assertThat(run.theta()[1]).isCloseTo(-Math.sinh(1), within(bound));
        }
    }

    @Test
    void aSmoothRunHasNoSwitches() {
        Kinked loss = new Kinked(1, 2, 0.5);
        PiecewiseFlow.Run run = new PiecewiseFlow(R).run(loss, new double[] {0.5}, END,
                Observer.NONE, PiecewiseFlow.NO_INTEGRAND);

        // θ = (0.5 + b/k₀)e^{−k₀t} − b/k₀ stays below the kink
        assertThat(run.switches()).isZero();
        assertThat(run.theta()[0]).isCloseTo(0.75 * Math.exp(-2 * END) - 0.25,
                within(run.steps() * 4 * R));
    }

    /**
     * θ = (x, y) with kinks x = 0 (s₀ = x) and y = 0 (s₁ = y): L_a = (2a₀ − 1)x + (3a₁ − 1)y, so
     * θ̇ = (1 − 2a₀, 1 − 3a₁): ẋ = −1 right of x = 0 and +1 left of it, ẏ = −2 above y = 0 and +1
     * below. Both kinks attract from both sides.
     */
    private record Corner() implements AxisKinks {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public int switches() {
            return 2;
        }

        @Override
        public double regionLossAndGradient(double[] theta, boolean[] active, double[] gradient) {
            gradient[0] = active[0] ? 1 : -1;
            gradient[1] = active[1] ? 2 : -1;
            return gradient[0] * theta[0] + gradient[1] * theta[1];
        }
    }

    @Test
    void addsASecondSurfaceMetWhileSlidingAndRestsWhereBothAttract() {
        // from (−1, 2.5) the flow (1, −2) meets x = 0 at t = 1, y = 0.5; it slides with α₀ = ½,
        // ẏ = −2, and meets y = 0 at t = 1.25, where it slides along both kinks (α₁ = 1/3) with
        // θ̇ = 0: θ = (0, 0) from then on
        double end = 3;
        PiecewiseFlow.Run run = new PiecewiseFlow(R).run(new Corner(), new double[] {-1, 2.5},
                end, Observer.NONE, PiecewiseFlow.NO_INTEGRAND);

        // each accepted step errs by at most √n·r(ρ + max|θ|) per entry (ρ = √(7.25/2) < 2,
        // |θ| ≤ 2.5); the two entries are located to 10⁻¹²T after roots of the dense output met
        // at rates |ẋ| = 1 and |ẏ| = 2; on the kinks the field is zero, so θ keeps its values
        double local = run.steps() * Math.sqrt(2) * R * (2 + 2.5);
        double bound = local + 2 * 1e-12 * end * Math.sqrt(5);
        assertThat(run.slides()).isEqualTo(2);
        assertThat(run.mostSurfaces()).isEqualTo(2);
        assertThat(run.crossings()).containsExactly(1, 1);
        assertThat(run.slidingTime()).isCloseTo(end - 1, within(bound));
        assertThat(run.uniqueUntil()).isEqualTo(end);
        assertThat(run.theta()[0]).isCloseTo(0, within(bound));
        assertThat(run.theta()[1]).isCloseTo(0, within(bound));
    }

    /**
     * θ = (x, y) with one kink at x = 0: L₁ = xy + y (x &gt; 0), L₀ = −xy + y (x &lt; 0). On the
     * kink f⁺ = (−y, −1) and f⁻ = (y, −1): for y &gt; 0 both point at it (α = ½), and both turn
     * tangent together at y = 0 and point away below, the way a ReLU kink stops attracting where
     * its sample's residual along the readout changes sign.
     */
    private record Fold() implements AxisKinks {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public int switches() {
            return 1;
        }

        @Override
        public double regionLossAndGradient(double[] theta, boolean[] active, double[] gradient) {
            double sign = active[0] ? 1 : -1;
            gradient[0] = sign * theta[1];
            gradient[1] = sign * theta[0] + 1;
            return sign * theta[0] * theta[1] + theta[1];
        }
    }

    @Test
    void reportsWhereASlidingSurfaceStopsAttractingAndKeepsSliding() {
        // from (−1, 3), ẋ = y, ẏ = x − 1: x = 1 − 2cosh t + 3sinh t meets 0 where e^t = u,
        // ½u² + u − 5/2 = 0, u = √6 − 1, with y = ½u + 5/(2u); then it slides with ẏ = −1, and
        // the kink stops attracting at y = 0; the run keeps sliding: x = 0, y = y_e − (t − t_e)
        double end = 6;
        double u = Math.sqrt(6) - 1;
        double entry = Math.log(u);
        double ye = u / 2 + 2.5 / u;
        PiecewiseFlow.Run run = new PiecewiseFlow(R).run(new Fold(), new double[] {-1, 3}, end,
                Observer.NONE, PiecewiseFlow.NO_INTEGRAND);

        // uniqueUntil is the first accepted step end at or after t_e + y_e; steps are at most
        // T/100; the state errs by the accepted local errors (growth at most e^(t_e) < 2 before
        // the kink, none along it where ẏ = −1) plus the entry's location times |θ̇| ≤ 3
        double local = 2 * run.steps() * Math.sqrt(2) * R * (Math.sqrt(5) + 3);
        double bound = local + 1e-12 * end * 3;
        assertThat(run.slides()).isEqualTo(1);
        assertThat(run.uniqueUntil()).isBetween(entry + ye - bound, entry + ye + end / 100);
        assertThat(run.theta()[0]).isCloseTo(0, within(bound));
        assertThat(run.theta()[1]).isCloseTo(ye - (end - entry), within(bound));
    }

    /**
     * A ReLU network (2 inputs with bias, 3 units, one output) on 16 Gaussian samples with Gaussian
     * targets that it cannot fit, and θ(0) = 0.3·N(0, 1): the flow slides for most of t ≤ 30.
     * Seed 10: its flow slides along up to three kinks at once, each attracting to the end.
     */
    private static final long SLIDING_SEED = 10;

    @Test
    void gradientDescentTendsToTheSlidingFlowOfAReluNetworkAtFirstOrder() {
        SplittableRandom random = new SplittableRandom(SLIDING_SEED);
        FullyConnected network = new FullyConnected(Activation.RELU, 2, 1, 3, true);
        DMatrixRMaj x = new DMatrixRMaj(16, 2);
        DMatrixRMaj y = new DMatrixRMaj(16, 1);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = random.nextGaussian();
        }
        for (int k = 0; k < y.data.length; k++) {
            y.data[k] = random.nextGaussian();
        }
        Dataset data = new Dataset(x, y);
        double[] theta0 = new double[network.parameterCount()];
        for (int k = 0; k < theta0.length; k++) {
            theta0[k] = 0.3 * random.nextGaussian();
        }
        double end = 30;
        PiecewiseFlow.Run run = new PiecewiseFlow(R).run(ReluRegions.of(network, data), theta0, end,
                Observer.NONE, PiecewiseFlow.NO_INTEGRAND);
        assertThat(run.mostSurfaces()).isGreaterThanOrEqualTo(2);
        assertThat(run.slidingTime()).isGreaterThan(end / 2);
        assertThat(run.uniqueUntil()).isEqualTo(end);

        // gradient descent is explicit Euler: on each smooth piece, and for the chattering about
        // an attracting kink, whose average velocity is the sliding field, its distance from the
        // flow at T is of first order in η, 100 times smaller for a step 100 times smaller; the
        // part of it that the chattering phase decides is O(η) but not proportional to η, so
        // the test asks for 20 times. Were the flow not the limit of the iterates (stopping or
        // crossing where it should slide), the distance would not shrink at all.
        double[] distance = new double[2];
        for (int k = 0; k < 2; k++) {
            double eta = 1e-2 / Math.pow(100, k);
            double[] theta = new GradientDescent(eta).run(network.objective(data), theta0,
                    RunPlan.until(end)).finalTheta();
            double sum = 0;
            for (int j = 0; j < theta.length; j++) {
                sum += (theta[j] - run.theta()[j]) * (theta[j] - run.theta()[j]);
            }
            distance[k] = Math.sqrt(sum);
        }
        assertThat(distance[1]).isLessThanOrEqualTo(distance[0] / 20);
    }
}
