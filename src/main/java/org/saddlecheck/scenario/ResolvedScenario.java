package org.saddlecheck.scenario;

import org.saddlecheck.dynamics.Integrator;
import org.saddlecheck.dynamics.Observer;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.ExplicitData;

/**
 * A scenario turned into the objects that run it ({@link ScenarioResolver#resolve}).
 *
 * @param scenario the scenario as given
 * @param network the network
 * @param data the samples (generated or explicit)
 * @param theta0 θ(0) in the network's layout
 * @param integrator the dynamics
 * @param plan when the run ends and what it records
 */
public record ResolvedScenario(
        Scenario scenario,
        Network network,
        Dataset data,
        double[] theta0,
        Integrator integrator,
        RunPlan plan) {

    public ResolvedScenario {
        theta0 = theta0.clone();
    }

    @Override
    public double[] theta0() {
        return theta0.clone();
    }

    /**
     * The loss the integrator runs on: the minibatch objective for {@code sgd} (batches of
     * {@code dynamics.batchSize} rows), the full-batch objective otherwise. A new instance with its
     * own workspaces on every call.
     */
    public Objective objective() {
        DynamicsSpec d = scenario.dynamics();
        if (DynamicsSpec.SGD.equals(d.kind())) {
            return network.minibatchObjective(data, d.batchSize());
        }
        return network.objective(data);
    }

    /** Runs the scenario. Does not modify anything. */
    public Trajectory run() {
        return integrator.run(objective(), theta0, plan);
    }

    /** Runs the scenario with {@code observer} receiving progress. */
    public Trajectory run(Observer observer) {
        return integrator.run(objective(), theta0, plan.withObserver(observer));
    }

    /**
     * The same scenario with its data and θ(0) written out as numbers, so that another
     * implementation can replay it without this project's generators: {@code data} becomes
     * {@code explicit} with the rows of X and Y, {@code init} becomes the explicit θ(0). The network
     * and the dynamics are unchanged.
     */
    public Scenario resolvedToExplicit() {
        return scenario
                .withData(DataSpec.explicit(ExplicitData.rows(data.X()), ExplicitData.rows(data.Y())))
                .withInit(InitSpec.explicit(theta0));
    }
}
