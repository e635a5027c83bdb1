package org.saddlecheck.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.junit.jupiter.api.Test;

class RejectingNonFiniteTests {

    /**
     * θ̇ = −θ⁷ (the flow of L = θ⁸/8), solved by θ(t) = (θ₀⁻⁶ + 6t)^(−1/6), evaluated as
     * −((θ⁴⁰ − θ⁴⁰) + θ⁷): the same numbers (θ⁴⁰ − θ⁴⁰ = 0 exactly) until θ⁴⁰ overflows at
     * |θ| &gt; 5·10⁷, then ∞ − ∞ = NaN, as the residuals of a polynomial network do when a trial
     * stage overflows.
     */
    private static final FirstOrderDifferentialEquations SEPTIC = new FirstOrderDifferentialEquations() {
        @Override
        public int getDimension() {
            return 1;
        }

        @Override
        public void computeDerivatives(double t, double[] y, double[] yDot) {
            yDot[0] = -((Math.pow(y[0], 40) - Math.pow(y[0], 40)) + Math.pow(y[0], 7));
        }
    };

    /** θ(end), or NaN if an accepted step ended at a NaN state (the run is then cut short). */
    private static double solve(DormandPrince853Integrator method, double end) {
        double[] y = {1};
        method.setInitialStepSize(end / 100);
        method.setMaxEvaluations(100_000);
        method.addStepHandler(new StepHandler() {
            @Override
            public void init(double t0, double[] y0, double t) {
            }

            @Override
            public void handleStep(StepInterpolator step, boolean isLast) {
                if (Double.isNaN(step.getInterpolatedState()[0])) {
                    throw new IllegalStateException("a NaN state was accepted");
                }
            }
        });
        try {
            method.integrate(SEPTIC, 0, y, end, y);
        } catch (IllegalStateException e) {
            return Double.NaN;
        }
        return y[0];
    }

    @Test
    void aStepWhoseStagesOverflowIsRejectedNotAccepted() {
        // a first trial step of 10⁴ from θ = 1 drives the stages to 10¹⁹ and beyond until θ⁴⁰
        // overflows and the error estimate is NaN; the unchanged method accepts that step (NaN ≥ 1
        // is false) and carries NaN to the end
        double end = 1e6;
        double r = 1e-8;
        double plain = solve(new DormandPrince853Integrator(1e-13 * end, end / 100, r, r), end);
        assertThat(plain).isNaN();

        double fixed = solve(new GradientFlow.RejectingNonFinite(1e-13 * end, end / 100,
                new double[] {r}, new double[] {r}), end);
        double exact = Math.pow(1 + 6 * end, -1.0 / 6);
        // each accepted step adds a local error of at most about r·|θ| and the flow contracts
        // (∂θ̇/∂θ = −7θ⁶ < 0), so the global relative error stays below r times the number of
        // accepted steps; a thousand steps is a generous count for this smooth decay
        assertThat(Math.abs(fixed - exact)).isLessThanOrEqualTo(1e3 * r * exact);
    }
}
