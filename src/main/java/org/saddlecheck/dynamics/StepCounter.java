package org.saddlecheck.dynamics;

/**
 * Counts the steps an integrator reports and keeps the last time and loss: the simplest progress
 * observer. Not safe for concurrent use.
 */
public final class StepCounter implements Observer {
    private long steps;
    private double lastTime = Double.NaN;
    private double lastLoss = Double.NaN;

    @Override
    public void accepted(double time, double loss, double[] theta) {
        steps++;
        lastTime = time;
        lastLoss = loss;
    }

    /** The number of calls so far. */
    public long steps() {
        return steps;
    }

    /** The time of the last call, NaN before the first. */
    public double lastTime() {
        return lastTime;
    }

    /** The loss of the last call, NaN before the first. */
    public double lastLoss() {
        return lastLoss;
    }
}
