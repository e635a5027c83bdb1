package org.saddlecheck.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.saddlecheck.report.SampleResults;
import org.saddlecheck.report.results.LinesFigure;
import org.saddlecheck.report.results.Reference;
import org.saddlecheck.report.results.Scale;
import org.saddlecheck.report.results.ScatterFigure;
import org.saddlecheck.report.results.Series;
import org.saddlecheck.report.results.ValidityMap;
import org.saddlecheck.report.results.WeightsFigure;

class ChartSvgTests {

    @Test
    void linesFigureHasOneSeriesPerCurveAndOneMarkerPerReference() {
        LinesFigure f = SampleResults.lossCurves();
        XYPlot plot = Charts.lines(f).chart().getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(f.series().size());
        assertThat(plot.getDomainMarkers(Layer.FOREGROUND).size()).isEqualTo(f.vertical().size());
        assertThat(plot.getRangeMarkers(Layer.FOREGROUND).size()).isEqualTo(f.horizontal().size());
        // The log axis plots log10 values: the tick at −3 reads 10⁻³, at 0 and 1 plain 1 and 10.
        var ticks = ((NumberAxis) plot.getRangeAxis()).getNumberFormatOverride();
        assertThat(ticks.format(-3.0)).isEqualTo("10⁻³");
        assertThat(ticks.format(0.0)).isEqualTo("1");
        assertThat(ticks.format(1.0)).isEqualTo("10");
    }

    @Test
    void linesSvgIsSizedAndShowsLabelsAsUnicode() {
        String svg = ChartSvg.lines(SampleResults.lossCurves(), "fig-1").svg();
        assertThat(svg).startsWith("<svg id='fig-1'").contains("width='720'")
                .contains("height='420'").contains("viewBox='0 0 720 420'")
                .contains(">t₁<").contains(">plateau 1<").contains(">10⁻²<").contains(">loss L<")
                .doesNotContain("$");
    }

    @Test
    void everyIdInsideAnSvgCarriesItsPrefix() {
        String svg = ChartSvg.map(SampleResults.dropTimeMap(), "m7").svg();
        Matcher ids = Pattern.compile("id='([^']*)'").matcher(svg);
        int count = 0;
        while (ids.find()) {
            assertThat(ids.group(1)).startsWith("m7");
            count++;
        }
        assertThat(count).isGreaterThan(1);
    }

    @Test
    void scatterWithIdentityAddsOneSeries() {
        ScatterFigure f = SampleResults.dropScatter();
        XYPlot plot = Charts.scatter(f).chart().getXYPlot();
        assertThat(f.identity()).isTrue();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(f.series().size() + 1);
        assertThat(plot.getDataset().getSeriesKey(f.series().size()).toString()).isEqualTo("y = x");
    }

    @Test
    void fitSeriesAreLinesAndDataSeriesArePoints() {
        ScatterFigure f = SampleResults.scalingScatter();
        JFreeChart chart = Charts.scatter(f).chart();
        var renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        assertThat(chart.getXYPlot().getDataset().getSeriesCount()).isEqualTo(4);
        for (int s = 0; s < f.series().size(); s++) {
            boolean fit = f.series().get(s).name().startsWith("fit");
            assertThat(renderer.getSeriesLinesVisible(s)).isEqualTo(fit);
            assertThat(renderer.getSeriesShapesVisible(s)).isEqualTo(!fit);
        }
        assertThat(ChartSvg.scatter(f, "s").svg()).contains("fit ln(1/ε)");
    }

    @Test
    void weightsFigureGivesOnePanelPerSnapshotWithOneArrowPerUnit() {
        WeightsFigure f = SampleResults.weightsFigure();
        List<ChartSvg.Rendered> panels = ChartSvg.weights(f, "w");
        assertThat(panels).hasSize(f.panels().size());
        XYPlot plot = Charts.weights(f.panels().get(1), f.xLabel(), f.yLabel()).chart().getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(1);
        assertThat(plot.getDataset().getItemCount(0)).isEqualTo(f.panels().get(1).u().size());
        assertThat(panels.get(2).svg()).contains("id='w-p2'").contains(">end, t = 120<");
    }

    @Test
    void mapHasOneCellPerGridPointAndTheRegimeAnnotation() {
        ValidityMap m = SampleResults.dropTimeMap();
        XYPlot plot = Charts.map(m).chart().getXYPlot();
        assertThat(plot.getDataset().getItemCount(0)).isEqualTo(m.x().size() * m.y().size());
        assertThat(plot.getAnnotations()).hasSize(1).first().isInstanceOf(RegimeOutline.class);
        assertThat(plot.getFixedLegendItems().getItemCount()).isEqualTo(3);
    }

    @Test
    void cellEdgesLieHalfWayBetweenGridValuesGeometricallyOnLogAxes() {
        double[] linear = Charts.edges(List.of(1.0, 2.0, 4.0), Scale.LINEAR);
        assertThat(linear).containsExactly(0.5, 1.5, 3.0, 5.0);
        double[] log = Charts.edges(List.of(1e-4, 1e-2), Scale.LOG);
        // Plotted as log10: midpoint (−4 − 2)/2 = −3, ends a half step (one decade) beyond.
        // 1e-4 and 1e-2 are not exact in binary; their log10 is within a few ulps of −4 and −2.
        Offset<Double> ulps = Offset.offset(1e-14);
        assertThat(log[0]).isCloseTo(-5, ulps);
        assertThat(log[1]).isCloseTo(-3, ulps);
        assertThat(log[2]).isCloseTo(-1, ulps);
    }

    @Test
    void pointsALogAxisCannotShowAreCountedInTheNote() {
        LinesFigure f = new LinesFigure("t", "x", "y", Scale.LINEAR, Scale.LOG,
                List.of(new Series("a", List.of(1.0, 2.0, 3.0, 4.0),
                        List.of(1.0, 0.0, -1.0, Double.NaN))),
                List.of(), List.of(new Reference(-2.0, "below zero")));
        Charts.Built built = Charts.lines(f);
        // y = 0, y = −1 and y = NaN cannot be drawn on a log axis; nor can the line at y = −2.
        assertThat(built.hidden()).isEqualTo(4);
        assertThat(built.note()).startsWith("4 points are not drawn");
    }

    @Test
    void longCurvesAreThinnedKeepingExtremes() {
        int n = 20_000;
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            y.add(i == 12_345 ? 100.0 : Math.sin(i * 1e-3));
        }
        int[] kept = Thinning.keep(y, Charts.MAX_POINTS);
        assertThat(kept.length).isLessThanOrEqualTo(Charts.MAX_POINTS);
        assertThat(kept).contains(0, n - 1, 12_345);
        for (int i = 1; i < kept.length; i++) {
            assertThat(kept[i]).isGreaterThan(kept[i - 1]);
        }
    }

    @Test
    void narrowLogAxisTicksBetweenPowersOfTen() {
        LinesFigure f = new LinesFigure("t", "x", "y", Scale.LINEAR, Scale.LOG,
                List.of(new Series("a", List.of(1.0, 2.0), List.of(2e-3, 5e-3))), List.of(),
                List.of());
        JFreeChart chart = Charts.lines(f).chart();
        ChartSvg.svg(chart, ChartSvg.WIDTH, ChartSvg.HEIGHT, "n");
        // log10(5e-3 / 2e-3) ≈ 0.4 decades: whole powers of ten would leave no tick at all.
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
        assertThat(y.getTickUnit().getSize()).isLessThan(1);
        assertThat(y.getNumberFormatOverride().format(Math.log10(3e-3))).isEqualTo("0.003");
    }
}
