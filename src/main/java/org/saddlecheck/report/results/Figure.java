package org.saddlecheck.report.results;

/**
 * One evidence figure of a claim, drawn from one representative try. Titles and labels may hold
 * inline math between {@code $…$}.
 */
public sealed interface Figure permits LinesFigure, ScatterFigure, WeightsFigure, TableFigure {

    /** The figure's title. */
    String title();

    /** The word naming this figure's type in the JSON format. */
    String type();
}
