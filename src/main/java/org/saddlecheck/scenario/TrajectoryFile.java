package org.saddlecheck.scenario;

import java.util.Arrays;
import java.util.List;
import org.saddlecheck.dynamics.Trajectory;

/**
 * The content of a trajectory file ({@link TrajectoryJson}): the run and everything needed to
 * replay it.
 *
 * @param scenario the scenario with explicit data and θ(0), as run
 * @param origin the scenario as it was given (with its generator seeds)
 * @param layout where each weight sits in θ
 * @param integrator the kind of integrator that produced the run
 * @param times the recorded times, ascending, starting at 0
 * @param losses the loss at each recorded time
 * @param unitNorms ‖θ_i‖ of every unit at every record (records × H), or null if not recorded
 * @param snapshots θ at the requested times
 * @param finalTheta θ at the end of the run
 * @param gradientEvaluations how many times the gradient was evaluated
 * @param lossEvaluations how many times the loss alone was evaluated
 * @param steps how many steps were accepted
 */
public record TrajectoryFile(
        Scenario scenario,
        Scenario origin,
        ParameterLayout layout,
        String integrator,
        double[] times,
        double[] losses,
        double[][] unitNorms,
        List<Trajectory.Snapshot> snapshots,
        double[] finalTheta,
        long gradientEvaluations,
        long lossEvaluations,
        long steps) {

    public TrajectoryFile {
        snapshots = List.copyOf(snapshots);
    }

    /** The number of records. */
    public int size() {
        return times.length;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TrajectoryFile t) || t.snapshots.size() != snapshots.size()) {
            return false;
        }
        for (int k = 0; k < snapshots.size(); k++) {
            Trajectory.Snapshot a = snapshots.get(k);
            Trajectory.Snapshot b = t.snapshots.get(k);
            if (Double.compare(a.time(), b.time()) != 0 || !Arrays.equals(a.theta(), b.theta())) {
                return false;
            }
        }
        return scenario.equals(t.scenario) && origin.equals(t.origin) && layout.equals(t.layout)
                && integrator.equals(t.integrator) && Arrays.equals(times, t.times)
                && Arrays.equals(losses, t.losses) && Arrays.deepEquals(unitNorms, t.unitNorms)
                && Arrays.equals(finalTheta, t.finalTheta)
                && gradientEvaluations == t.gradientEvaluations
                && lossEvaluations == t.lossEvaluations && steps == t.steps;
    }

    @Override
    public int hashCode() {
        return (scenario.hashCode() * 31 + Arrays.hashCode(losses)) * 31 + Long.hashCode(steps);
    }

    /** The integrator, the number of records and the final loss. */
    @Override
    public String toString() {
        return "TrajectoryFile[" + layout.network() + ", " + integrator + ", " + times.length
                + " records, final loss " + losses[losses.length - 1] + "]";
    }
}
