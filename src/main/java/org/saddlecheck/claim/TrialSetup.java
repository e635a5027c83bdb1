package org.saddlecheck.claim;

import org.apache.commons.math3.random.Well19937c;
import org.saddlecheck.Require;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.task.Dataset;

/**
 * The objects a trial of a fully connected network describes: the network, its data and θ(0).
 *
 * <p>θ(0) is explicit when the trial gives it, else every weight is ε·N(0, 1), drawn in the order
 * of the parameter layout (unit by unit, u_i before v_i) from a {@link Well19937c} seeded with
 * the initialization's seed (paper, Section 1).
 *
 * <p>Limitation: this resolves only fully connected networks on whitened regression data; once the
 * scenario package resolves scenarios, trials should be resolved through it.
 *
 * @param network the network
 * @param data the data set
 * @param theta θ(0), a fresh array the caller may modify
 */
public record TrialSetup(FullyConnected network, Dataset data, double[] theta) {

    /**
     * Resolves {@code trial}.
     *
     * @throws org.saddlecheck.InvalidInputException if the trial names an unknown network kind,
     *     unsupported data, or an explicit θ of the wrong length
     */
    public static TrialSetup of(Trial trial) {
        NetworkSpec n = trial.scenario().network();
        Require.that(n != null, "the trial has no network");
        FullyConnected network = new FullyConnected(activation(n.kind()), n.inputs(), n.outputs(),
                n.width(), n.bias());
        Dataset data = WhitenedData.build(trial.scenario().data(), n.inputs(), n.outputs());
        return new TrialSetup(network, data, initial(trial.scenario().init(), network));
    }

    /** The activation whose fully connected network is named {@code kind} in scenario files. */
    public static Activation activation(String kind) {
        for (Activation a : Activation.values()) {
            if (a.id().equals(kind)) {
                return a;
            }
        }
        throw new org.saddlecheck.InvalidInputException("network kind '" + kind + "' is not a"
                + " fully connected network this engine can build");
    }

    private static double[] initial(InitSpec init, FullyConnected network) {
        Require.that(init != null, "the trial has no initialization");
        int size = network.parameterCount();
        if (init.theta() != null) {
            return Require.length("explicit θ(0)", init.theta(), size).clone();
        }
        double epsilon = Require.positive("initialization scale ε", init.scale());
        Well19937c random = new Well19937c(init.seed());
        double[] theta = new double[size];
        for (int k = 0; k < size; k++) {
            theta[k] = epsilon * random.nextGaussian();
        }
        return theta;
    }
}
