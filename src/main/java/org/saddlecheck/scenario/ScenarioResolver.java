package org.saddlecheck.scenario;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;
import org.saddlecheck.dynamics.DormandPrince54Flow;
import org.saddlecheck.dynamics.GradientDescent;
import org.saddlecheck.dynamics.GradientFlow;
import org.saddlecheck.dynamics.Integrator;
import org.saddlecheck.dynamics.RungeKutta4;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.StochasticGradientDescent;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.Convolutional;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.LinearAttention;
import org.saddlecheck.network.Network;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.Draws;
import org.saddlecheck.task.ExplicitData;
import org.saddlecheck.task.InContextRegression;
import org.saddlecheck.task.Patches;
import org.saddlecheck.task.QuadraticPopulation;
import org.saddlecheck.task.QuadraticTarget;
import org.saddlecheck.task.ReluData;
import org.saddlecheck.task.WhitenedRegression;

/**
 * Turns a {@link Scenario} into the objects that run it: the network, the data, θ(0), the
 * integrator and the run plan. This is the one place where the names of kinds in scenario files
 * meet the classes that implement them.
 *
 * <h2>Gaussian initialization</h2>
 * With {@code init = {scale: ε, seed: s}}, θ(0)_j = ε·g_j for j = 0 … n−1 in the order of the
 * parameter layout ({@link Network}: unit after unit, u_i then v_i), where g_0, g_1, … are the
 * successive values of {@link Well19937c#nextGaussian()} of a {@code Well19937c} seeded with s (paper,
 * Section 1: every weight i.i.d. N(0, ε²)). Another implementation need not reproduce this
 * generator: {@link ResolvedScenario#resolvedToExplicit()} and every trajectory file carry θ(0) as
 * numbers.
 */
public final class ScenarioResolver {
    private ScenarioResolver() {
    }

    /**
     * Validates and resolves a scenario.
     *
     * @throws InvalidInputException naming the scenario field at fault
     */
    public static ResolvedScenario resolve(Scenario scenario) {
        Network network = ScenarioChecks.check(scenario, "");
        Require.that(scenario.dynamics() != null, "the scenario has no dynamics section, so it "
                + "describes a point (network, data, θ(0)) and cannot be run");
        Dataset data = data(scenario.data(), scenario.network(), network);
        double[] theta0 = initialTheta(scenario.init(), network.parameterCount());
        Integrator integrator = integrator(scenario.dynamics());
        RunPlan plan = plan(scenario.dynamics(), network);
        return new ResolvedScenario(scenario, network, data, theta0, integrator, plan);
    }

    /**
     * Checks a scenario without generating its data.
     *
     * @throws InvalidInputException naming the scenario field at fault
     */
    public static void validate(Scenario scenario) {
        ScenarioChecks.check(scenario, "");
    }

    /** The network a spec describes; sizes are checked by {@link #validate}. */
    public static Network network(NetworkSpec spec) {
        return network(spec, "");
    }

    /** The one place that maps network kinds to classes; {@code p} prefixes field paths. */
    static Network network(NetworkSpec spec, String p) {
        String kind = spec.kind();
        return switch (Kinds.family(p + "network.kind", kind)) {
            case FULLY_CONNECTED -> new FullyConnected(activation(kind), spec.inputs(),
                    spec.outputs(), spec.width(), spec.bias());
            case CONVOLUTIONAL -> new Convolutional(activation(kind.replace("-conv", "")),
                    spec.patches(), spec.kernel(), spec.width());
            case ATTENTION -> new LinearAttention(spec.dimension(), spec.context(), spec.width(),
                    kind.equals("attention-merged"));
        };
    }

    private static Activation activation(String id) {
        return Arrays.stream(Activation.values()).filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no activation " + id));
    }

    /**
     * The data a spec describes, for the given network (which supplies D_in, D_out, N_p, k, D, N).
     *
     * @throws InvalidInputException if a generator rejects its arguments; the message starts
     *     with "data (kind): "
     */
    public static Dataset data(DataSpec d, NetworkSpec spec, Network network) {
        if (DataSpec.EXPLICIT.equals(d.kind())) {
            return ExplicitData.of("data", d.X(), d.Y());
        }
        try {
            return generate(d, spec, network);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("data (" + d.kind() + "): " + e.getMessage(), e);
        }
    }

    private static Dataset generate(DataSpec d, NetworkSpec spec, Network network) {
        return switch (d.kind()) {
            case DataSpec.WHITENED -> WhitenedRegression.generate(network.inputSize(),
                    network.outputSize(), d.samples(), d.spectrum(), d.noise(), d.seed()).data();
            case DataSpec.PATCHES -> Patches.generate(spec.patches(), spec.kernel(), d.samples(),
                    d.spectrum(), d.noise(), d.seed()).data();
            case DataSpec.QUADRATIC -> QuadraticTarget.generate(network.inputSize(), d.samples(),
                    d.spectrum() == null ? new double[] {1, -1} : d.spectrum(),
                    d.exactStatistics(), d.seed()).data();
            case DataSpec.QUADRATIC_POPULATION -> QuadraticPopulation.of(network.inputSize(),
                    d.spectrum() == null ? new double[] {1, -1} : d.spectrum()).data();
            case DataSpec.IN_CONTEXT -> InContextRegression.generate(spec.dimension(),
                    spec.context(), d.samples(), inputSpectrum(d, spec.dimension()),
                    d.exactStatistics(), d.seed()).data();
            case DataSpec.RELU_ORTHOGONAL -> ReluData.orthogonal(network.inputSize(), d.samples(),
                    new DMatrixRMaj(d.rays()), d.weights(), d.seed()).data();
            case DataSpec.RELU_KINKS -> ReluData.kinks(d.samples(), d.kinks(), d.weights()).data();
            default -> throw new InvalidInputException("data.kind '" + d.kind() + "' is not one of: "
                    + String.join(", ", Kinds.DATA));
        };
    }

    /** Λ for in-context data: the given diagonal, or the identity. */
    private static double[] inputSpectrum(DataSpec d, int dimension) {
        if (d.spectrum() != null) {
            return d.spectrum();
        }
        double[] identity = new double[dimension];
        Arrays.fill(identity, 1.0);
        return identity;
    }

    /**
     * θ(0): the explicit vector, or ε·g_j with g_j the Gaussian draws described in the type's
     * documentation. Returns a new array of length {@code parameterCount}.
     */
    public static double[] initialTheta(InitSpec init, int parameterCount) {
        if (init.hasTheta()) {
            return init.theta().clone();
        }
        Well19937c random = Draws.generator(init.seed());
        double[] theta = new double[parameterCount];
        for (int j = 0; j < parameterCount; j++) {
            theta[j] = init.scale() * random.nextGaussian();
        }
        return theta;
    }

    /** The one place that maps dynamics kinds to integrators. */
    public static Integrator integrator(DynamicsSpec d) {
        return switch (Kinds.require("dynamics.kind", d.kind(), Kinds.DYNAMICS)) {
            case DynamicsSpec.FLOW -> new GradientFlow(d.relativeTolerance());
            case DynamicsSpec.FLOW_DP54 -> new DormandPrince54Flow(d.relativeTolerance());
            case DynamicsSpec.RK4 -> new RungeKutta4(d.step());
            case DynamicsSpec.GD -> new GradientDescent(d.step());
            default -> new StochasticGradientDescent(d.step(), d.batchSize(), d.seed());
        };
    }

    /**
     * The run plan: records from {@code record.firstTime} at {@code record.pointsPerDecade} per
     * decade and at every relative loss change of {@code record.lossChange}, snapshots at
     * {@code snapshotTimes}, and unit norms (blocks of |u| + |v|) when {@code record.unitNorms}.
     */
    public static RunPlan plan(DynamicsSpec d, Network network) {
        return RunPlan.until(d.endTime())
                .withRecording(d.firstTime(), d.pointsPerDecade(), d.lossChange())
                .withSnapshots(d.snapshotTimes())
                .withUnitNorms(d.unitNorms() ? network.unitSize() : 0);
    }
}
