package org.saddlecheck.claim;

import org.saddlecheck.InvalidInputException;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.Network;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.task.Dataset;

/**
 * The objects a trial of a fully connected network describes: the network, its data and θ(0),
 * resolved exactly as
 * {@code simulate} resolves the same scenario (through {@link ScenarioResolver}), so a trial
 * written to a file replays the same numbers anywhere. The trial needs no dynamics section.
 *
 * @param network the network
 * @param data the data set
 * @param theta θ(0), a fresh array the caller may modify
 */
public record TrialSetup(FullyConnected network, Dataset data, double[] theta) {

    /**
     * Resolves {@code trial}.
     *
     * @throws InvalidInputException naming the scenario field at fault, or if the network is
     *     not fully connected
     */
    public static TrialSetup of(Trial trial) {
        NetworkSpec spec = trial.scenario().network();
        ScenarioResolver.validate(trial.scenario());
        Network network = ScenarioResolver.network(spec);
        Dataset data = ScenarioResolver.data(trial.scenario().data(), spec, network);
        double[] theta = ScenarioResolver.initialTheta(trial.scenario().init(),
                network.parameterCount());
        if (!(network instanceof FullyConnected fc)) {
            throw new InvalidInputException("network kind '" + spec.kind() + "' is not a fully"
                    + " connected network");
        }
        return new TrialSetup(fc, data, theta);
    }

    /** The activation whose fully connected network is named {@code kind} in scenario files. */
    public static Activation activation(String kind) {
        for (Activation a : Activation.values()) {
            if (a.id().equals(kind)) {
                return a;
            }
        }
        throw new InvalidInputException("network kind '" + kind + "' is not a fully connected"
                + " network");
    }
}
