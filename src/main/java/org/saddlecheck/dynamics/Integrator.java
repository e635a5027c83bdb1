package org.saddlecheck.dynamics;

import org.saddlecheck.network.Objective;

/**
 * Training dynamics on a loss: gradient flow dθ/dt = −∇L(θ) solved by an ODE method, or a discrete
 * method (gradient descent, SGD) whose n-th step is placed at time t = nη (paper, Section 1).
 */
public interface Integrator {

    /** The kind, as named in scenario files: {@code flow}, {@code rk4}, {@code gd}, {@code sgd}. */
    String kind();

    /**
     * Runs from θ(0) = {@code theta0} until {@code plan.endTime()} or until the plan's stop rule
     * fires. Does not modify {@code theta0}.
     *
     * @throws org.saddlecheck.DivergenceException if the loss or θ becomes non-finite or blows up,
     *     naming the time (and step) where it happened; no trajectory is returned then
     */
    Trajectory run(Objective objective, double[] theta0, RunPlan plan);
}
