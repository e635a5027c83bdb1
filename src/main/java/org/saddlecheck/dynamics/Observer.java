package org.saddlecheck.dynamics;

/**
 * Receives progress from a running integrator. The library prints nothing; the command line and
 * the report subscribe here. Must not modify {@code theta}.
 */
@FunctionalInterface
public interface Observer {

    /** Called after each accepted step with the time, the loss and the current parameters. */
    void accepted(double time, double loss, double[] theta);

    /** An observer that ignores everything. */
    Observer NONE = (time, loss, theta) -> { };
}
