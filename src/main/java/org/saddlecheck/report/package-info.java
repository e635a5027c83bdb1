/**
 * The HTML report: one self-contained page drawn from results ({@link
 * org.saddlecheck.report.ReportWriter}). It reads results and never runs a simulation.
 *
 * <p>The page loads nothing: styles are inline, figures are inline SVG drawn by JFreeChart
 * ({@link org.saddlecheck.report.chart}), formulas are MathML ({@link org.saddlecheck.report.text}),
 * and a content security policy forbids every network request and every script. Subpackages:
 * {@code results} (the results model, its JSON form and shard merging), {@code text} (TeX, MathML,
 * markdown), {@code chart} (figures).
 */
package org.saddlecheck.report;
