/**
 * The results of a verification run as plain values, and their JSON form
 * ({@code saddlecheck-results/1}): reading with errors that name the file and the field, writing,
 * and reassembling the shards of one run.
 *
 * <p>A run is one {@link org.saddlecheck.report.results.Results}: who ran it and how
 * ({@link org.saddlecheck.report.results.RunInfo}), one
 * {@link org.saddlecheck.report.results.ClaimResult} per claim of the catalogue, each with the
 * evidence figures of one representative try, and the validity maps that sweep a claim over two
 * parameters. The values here only describe; nothing in this package runs a simulation.
 */
package org.saddlecheck.report.results;
