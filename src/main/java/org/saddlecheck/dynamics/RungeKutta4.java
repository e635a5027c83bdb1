package org.saddlecheck.dynamics;

import org.saddlecheck.Require;
import org.saddlecheck.network.Objective;

/**
 * The classical fourth-order Runge–Kutta method with a fixed step h on gradient flow
 * dθ/dt = −∇L(θ) (the paper's conventions), writing g(θ) = ∇L(θ):
 * <pre>
 *   g₁ = g(θ_n),  g₂ = g(θ_n − ½h g₁),  g₃ = g(θ_n − ½h g₂),  g₄ = g(θ_n − h g₃)
 *   θ_{n+1} = θ_n − (h/6)(g₁ + 2g₂ + 2g₃ + g₄),       t_n = n h
 * </pre>
 * Global error O(h⁴). For vector fields with kinks (ReLU networks) a fixed step is the robust choice:
 * an adaptive controller collapses its step at every kink, while RK4 just drops to first order in the
 * steps that cross one.
 *
 * <p>A run of end time T takes N = ⌈T/h⌉ steps and 4N + 1 gradient evaluations (g₁ of the next step
 * gives the loss at the step end for free). Records, snapshots (at the first step at or after each
 * requested time), divergence checks, observer and stop rule follow {@link Recorder}, as for
 * {@link GradientDescent}. The loop allocates nothing: θ, the stage state and the four stage
 * gradients are preallocated.
 */
public final class RungeKutta4 implements Integrator {
    private final double step;

    /** @param step h &gt; 0 */
    public RungeKutta4(double step) {
        this.step = Require.positive("step h", step);
    }

    @Override
    public String kind() {
        return "rk4";
    }

    /** h. */
    public double step() {
        return step;
    }

    /** Runs N = ⌈T/h⌉ RK4 steps or until the stop rule fires; keeps θ(0) intact. */
    @Override
    public Trajectory run(Objective objective, double[] theta0, RunPlan plan) {
        int n = objective.dimension();
        Require.length("θ(0)", theta0, n);
        Require.finite("θ(0)", theta0);
        long steps = Recorder.stepCount(plan.endTime(), step);
        double[] theta = theta0.clone();
        double[] stage = new double[n];
        double[] g1 = new double[n];
        double[] g2 = new double[n];
        double[] g3 = new double[n];
        double[] g4 = new double[n];
        double h = step;

        double loss = objective.lossAndGradient(theta, g1);
        Recorder recorder = new Recorder(kind(), plan, loss, theta);
        long k = 0;
        while (k < steps) {
            k++;

            // stages: g₂ at θ − ½h g₁, g₃ at θ − ½h g₂, g₄ at θ − h g₃
            shift(theta, g1, 0.5 * h, stage);
            objective.lossAndGradient(stage, g2);
            shift(theta, g2, 0.5 * h, stage);
            objective.lossAndGradient(stage, g3);
            shift(theta, g3, h, stage);
            objective.lossAndGradient(stage, g4);

            // θ ← θ − (h/6)(g₁ + 2g₂ + 2g₃ + g₄)
            double nonFinite = 0;
            double sixth = h / 6;
            for (int j = 0; j < n; j++) {
                double x = theta[j] - sixth * (g1[j] + 2 * g2[j] + 2 * g3[j] + g4[j]);
                theta[j] = x;
                nonFinite += x * 0.0;
            }
            if (nonFinite != 0) {
                throw Recorder.nonFiniteTheta(k * h, k);
            }

            // g₁ of the next step, with the loss at the step end
            loss = objective.lossAndGradient(theta, g1);
            if (recorder.stepEnd(k * h, loss, theta, k)) {
                break;
            }
        }
        return recorder.finish(k * h, loss, theta, 4 * k + 1, 0, k);
    }

    /** out = θ − c·g (modifies only {@code out}). */
    private static void shift(double[] theta, double[] g, double c, double[] out) {
        for (int j = 0; j < theta.length; j++) {
            out[j] = theta[j] - c * g[j];
        }
    }
}
