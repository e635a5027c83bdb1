package org.saddlecheck.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saddlecheck.network.PiecewiseObjective;

/**
 * The region-by-region flow against exact solutions of a one-dimensional loss with one kink at
 * θ = 1: L₁ = ½k₁θ² above it, L₀ = ½k₀θ² + bθ below.
 */
class PiecewiseFlowTests {

    private static final double R = 1e-10;
    private static final double END = 5;

    /** θ̇ = −k₁θ for θ &gt; 1 and −k₀θ − b below; the switching function is θ − 1. */
    private record Kinked(double k1, double k0, double b) implements PiecewiseObjective {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public int switches() {
            return 1;
        }

        @Override
        public double switchingValue(double[] theta, int k) {
            return theta[0] - 1;
        }

        @Override
        public double switchingRate(double[] theta, double[] thetaDot, int k) {
            return thetaDot[0];
        }

        @Override
        public void pattern(double[] theta, boolean[] active) {
            active[0] = theta[0] > 1;
        }

        @Override
        public double regionLossAndGradient(double[] theta, boolean[] active, double[] gradient) {
            double x = theta[0];
            gradient[0] = active[0] ? k1 * x : k0 * x + b;
            return active[0] ? k1 * x * x / 2 : k0 * x * x / 2 + b * x;
        }

        @Override
        public double lossAndGradient(double[] theta, double[] gradient) {
            return regionLossAndGradient(theta, new boolean[] {theta[0] > 1}, gradient);
        }

        @Override
        public double loss(double[] theta) {
            return lossAndGradient(theta, new double[1]);
        }

        @Override
        public Kinked copy() {
            return this;
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
    void stopsWhereTheFlowWouldSlideAlongTheKink() {
        // below the kink θ̇ = +2 points back up: the flow slides on θ = 1 from t = ln 3
        Kinked loss = new Kinked(1, 0, -2);
        PiecewiseFlow.Run run = new PiecewiseFlow(R).run(loss, new double[] {3}, END,
                Observer.NONE, PiecewiseFlow.NO_INTEGRAND);

        assertThat(run.slid()).isTrue();
        // the crossing is located to 10⁻¹²T after the root of the dense output, whose own error
        // is of the order of the accepted local errors, r per step in θ, over |θ̇| = 1
        assertThat(run.time()).isCloseTo(Math.log(3), within(run.steps() * 4 * R + 1e-12 * END));
        assertThat(run.theta()[0]).isCloseTo(1, within(run.steps() * 4 * R));
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
}
