package org.saddlecheck.dynamics;

/** Ends a run early, for example once the loss has fallen below a level. Must not modify θ. */
@FunctionalInterface
public interface StopRule {

    /** Whether to stop after an accepted step at {@code time}. */
    boolean shouldStop(double time, double loss, double[] theta);

    /** Never stops early. */
    StopRule NEVER = (time, loss, theta) -> false;

    /** Stops once the loss is at or below {@code level}. */
    static StopRule lossBelow(double level) {
        return (time, loss, theta) -> loss <= level;
    }

    /** Stops when this rule or {@code other} says so (both are consulted at every step). */
    default StopRule or(StopRule other) {
        return (time, loss, theta) -> shouldStop(time, loss, theta)
                | other.shouldStop(time, loss, theta);
    }
}
