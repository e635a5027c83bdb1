package org.saddlecheck.scenario;

import java.util.Arrays;

/**
 * The loss at recorded times, as a run CSV holds it ({@link TrajectoryCsv}).
 *
 * @param times ascending, starting at 0
 * @param losses the loss at each time
 */
public record LossCurve(double[] times, double[] losses) {

    public LossCurve {
        times = times.clone();
        losses = losses.clone();
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    public int size() {
        return times.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LossCurve c && Arrays.equals(times, c.times)
                && Arrays.equals(losses, c.losses);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(times) * 31 + Arrays.hashCode(losses);
    }

    @Override
    public String toString() {
        return "LossCurve[" + times.length + " records]";
    }
}
