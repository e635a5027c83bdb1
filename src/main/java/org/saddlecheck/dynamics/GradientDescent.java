package org.saddlecheck.dynamics;

import org.saddlecheck.Require;
import org.saddlecheck.network.Objective;

/**
 * Full-batch gradient descent θ_{n+1} = θ_n − η ∇L(θ_n): explicit Euler on gradient flow
 * dθ/dt = −∇L(θ) with step η, step n placed at time t = nη (the paper's conventions; its own
 * experiments use it). Its global error against the flow is O(η): first order.
 *
 * <p>A run of end time T takes N = ⌈T/η⌉ steps (see {@link Recorder#stepCount}) and N + 1 gradient
 * evaluations; the loss at step n is the one computed with the gradient at θ_n, so recording costs
 * nothing extra. Records follow {@link Recorder}: t = 0, the first step at or after each log-spaced
 * time, every step whose loss moved by more than the plan's relative change, and the last step.
 * Snapshots are taken at the first step at or after each requested time and carry that step's time.
 * The observer and the stop rule are called after every step. The loop allocates nothing: θ and the
 * gradient are preallocated.
 *
 * <p>Limitation: GD equals the flow only as η → 0; with η above the stability bound 2/λ_max of the
 * Hessian it oscillates or diverges (reported as a {@link org.saddlecheck.DivergenceException} with
 * the step), and the invariants of the flow hold for GD only where exact step identities do
 * (equal, zero and proportional units, and linear dependence in linear networks; Theorem 3).
 */
public final class GradientDescent implements Integrator {
    private final double learningRate;

    /** @param learningRate η &gt; 0, also the time step */
    public GradientDescent(double learningRate) {
        this.learningRate = Require.positive("learning rate η", learningRate);
    }

    @Override
    public String kind() {
        return "gd";
    }

    /** η. */
    public double learningRate() {
        return learningRate;
    }

    /** Runs N = ⌈T/η⌉ steps of θ ← θ − η∇L(θ) or until the stop rule fires; keeps θ(0) intact. */
    @Override
    public Trajectory run(Objective objective, double[] theta0, RunPlan plan) {
        int n = objective.dimension();
        Require.length("θ(0)", theta0, n);
        Require.finite("θ(0)", theta0);
        long steps = Recorder.stepCount(plan.endTime(), learningRate);
        double[] theta = theta0.clone();
        double[] gradient = new double[n];

        double loss = objective.lossAndGradient(theta, gradient);
        Recorder recorder = new Recorder(kind(), plan, loss, theta);
        long step = 0;
        while (step < steps) {
            step++;
            if (!descend(theta, gradient, learningRate)) {
                throw Recorder.nonFiniteTheta(step * learningRate, step);
            }
            loss = objective.lossAndGradient(theta, gradient);
            if (recorder.stepEnd(step * learningRate, loss, theta, step)) {
                break;
            }
        }
        return recorder.finish(step * learningRate, loss, theta, step + 1, 0, step);
    }

    /**
     * θ ← θ − η·g in place (modifies {@code theta}); returns whether every new entry is finite.
     * Shared with {@link StochasticGradientDescent}.
     */
    static boolean descend(double[] theta, double[] gradient, double eta) {
        double nonFinite = 0;
        for (int j = 0; j < theta.length; j++) {
            double x = theta[j] - eta * gradient[j];
            theta[j] = x;
            nonFinite += x * 0.0;
        }
        return nonFinite == 0;
    }
}
