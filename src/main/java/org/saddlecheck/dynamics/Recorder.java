package org.saddlecheck.dynamics;

import java.util.Locale;
import org.saddlecheck.DivergenceException;
import org.saddlecheck.Require;

/**
 * The bookkeeping shared by every integrator of one run: which times are recorded, when θ is kept,
 * the divergence checks, and the calls to the plan's observer and stop rule.
 *
 * <h2>What is recorded</h2>
 * <ul>
 *   <li>t = 0, always, with the initial loss;</li>
 *   <li>the log-spaced times t_j = t_first · 10^(j / m), j = 0, 1, … with m points per decade
 *       ({@link RunPlan#firstTime()}, {@link RunPlan#pointsPerDecade()}): the adaptive flow records
 *       at t_j exactly by dense output, a discrete method at the first step at or after t_j;</li>
 *   <li>every step end whose loss differs from the last recorded loss by more than the relative
 *       amount {@link RunPlan#lossChange()}, |L − L_last| &gt; c·|L_last| (event-driven records,
 *       which resolve a drop however late it comes);</li>
 *   <li>the end of the run (the last step, or the step at which the stop rule fired).</li>
 * </ul>
 * No time is recorded twice. Snapshots of θ follow the same rule as the log-spaced records (exact
 * times for the flow, the first step at or after each requested time for discrete methods; one
 * snapshot per requested time, so several requested times inside one step share that step's θ).
 * Requested snapshot times at or before 0 keep θ(0).
 *
 * <h2>Divergence</h2>
 * A run diverges when the loss or θ stops being finite, or when the loss exceeds the blow-up bound
 * L_max = 10⁶ · max(L(0), 1). Gradient flow never raises the loss, and a convergent discrete method
 * with a stable step raises it at most by a bounded factor; a loss a million times its start (or
 * above a million, for losses starting below 1) means the step has left the stability region and θ
 * grows geometrically. The {@link DivergenceException} names the time and, for discrete methods,
 * the step, and no trajectory is returned.
 */
final class Recorder {

    /** L_max = {@value} · max(L(0), 1). */
    static final double BLOW_UP_FACTOR = 1e6;

    /** Step number passed by integrators without numbered steps (the adaptive flow). */
    static final long NO_STEP = -1;

    private final RunPlan plan;
    private final Trajectory.Builder builder;
    private final double blowUpBound;
    private final double[] snapshotTimes;
    private int nextSnapshot;
    private long logIndex;
    private double nextLogTime;

    /**
     * Starts a run: checks θ(0) and L(0), records t = 0 and keeps θ(0) for the snapshot times at or
     * before 0. Does not modify {@code theta0}.
     */
    Recorder(String kind, RunPlan plan, double initialLoss, double[] theta0) {
        this.plan = plan;
        this.builder = new Trajectory.Builder(kind);
        if (plan.unitSize() > 0) {
            Require.that(theta0.length % plan.unitSize() == 0, "θ has length " + theta0.length
                    + ", which is not a whole number of units of size " + plan.unitSize());
        }
        if (!Double.isFinite(initialLoss)) {
            throw new DivergenceException("the initial loss is " + initialLoss
                    + " at t = 0, although θ(0) is finite", 0);
        }
        this.blowUpBound = BLOW_UP_FACTOR * Math.max(initialLoss, 1);
        this.snapshotTimes = plan.snapshotTimes();
        this.nextLogTime = plan.firstTime();
        builder.record(0, initialLoss, theta0, plan.unitSize());
        while (nextSnapshot < snapshotTimes.length && snapshotTimes[nextSnapshot] <= 0) {
            builder.snapshot(0, theta0);
            nextSnapshot++;
        }
    }

    /** L_max, above which the loss counts as blown up. */
    double blowUpBound() {
        return blowUpBound;
    }

    /** The earliest pending log-spaced record or snapshot time, or +∞ when none is left. */
    double nextScheduledTime() {
        double snapshot = nextSnapshot < snapshotTimes.length
                ? snapshotTimes[nextSnapshot] : Double.POSITIVE_INFINITY;
        return Math.min(nextLogTime, snapshot);
    }

    /** Whether a log-spaced record is due at or before {@code time}. */
    boolean recordDue(double time) {
        return nextLogTime <= time;
    }

    /**
     * Serves every log-spaced record and snapshot due at or before {@code time} with the state
     * ({@code loss}, {@code theta}) at {@code time}. Does not modify {@code theta}.
     */
    void scheduled(double time, double loss, double[] theta) {
        if (nextLogTime <= time) {
            record(time, loss, theta);
            while (nextLogTime <= time) {
                logIndex++;
                nextLogTime = plan.firstTime()
                        * Math.pow(10, logIndex / (double) plan.pointsPerDecade());
            }
        }
        while (nextSnapshot < snapshotTimes.length && snapshotTimes[nextSnapshot] <= time) {
            builder.snapshot(time, theta);
            nextSnapshot++;
        }
    }

    /**
     * Handles the end of an accepted step: checks the loss for divergence, serves the records and
     * snapshots due, adds an event-driven record when the loss moved by more than the plan's
     * relative change, then calls the observer and the stop rule. Does not modify {@code theta}.
     *
     * @param step the step number for messages, or {@link #NO_STEP}
     * @return whether the stop rule asks to end the run here
     */
    boolean stepEnd(double time, double loss, double[] theta, long step) {
        checkLoss("the loss", loss, time, step);
        scheduled(time, loss, theta);
        if (lossMoved(loss)) {
            record(time, loss, theta);
        }
        plan.observer().accepted(time, loss, theta);
        return plan.stopRule().shouldStop(time, loss, theta);
    }

    /** Whether |L − L_last| &gt; c·|L_last| against the last record. */
    boolean lossMoved(double loss) {
        double last = builder.lastLoss();
        return Math.abs(loss - last) > plan.lossChange() * Math.abs(last);
    }

    /** Records the final state (unless that time is recorded already) and builds the trajectory. */
    Trajectory finish(double time, double loss, double[] theta, long gradientEvaluations,
            long lossEvaluations, long steps) {
        record(time, loss, theta);
        return builder.finish(theta, gradientEvaluations, lossEvaluations, steps).build();
    }

    private void record(double time, double loss, double[] theta) {
        if (time > builder.lastTime()) {
            builder.record(time, loss, theta, plan.unitSize());
        }
    }

    /**
     * Throws a {@link DivergenceException} when {@code loss} is not finite or exceeds the blow-up
     * bound. {@code what} names the quantity ("the loss", "the minibatch loss").
     */
    void checkLoss(String what, double loss, double time, long step) {
        if (!Double.isFinite(loss)) {
            throw new DivergenceException(what + " became " + loss + " at " + where(time, step), time);
        }
        if (loss > blowUpBound) {
            throw new DivergenceException(what + " (" + number(loss) + ") exceeded the blow-up bound "
                    + "1e6·max(L(0), 1) = " + number(blowUpBound) + " at " + where(time, step),
                    time);
        }
    }

    /** The exception for a θ with an infinite or NaN entry at {@code time}. */
    static DivergenceException nonFiniteTheta(double time, long step) {
        return new DivergenceException("θ became non-finite at " + where(time, step), time);
    }

    /** "t = 12.5 (step 1250)", or "t = 12.5" without a step number. */
    static String where(double time, long step) {
        return "t = " + number(time) + (step == NO_STEP ? "" : " (step " + step + ")");
    }

    /** A number with at most six significant digits and no trailing zeros: 12.5, 1e+06. */
    static String number(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        String s = String.format(Locale.ROOT, "%.6g", x);
        s = s.replaceAll("(\\.\\d*?)0+(?=e|$)", "$1");
        return s.replaceAll("\\.(?=e|$)", "");
    }

    /**
     * The number of steps N = ⌈T/h⌉ of a fixed-step method, so that the run ends at the first step
     * time N·h at or after T; a ratio T/h within 10⁻⁹ (relative) of an integer counts as that
     * integer, so that T = 100, h = 0.1 gives 1000 steps despite rounding.
     */
    static long stepCount(double endTime, double step) {
        double ratio = endTime / step;
        Require.that(ratio < 1e15, "the run to t = " + number(endTime) + " would take "
                + number(ratio) + " steps of size " + number(step) + "; use a larger step");
        double nearest = Math.rint(ratio);
        long count = Math.abs(ratio - nearest) <= 1e-9 * nearest ? (long) nearest
                : (long) Math.ceil(ratio);
        return Math.max(count, 1);
    }

    /**
     * Whether every entry of θ is finite. Branch-free: x·0 is 0 for finite x and NaN otherwise, so
     * the sum stays 0 exactly when θ is finite.
     */
    static boolean finite(double[] theta) {
        double sum = 0;
        for (double x : theta) {
            sum += x * 0.0;
        }
        return sum == 0;
    }
}
