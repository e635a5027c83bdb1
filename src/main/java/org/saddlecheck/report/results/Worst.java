package org.saddlecheck.report.results;

/**
 * The try that came closest to violating a claim (or did violate it).
 *
 * @param measured the measured quantity on that try
 * @param predicted what the theory predicts for it
 * @param tolerance the tolerance the difference was held to
 * @param tryIndex which try it was, counted from one
 */
public record Worst(double measured, double predicted, double tolerance, int tryIndex) {
}
