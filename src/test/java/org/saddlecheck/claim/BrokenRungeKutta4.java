package org.saddlecheck.claim;

import org.saddlecheck.dynamics.Integrator;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.Objective;

/**
 * The classical fourth-order Runge–Kutta step with a deliberate bug: in the block of unit 0 the
 * stage combination θ − (h/6)(g₁ + 2g₂ + 2g₃ + g₄) is taken {@link #OFF} too large, as a method
 * whose weights differ between units by one part in 10¹² would. Every other entry, the stage
 * points and the order of gradient evaluations are those of the project's RK4, so the observers
 * that read stages keep their model of the integrator.
 */
final class BrokenRungeKutta4 implements Integrator {
    /** The relative error of unit 0's combination. */
    static final double OFF = 1e-12;

    private final double step;
    private final int unitSize;

    /** @param unitSize |u| + |v|, the length of unit 0's block */
    BrokenRungeKutta4(double step, int unitSize) {
        this.step = step;
        this.unitSize = unitSize;
    }

    @Override
    public String kind() {
        return "rk4";
    }

    @Override
    public Trajectory run(Objective objective, double[] theta0, RunPlan plan) {
        int n = objective.dimension();
        double[] theta = theta0.clone();
        double[] stage = new double[n];
        double[][] g = new double[4][n];
        double h = step;
        long steps = (long) Math.ceil(plan.endTime() / h - 1e-9);
        double loss = objective.lossAndGradient(theta, g[0]);
        Trajectory.Builder run = new Trajectory.Builder(kind()).record(0, loss);
        for (long k = 1; k <= steps; k++) {
            shift(theta, g[0], 0.5 * h, stage);
            objective.lossAndGradient(stage, g[1]);
            shift(theta, g[1], 0.5 * h, stage);
            objective.lossAndGradient(stage, g[2]);
            shift(theta, g[2], h, stage);
            objective.lossAndGradient(stage, g[3]);
            double sixth = h / 6;
            for (int j = 0; j < n; j++) {
                double increment = sixth * (g[0][j] + 2 * g[1][j] + 2 * g[2][j] + g[3][j]);
                theta[j] -= j < unitSize ? increment * (1 + OFF) : increment;
            }
            loss = objective.lossAndGradient(theta, g[0]);
            plan.observer().accepted(k * h, loss, theta);
        }
        return run.record(steps * h, loss).finish(theta, 4 * steps + 1, steps).build();
    }

    private static void shift(double[] theta, double[] g, double c, double[] out) {
        for (int j = 0; j < theta.length; j++) {
            out[j] = theta[j] - c * g[j];
        }
    }
}
