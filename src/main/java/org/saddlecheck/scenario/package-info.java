/**
 * Scenarios and trajectories as values and as public files.
 *
 * <p>A {@link org.saddlecheck.scenario.Scenario} fully specifies one training run: a network
 * ({@link org.saddlecheck.scenario.NetworkSpec}), its data
 * ({@link org.saddlecheck.scenario.DataSpec}), the initialization θ(0)
 * ({@link org.saddlecheck.scenario.InitSpec}) and the dynamics
 * ({@link org.saddlecheck.scenario.DynamicsSpec}). {@link org.saddlecheck.scenario.ScenarioJson}
 * reads and writes it (format {@code saddlecheck-scenario/1}, strict: every error names the field
 * by its path); {@link org.saddlecheck.scenario.ScenarioResolver} turns it into the network, the
 * data, θ(0), the integrator and the run plan ({@link org.saddlecheck.scenario.ResolvedScenario}).
 * {@link org.saddlecheck.scenario.TrajectoryJson} writes a run together with its scenario made
 * explicit (format {@code saddlecheck-trajectory/1}) and {@link
 * org.saddlecheck.scenario.TrajectoryCsv} its loss curve; both read their files back.
 * {@link org.saddlecheck.scenario.AtomicFile} writes files all or nothing.
 *
 * <p>Every field is documented in {@code docs/formats.md}. Names follow the paper: ε the
 * initialization scale, H the width, P the number of samples, θ = (u_1, v_1, …, u_H, v_H) the
 * parameters in the layout of {@link org.saddlecheck.network.Network}.
 */
package org.saddlecheck.scenario;
