package org.saddlecheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

/** Norms, distances, crossings and slopes against their formulas or an independent computation. */
class MeasuresTests {

    @Test
    void normsNeitherUnderflowNorOverflow() {
        assertThat(Measures.norm(new double[] {3e-200, 4e-200})).isCloseTo(5e-200, within(1e-214));
        assertThat(Measures.norm(new double[] {3e200, -4e200})).isCloseTo(5e200, within(1e186));
        assertThat(Measures.norm(new double[] {0, 0})).isZero();
        assertThat(Measures.norm(new double[] {9, 3, 4, 9}, 1, 2)).isEqualTo(5);
    }

    @Test
    void relativeDistanceIsTheDifferenceOverTheLargerNorm() {
        assertThat(Measures.relativeDistance(new double[] {1, 0}, new double[] {0, 1}))
                .isCloseTo(Math.sqrt(2), within(1e-15));
        assertThat(Measures.relativeDistance(new double[] {3, 4}, new double[] {3, 4.5}))
                .isCloseTo(0.5 / Math.hypot(3, 4.5), within(1e-15));
        assertThat(Measures.relativeDistance(new double[] {0, 0}, new double[] {0, 0})).isZero();
        // at ε = 1e-12 scale the distance is still relative
        assertThat(Measures.relativeDistance(new double[] {1e-12, 0}, new double[] {0, 1e-12}))
                .isCloseTo(Math.sqrt(2), within(1e-15));
        assertThatThrownBy(() -> Measures.relativeDistance(new double[2], new double[3]))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aLevelCrossingIsInterpolatedLinearlyInTime() {
        // y = 1 − t on irregular records: linear interpolation is exact, so y = 0.5 at t = 0.5
        double[] t = {0, 0.3, 0.7, 1.2};
        double[] y = {1, 0.7, 0.3, -0.2};

        assertThat(Measures.firstTimeAtOrBelow(t, y, 0.5)).isCloseTo(0.5, within(1e-15));
        assertThat(Measures.firstCrossing(t, y, 0.5)).isCloseTo(0.5, within(1e-15));
        assertThat(Measures.firstTimeAtOrBelow(t, y, 1)).isZero();
        assertThat(Measures.firstTimeAtOrBelow(t, y, -1)).isNaN();
        assertThat(Measures.firstTimeAtOrAbove(t, y, 2)).isNaN();
        double[] rising = {-0.2, 0.3, 0.7, 1};
        assertThat(Measures.firstCrossing(t, rising, 0.5)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void aPowerLawHasItsExponentAsLogLogSlope() {
        // y = 3 x^{−0.7} exactly: slope −0.7, no residual, so the standard error is round-off
        double[] x = {1e-12, 1e-9, 1e-6, 1e-3, 1};
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = 3 * Math.pow(x[k], -0.7);
        }

        LineFit fit = Measures.logLogSlope(x, y);

        assertThat(fit.slope()).isCloseTo(-0.7, within(1e-13));
        assertThat(fit.intercept()).isCloseTo(Math.log(3), within(1e-12));
        assertThat(fit.standardError()).isLessThan(1e-13);
        assertThat(fit.count()).isEqualTo(5);
    }

    @Test
    void slopesAndTheirStandardErrorsMatchAnIndependentRegression() {
        // plateau lengths against ln(1/ε) with noise: slope and its standard error against Commons
        // Math's SimpleRegression, an independent implementation of the same formulas
        Well19937c random = new Well19937c(29); // fixed so the data are reproducible
        double[] x = new double[12];
        double[] y = new double[12];
        SimpleRegression reference = new SimpleRegression();
        for (int k = 0; k < x.length; k++) {
            x[k] = Math.log(1 / Math.pow(10, -2 - k));
            y[k] = 0.5 * x[k] + 1.3 + 0.2 * random.nextGaussian();
            reference.addData(x[k], y[k]);
        }

        LineFit fit = Measures.linearFit(x, y);

        assertThat(fit.slope()).isCloseTo(reference.getSlope(), within(1e-12));
        assertThat(fit.standardError()).isCloseTo(reference.getSlopeStdErr(), within(1e-12));
        assertThat(fit.intercept()).isCloseTo(reference.getIntercept(), within(1e-11));
        assertThat(fit.valueAt(2)).isCloseTo(fit.intercept() + 2 * fit.slope(), within(1e-15));
    }

    @Test
    void slopesNeedPositiveValuesForLogsAndTwoDistinctPoints() {
        assertThatThrownBy(() -> Measures.logLogSlope(new double[] {1, 2}, new double[] {1, 0}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("y[1]");
        assertThatThrownBy(() -> Measures.linearFit(new double[] {1, 1}, new double[] {1, 2}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("distinct");
        assertThat(Measures.linearFit(new double[] {0, 1}, new double[] {1, 3}).standardError()).isNaN();
    }
}
