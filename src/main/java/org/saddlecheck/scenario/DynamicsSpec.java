package org.saddlecheck.scenario;

import java.util.Arrays;
import java.util.Objects;
import org.saddlecheck.dynamics.RunPlan;

/**
 * The training dynamics, when they end and what is recorded.
 *
 * @param kind {@code flow} (adaptive Dormand–Prince 8(5,3)), {@code flow-dp54} (adaptive
 *     Dormand–Prince 5(4)), {@code rk4}, {@code gd} or {@code sgd}
 * @param endTime the training time t at which the run ends (t = steps × η for discrete methods)
 * @param step the learning rate η for {@code gd} and {@code sgd}, the step h for {@code rk4}
 * @param relativeTolerance the adaptive integrator's relative tolerance
 * @param batchSize the minibatch size for {@code sgd}
 * @param seed the seed of the minibatch draws for {@code sgd}
 * @param snapshotTimes times at which θ is kept, ascending (may be empty)
 * @param firstTime the first log-spaced record time ({@link RunPlan})
 * @param pointsPerDecade log-spaced records per factor of ten in time
 * @param lossChange relative change of the loss that forces a record
 * @param unitNorms whether the norm of every unit is recorded beside each loss
 */
public record DynamicsSpec(
        String kind,
        double endTime,
        double step,
        double relativeTolerance,
        int batchSize,
        long seed,
        double[] snapshotTimes,
        double firstTime,
        int pointsPerDecade,
        double lossChange,
        boolean unitNorms) {

    /** The kinds of dynamics, as named in scenario files. */
    public static final String FLOW = "flow";
    /** Gradient flow by the project's own Dormand–Prince 5(4) pair (fewer gradients per step). */
    public static final String FLOW_DP54 = "flow-dp54";
    public static final String RK4 = "rk4";
    public static final String GD = "gd";
    public static final String SGD = "sgd";

    /** The default relative loss change that forces a record: 1%. */
    public static final double DEFAULT_LOSS_CHANGE = 0.01;

    /** Dynamics with the default recording of {@link #defaultFirstTime}, 231 points per decade, 1%. */
    public DynamicsSpec(String kind, double endTime, double step, double relativeTolerance,
            int batchSize, long seed, double[] snapshotTimes) {
        this(kind, endTime, step, relativeTolerance, batchSize, seed, snapshotTimes,
                defaultFirstTime(endTime), RunPlan.DEFAULT_POINTS_PER_DECADE, DEFAULT_LOSS_CHANGE,
                true);
    }

    /** min(10⁻³, end time), the first log-spaced record time unless one is given. */
    public static double defaultFirstTime(double endTime) {
        return Math.min(1e-3, endTime);
    }

    public static DynamicsSpec flow(double endTime, double relativeTolerance) {
        return new DynamicsSpec(FLOW, endTime, 0, relativeTolerance, 0, 0, new double[0]);
    }

    /** Gradient flow by the Dormand–Prince 5(4) pair ({@code flow-dp54}). */
    public static DynamicsSpec flowDp54(double endTime, double relativeTolerance) {
        return new DynamicsSpec(FLOW_DP54, endTime, 0, relativeTolerance, 0, 0, new double[0]);
    }

    public static DynamicsSpec rungeKutta4(double endTime, double step) {
        return new DynamicsSpec(RK4, endTime, step, 0, 0, 0, new double[0]);
    }

    public static DynamicsSpec gradientDescent(double endTime, double learningRate) {
        return new DynamicsSpec(GD, endTime, learningRate, 0, 0, 0, new double[0]);
    }

    public static DynamicsSpec stochastic(
            double endTime, double learningRate, int batchSize, long seed) {
        return new DynamicsSpec(SGD, endTime, learningRate, 0, batchSize, seed, new double[0]);
    }

    public DynamicsSpec withSnapshots(double... times) {
        return new DynamicsSpec(kind, endTime, step, relativeTolerance, batchSize, seed, times,
                firstTime, pointsPerDecade, lossChange, unitNorms);
    }

    public DynamicsSpec withRecording(double first, int perDecade, double change, boolean norms) {
        return new DynamicsSpec(kind, endTime, step, relativeTolerance, batchSize, seed,
                snapshotTimes, first, perDecade, change, norms);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DynamicsSpec d && Objects.equals(kind, d.kind)
                && Double.compare(endTime, d.endTime) == 0 && Double.compare(step, d.step) == 0
                && Double.compare(relativeTolerance, d.relativeTolerance) == 0
                && batchSize == d.batchSize && seed == d.seed
                && Arrays.equals(snapshotTimes, d.snapshotTimes)
                && Double.compare(firstTime, d.firstTime) == 0
                && pointsPerDecade == d.pointsPerDecade
                && Double.compare(lossChange, d.lossChange) == 0 && unitNorms == d.unitNorms;
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(kind);
        h = 31 * h + Double.hashCode(endTime);
        h = 31 * h + Double.hashCode(step);
        h = 31 * h + Double.hashCode(relativeTolerance);
        h = 31 * h + batchSize;
        h = 31 * h + Long.hashCode(seed);
        h = 31 * h + Arrays.hashCode(snapshotTimes);
        h = 31 * h + Double.hashCode(firstTime);
        h = 31 * h + pointsPerDecade;
        h = 31 * h + Double.hashCode(lossChange);
        return 31 * h + Boolean.hashCode(unitNorms);
    }

    @Override
    public String toString() {
        return "DynamicsSpec[kind=" + kind + ", endTime=" + endTime + ", step=" + step
                + ", relativeTolerance=" + relativeTolerance + ", batchSize=" + batchSize
                + ", seed=" + seed + ", snapshotTimes=" + Arrays.toString(snapshotTimes)
                + ", firstTime=" + firstTime + ", pointsPerDecade=" + pointsPerDecade
                + ", lossChange=" + lossChange + ", unitNorms=" + unitNorms + "]";
    }
}
