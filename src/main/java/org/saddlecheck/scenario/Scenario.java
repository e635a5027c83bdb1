package org.saddlecheck.scenario;

/**
 * One fully specified training run: a network, its data, its initialization and its dynamics. A
 * scenario is a plain value; it reads from and writes to the scenario JSON format (see
 * {@code docs/formats.md}), and {@link ScenarioResolver} turns it into the objects that run.
 *
 * @param network which network, and its sizes
 * @param data generated (with a seed) or explicit data
 * @param init the initialization θ(0)
 * @param dynamics the integrator and when to stop; null for a scenario that describes a point
 *     (network, data and θ(0)) without training, as claims about the vector field use
 */
public record Scenario(NetworkSpec network, DataSpec data, InitSpec init, DynamicsSpec dynamics) {

    /** The value of the {@code format} field of scenario files this version reads and writes. */
    public static final String FORMAT = "saddlecheck-scenario/1";

    public Scenario withNetwork(NetworkSpec n) {
        return new Scenario(n, data, init, dynamics);
    }

    public Scenario withData(DataSpec d) {
        return new Scenario(network, d, init, dynamics);
    }

    public Scenario withInit(InitSpec i) {
        return new Scenario(network, data, i, dynamics);
    }

    public Scenario withDynamics(DynamicsSpec d) {
        return new Scenario(network, data, init, d);
    }
}
