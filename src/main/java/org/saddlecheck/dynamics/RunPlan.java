package org.saddlecheck.dynamics;

import java.util.Arrays;
import org.saddlecheck.Require;

/**
 * What one run records and when it ends.
 *
 * <p>The loss is recorded at log-spaced times from {@code firstTime} on, {@code pointsPerDecade}
 * to a decade, and in addition whenever it has changed by more than the relative amount
 * {@code lossChange} since the last record (event-driven records, which keep drops resolved however
 * late they come). 231 points per decade space the records 1% apart in time, enough to place a drop
 * to 1% of its time. Parameter snapshots are taken at {@code snapshotTimes} (exactly, by dense output
 * or by the step that lands there). With {@code unitSize} &gt; 0, the norm of every unit block of θ
 * is recorded beside each loss.
 *
 * @param endTime the time at which the run ends
 * @param stopRule an earlier end
 * @param observer progress
 * @param firstTime the first log-spaced record time (the loss at t = 0 is always recorded)
 * @param pointsPerDecade log-spaced records per factor of ten in time
 * @param lossChange relative change of the loss that forces a record
 * @param snapshotTimes times at which θ is kept, ascending
 * @param unitSize |u| + |v| for per-unit norms, or 0 for none
 */
public record RunPlan(
        double endTime,
        StopRule stopRule,
        Observer observer,
        double firstTime,
        int pointsPerDecade,
        double lossChange,
        double[] snapshotTimes,
        int unitSize) {

    /** Records 1% apart in time and at every 1% change of the loss. */
    public static final int DEFAULT_POINTS_PER_DECADE = 231;

    public RunPlan {
        Require.positive("end time", endTime);
        Require.positive("first record time", firstTime);
        Require.positive("points per decade", pointsPerDecade);
        Require.positive("relative loss change per record", lossChange);
        Require.nonNegative("unit size", unitSize);
        Require.finite("snapshot times", snapshotTimes);
        snapshotTimes = snapshotTimes.clone();
        for (int k = 1; k < snapshotTimes.length; k++) {
            Require.that(snapshotTimes[k] > snapshotTimes[k - 1],
                    "snapshot times must be strictly increasing, but entry " + k + " ("
                            + snapshotTimes[k] + ") is not above entry " + (k - 1));
        }
    }

    /** A plan to {@code endTime} with the default recording and no snapshots. */
    public static RunPlan until(double endTime) {
        return new RunPlan(endTime, StopRule.NEVER, Observer.NONE, Math.min(1e-3, endTime),
                DEFAULT_POINTS_PER_DECADE, 0.01, new double[0], 0);
    }

    public RunPlan withStopRule(StopRule rule) {
        return new RunPlan(endTime, rule, observer, firstTime, pointsPerDecade, lossChange,
                snapshotTimes, unitSize);
    }

    public RunPlan withObserver(Observer newObserver) {
        return new RunPlan(endTime, stopRule, newObserver, firstTime, pointsPerDecade, lossChange,
                snapshotTimes, unitSize);
    }

    public RunPlan withSnapshots(double... times) {
        return new RunPlan(endTime, stopRule, observer, firstTime, pointsPerDecade, lossChange,
                times, unitSize);
    }

    public RunPlan withUnitNorms(int size) {
        return new RunPlan(endTime, stopRule, observer, firstTime, pointsPerDecade, lossChange,
                snapshotTimes, size);
    }

    public RunPlan withRecording(double first, int perDecade, double change) {
        return new RunPlan(endTime, stopRule, observer, first, perDecade, change, snapshotTimes,
                unitSize);
    }

    @Override
    public double[] snapshotTimes() {
        return snapshotTimes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunPlan p && p.endTime == endTime && p.stopRule == stopRule
                && p.observer == observer && p.firstTime == firstTime
                && p.pointsPerDecade == pointsPerDecade && p.lossChange == lossChange
                && Arrays.equals(p.snapshotTimes, snapshotTimes) && p.unitSize == unitSize;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(endTime) * 31 + Arrays.hashCode(snapshotTimes);
    }
}
