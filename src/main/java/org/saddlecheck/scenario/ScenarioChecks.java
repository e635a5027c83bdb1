package org.saddlecheck.scenario;

import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.Network;
import org.saddlecheck.task.ExplicitData;
import org.saddlecheck.task.QuadraticPopulation;
import org.saddlecheck.task.Spectra;

/**
 * The checks of a whole scenario that involve more than one field: sizes against each other,
 * data kinds against network kinds, explicit data and θ(0) against the network's shapes, and the
 * parameters of the dynamics. Every message names the field by its path in the scenario file.
 * The data generators check their own arguments again, as a library would.
 */
final class ScenarioChecks {
    private ScenarioChecks() {
    }

    /**
     * @param prefix the path of the scenario inside its file ("" for a scenario file)
     * @return the network the scenario describes
     */
    static Network check(Scenario scenario, String prefix) {
        String p = prefix.isEmpty() ? "" : prefix + ".";
        Network network = network(scenario.network(), p);
        int samples = data(scenario.data(), scenario.network(), network, p);
        init(scenario.init(), network, p);
        if (scenario.dynamics() != null) {
            dynamics(scenario.dynamics(), samples, p);
        }
        return network;
    }

    private static Network network(NetworkSpec n, String p) {
        Require.that(n.kind() != null, "missing required field " + p + "network.kind");
        Require.positive(p + "network.width", n.width());
        switch (Kinds.family(p + "network.kind", n.kind())) {
            case FULLY_CONNECTED -> {
                Require.positive(p + "network.inputs", n.inputs());
                Require.positive(p + "network.outputs", n.outputs());
            }
            case CONVOLUTIONAL -> {
                Require.positive(p + "network.patches", n.patches());
                Require.positive(p + "network.kernel", n.kernel());
            }
            default -> {
                Require.positive(p + "network.dimension", n.dimension());
                Require.positive(p + "network.context", n.context());
            }
        }
        return ScenarioResolver.network(n, p);
    }

    /** Checks the data against the network; returns P. */
    private static int data(DataSpec d, NetworkSpec spec, Network network, String p) {
        String kind = Kinds.require(p + "data.kind", d.kind(), Kinds.DATA);
        String name = describe(network);
        if (kind.equals(DataSpec.EXPLICIT)) {
            return explicit(d, network, p);
        }
        if (kind.equals(DataSpec.QUADRATIC_POPULATION)) {
            return population(d, network, p);
        }
        int samples = Require.positive(p + "data.samples", d.samples());
        switch (kind) {
            case DataSpec.WHITENED -> whitened(d, network.inputSize(), network.outputSize(),
                    "min(D_in, D_out) of the " + name, p);
            case DataSpec.PATCHES -> {
                requireFamily(kind, spec, Kinds.Family.CONVOLUTIONAL, Kinds.CONVOLUTIONAL, p);
                whitened(d, spec.patches(), spec.kernel(), "min(N_p, k) of the " + name, p);
            }
            case DataSpec.QUADRATIC -> quadratic(d, network, p);
            case DataSpec.IN_CONTEXT -> {
                requireFamily(kind, spec, Kinds.Family.ATTENTION, Kinds.ATTENTION, p);
                inContext(d, spec.dimension(), p);
            }
            case DataSpec.RELU_ORTHOGONAL -> reluOrthogonal(d, network, p);
            default -> {
                requireScalarOutput(kind, network, p);
                Require.that(network.inputSize() == 1, "data kind '" + kind + "' has one input"
                        + " per sample, but the " + name + " reads " + network.inputSize());
                Require.that(d.kinks() != null, "missing required field " + p + "data.kinks");
                Require.that(d.weights() != null, "missing required field " + p + "data.weights");
                Require.length(p + "data.weights", d.weights(), d.kinks().length);
            }
        }
        return samples;
    }

    private static int explicit(DataSpec d, Network network, String p) {
        var data = ExplicitData.of(p + "data", d.X(), d.Y());
        Require.that(data.inputSize() == network.inputSize(), p + "data.X has "
                + data.inputSize() + " columns but the " + describe(network) + " reads "
                + network.inputSize() + " inputs");
        Require.that(data.outputSize() == network.outputSize(), p + "data.Y has "
                + data.outputSize() + " columns but the " + describe(network) + " has "
                + network.outputSize() + " outputs");
        return data.samples();
    }

    /** Spectrum, noise and sample count of whitened data with an a × b statistic. */
    private static void whitened(DataSpec d, int a, int b, String limit, String p) {
        Require.that(d.spectrum() != null, "missing required field " + p + "data.spectrum");
        Spectra.check(p + "data.spectrum", d.spectrum());
        Require.that(d.spectrum().length <= Math.min(a, b), p + "data.spectrum has "
                + d.spectrum().length + " values but " + limit + " is " + Math.min(a, b));
        Require.finite(p + "data.noise", d.noise());
        Require.that(d.noise() >= 0, p + "data.noise (" + d.noise() + ") must not be negative");
        int inputs = d.kind().equals(DataSpec.PATCHES) ? a * b : a;
        int outputs = d.kind().equals(DataSpec.PATCHES) ? 1 : b;
        int needed = d.noise() > 0 ? inputs + outputs : inputs;
        Require.that(d.samples() >= needed, p + "data.samples (" + d.samples()
                + ") must be at least " + needed + (d.noise() > 0
                        ? " (inputs + outputs, for noise orthogonal to the inputs)"
                        : " (the number of inputs, for whitened inputs)"));
    }

    private static void quadratic(DataSpec d, Network network, String p) {
        requireScalarOutput(d.kind(), network, p);
        int dimension = network.inputSize();
        Require.that(d.spectrum() != null || dimension >= 2, "missing required field " + p
                + "data.spectrum: the default λ = (1, −1) needs two inputs but the "
                + describe(network) + " reads one");
        if (d.spectrum() != null) {
            Require.that(d.spectrum().length > 0 && d.spectrum().length <= dimension, p
                    + "data.spectrum has " + d.spectrum().length + " coefficients λ but between 1"
                    + " and the number of inputs (" + dimension + ") are needed");
            Require.finite(p + "data.spectrum", d.spectrum());
        }
        if (d.kind().equals(DataSpec.QUADRATIC_POPULATION)) {
            return;
        }
        int pairs = dimension * (dimension + 1) / 2;
        Require.that(!d.exactStatistics() || d.samples() >= pairs, p + "data.samples ("
                + d.samples() + ") must be at least D(D+1)/2 = " + pairs + " for exact statistics");
    }

    /**
     * The population of a quadratic target: only for the quadratic network with one output and no
     * bias (its loss is a form of degree 4 in x); returns the size of the point set.
     */
    private static int population(DataSpec d, Network network, String p) {
        boolean quadratic = network instanceof FullyConnected fc
                && fc.activation() == Activation.SQUARE && !fc.bias();
        Require.that(quadratic, "data kind '" + d.kind() + "' needs the quadratic network without"
                + " bias, but the scenario has the " + describe(network) + " (" + p
                + "network.kind, " + p + "network.bias)");
        requireScalarOutput(d.kind(), network, p);
        int dimension = network.inputSize();
        Require.that(dimension <= QuadraticPopulation.MAX_INPUTS, p + "network.inputs ("
                + dimension + ") must be at most " + QuadraticPopulation.MAX_INPUTS + " for data kind '"
                + d.kind() + "', whose point set has 2^D + 2D points");
        quadratic(d, network, p);
        return QuadraticPopulation.samples(dimension);
    }

    private static void inContext(DataSpec d, int dimension, String p) {
        if (d.spectrum() != null) {
            Require.that(d.spectrum().length == dimension, p + "data.spectrum has "
                    + d.spectrum().length + " values but network.dimension is " + dimension);
            for (int a = 0; a < dimension; a++) {
                Require.positive(p + "data.spectrum[" + a + "]", d.spectrum()[a]);
            }
        }
        Require.that(!d.exactStatistics() || d.samples() >= dimension * dimension, p
                + "data.samples (" + d.samples() + ") must be at least D² = "
                + dimension * dimension + " for exact statistics");
    }

    private static void reluOrthogonal(DataSpec d, Network network, String p) {
        requireScalarOutput(d.kind(), network, p);
        Require.that(d.samples() <= network.inputSize(), p + "data.samples (" + d.samples()
                + ") must be at most the number of inputs (" + network.inputSize()
                + ") for orthogonal inputs");
        var rays = ExplicitData.matrix(p + "data.rays", d.rays());
        Require.that(rays.numCols == network.inputSize(), p + "data.rays has rows of "
                + rays.numCols + " entries but the " + describe(network) + " reads "
                + network.inputSize() + " inputs");
        Require.that(d.weights() != null, "missing required field " + p + "data.weights");
        Require.length(p + "data.weights", d.weights(), rays.numRows);
        Require.finite(p + "data.weights", d.weights());
    }

    private static void requireScalarOutput(String kind, Network network, String p) {
        Require.that(network.outputSize() == 1, "data kind '" + kind + "' has one target per"
                + " sample, but the " + describe(network) + " has " + network.outputSize()
                + " outputs (" + p + "network.outputs)");
    }

    private static void requireFamily(String kind, NetworkSpec spec, Kinds.Family family,
            java.util.List<String> kinds, String p) {
        if (Kinds.family(p + "network.kind", spec.kind()) != family) {
            throw new InvalidInputException("data kind '" + kind + "' needs a network of kind "
                    + String.join(" or ", kinds) + ", but " + p + "network.kind is '"
                    + spec.kind() + "'");
        }
    }

    private static void init(InitSpec init, Network network, String p) {
        if (init.hasTheta()) {
            Require.that(init.theta().length == network.parameterCount(), p + "init.theta has "
                    + init.theta().length + " entries but the " + describe(network) + " needs "
                    + network.parameterCount());
            Require.finite(p + "init.theta", init.theta());
            return;
        }
        Require.finite(p + "init.scale", init.scale());
        Require.that(init.scale() >= 0, p + "init.scale (" + init.scale()
                + ") must not be negative");
    }

    private static void dynamics(DynamicsSpec d, int samples, String p) {
        String kind = Kinds.require(p + "dynamics.kind", d.kind(), Kinds.DYNAMICS);
        double end = Require.positive(p + "dynamics.endTime", d.endTime());
        switch (kind) {
            case DynamicsSpec.FLOW, DynamicsSpec.FLOW_DP54 -> {
                Require.positive(p + "dynamics.relativeTolerance", d.relativeTolerance());
                Require.that(d.relativeTolerance() < 1, p + "dynamics.relativeTolerance ("
                        + d.relativeTolerance() + ") must be below 1");
            }
            case DynamicsSpec.RK4 -> Require.positive(p + "dynamics.step", d.step());
            case DynamicsSpec.GD -> Require.positive(p + "dynamics.learningRate", d.step());
            default -> {
                Require.positive(p + "dynamics.learningRate", d.step());
                Require.positive(p + "dynamics.batchSize", d.batchSize());
                Require.that(d.batchSize() <= samples, p + "dynamics.batchSize ("
                        + d.batchSize() + ") must be at most the number of samples (" + samples
                        + ")");
            }
        }
        double[] times = d.snapshotTimes();
        Require.that(times != null, "missing required field " + p + "dynamics.snapshotTimes");
        for (int k = 0; k < times.length; k++) {
            String role = p + "dynamics.snapshotTimes[" + k + "]";
            Require.finite(role, times[k]);
            Require.that(times[k] >= 0 && times[k] <= end, role + " (" + times[k]
                    + ") must lie between 0 and dynamics.endTime (" + end + ")");
            if (k > 0) {
                Require.that(times[k] > times[k - 1], role + " (" + times[k] + ") must be larger"
                        + " than the time before it (" + times[k - 1] + ")");
            }
        }
        Require.positive(p + "dynamics.record.firstTime", d.firstTime());
        Require.positive(p + "dynamics.record.pointsPerDecade", d.pointsPerDecade());
        Require.positive(p + "dynamics.record.lossChange", d.lossChange());
    }

    /** "the linear network with H = 5". */
    static String describe(Network network) {
        return network.kind() + " network with H = " + network.width();
    }
}
