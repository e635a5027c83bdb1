package org.saddlecheck.dynamics;

/**
 * Records the largest value of a deviation d(t, θ) over the steps it observes, and where it
 * occurred: the harness for checking a simulation against a prediction (an exact solution, a
 * conserved quantity, an invariant manifold) all along a run rather than only at its end.
 * Not safe for concurrent use.
 */
public final class WorstDeviation implements Observer {

    /** A deviation of θ at time t from a prediction, ≥ 0. Must not modify θ. */
    @FunctionalInterface
    public interface Deviation {
        double at(double time, double[] theta);
    }

    private final Deviation deviation;
    private double worst;
    private double worstTime = Double.NaN;
    private long count;

    public WorstDeviation(Deviation deviation) {
        this.deviation = deviation;
    }

    /** Evaluates d(t, θ) and keeps it if it is the largest so far. A NaN deviation counts as worst. */
    @Override
    public void accepted(double time, double loss, double[] theta) {
        see(time, theta);
    }

    /** Includes one more (t, θ), for example a snapshot, in the maximum. */
    public void see(double time, double[] theta) {
        double d = deviation.at(time, theta);
        count++;
        if (!(d <= worst)) {
            worst = d;
            worstTime = time;
        }
    }

    /** max d over everything seen, 0 before anything (NaN if a deviation was NaN). */
    public double worst() {
        return worst;
    }

    /** The time of the worst deviation, NaN before anything is seen. */
    public double worstTime() {
        return worstTime;
    }

    /** How many (t, θ) were seen. */
    public long count() {
        return count;
    }
}
