package org.saddlecheck.scenario;

import org.saddlecheck.dynamics.Integrator;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.task.Dataset;

/** Small runs for the format tests, made without the project's integrators. */
final class Runs {
    private Runs() {
    }

    /**
     * Explicit Euler steps θ ← θ − η∇L(θ) recorded at every step, with unit norms when the plan asks
     * for them and snapshots at the step nearest each requested time: enough to fill every field
     * of a trajectory file.
     */
    static final class Euler implements Integrator {
        private final double eta;

        Euler(double eta) {
            this.eta = eta;
        }

        @Override
        public String kind() {
            return "gd";
        }

        @Override
        public Trajectory run(Objective objective, double[] theta0, RunPlan plan) {
            double[] theta = theta0.clone();
            double[] gradient = new double[theta.length];
            Trajectory.Builder b = new Trajectory.Builder(kind());
            double[] snapshots = plan.snapshotTimes();
            int nextSnapshot = 0;
            long steps = 0;
            double loss = objective.lossAndGradient(theta, gradient);
            for (double t = 0; ; t = ++steps * eta) {
                b.record(t, loss, theta, plan.unitSize());
                while (nextSnapshot < snapshots.length && snapshots[nextSnapshot] <= t + eta / 2) {
                    b.snapshot(t, theta);
                    nextSnapshot++;
                }
                if (t + eta / 2 > plan.endTime()) {
                    break;
                }
                for (int j = 0; j < theta.length; j++) {
                    theta[j] -= eta * gradient[j];
                }
                loss = objective.lossAndGradient(theta, gradient);
            }
            return b.finish(theta, steps + 1, steps).build();
        }
    }

    /** The scenario resolved with {@link Euler} at the scenario's learning rate as integrator. */
    static ResolvedScenario resolveWithEuler(Scenario scenario) {
        ScenarioResolver.validate(scenario);
        Network network = ScenarioResolver.network(scenario.network());
        Dataset data = ScenarioResolver.data(scenario.data(), scenario.network(), network);
        double[] theta0 = ScenarioResolver.initialTheta(scenario.init(), network.parameterCount());
        RunPlan plan = ScenarioResolver.plan(scenario.dynamics(), network);
        return new ResolvedScenario(scenario, network, data, theta0,
                new Euler(scenario.dynamics().step()), plan);
    }
}
