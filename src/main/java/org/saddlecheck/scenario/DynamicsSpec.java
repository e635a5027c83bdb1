package org.saddlecheck.scenario;

/**
 * The training dynamics and when they end.
 *
 * @param kind {@code flow} (adaptive Dormand–Prince 8(5,3)), {@code rk4}, {@code gd} or {@code sgd}
 * @param endTime the training time t at which the run ends (t = steps × η for discrete methods)
 * @param step the learning rate η for {@code gd} and {@code sgd}, the step h for {@code rk4}
 * @param relativeTolerance the adaptive integrator's relative tolerance
 * @param batchSize the minibatch size for {@code sgd}
 * @param seed the seed of the minibatch draws for {@code sgd}
 * @param snapshotTimes times at which θ is kept, ascending (may be empty)
 */
public record DynamicsSpec(
        String kind,
        double endTime,
        double step,
        double relativeTolerance,
        int batchSize,
        long seed,
        double[] snapshotTimes) {

    public static DynamicsSpec flow(double endTime, double relativeTolerance) {
        return new DynamicsSpec("flow", endTime, 0, relativeTolerance, 0, 0, new double[0]);
    }

    public static DynamicsSpec gradientDescent(double endTime, double learningRate) {
        return new DynamicsSpec("gd", endTime, learningRate, 0, 0, 0, new double[0]);
    }
}
