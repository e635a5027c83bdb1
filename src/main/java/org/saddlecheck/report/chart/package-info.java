/**
 * Figures of the report drawn by JFreeChart and rendered to SVG by JFreeSVG: curves with labelled
 * reference lines, scatter plots with the identity line, first-layer weight panels, and validity
 * maps. Labels hold math as Unicode (via {@link org.saddlecheck.report.text.UnicodeMath}); the
 * palette is Okabe and Ito's, which stays distinguishable under the common colour-vision
 * deficiencies, and every SVG carries explicit width, height and view box so the page can scale it.
 */
package org.saddlecheck.report.chart;
