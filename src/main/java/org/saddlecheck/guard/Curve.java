package org.saddlecheck.guard;

/**
 * A recorded loss curve.
 *
 * @param times the record times t (t = steps × η for gradient descent)
 * @param losses L at each time
 */
public record Curve(double[] times, double[] losses) {
}
