package org.saddlecheck.report.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.saddlecheck.report.text.Numbers;

/**
 * Axis tick labels written like the page's numbers: 0.5, 12.2, 3×10⁻⁵. A logarithmic axis plots
 * log₁₀ of its values, so there the tick value k is labelled 10ᵏ (1 and 10 for k = 0 and 1), and
 * other ticks show the value they stand for. Format only.
 */
final class TickFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    private final boolean powers;

    /** @param powers whether tick values are exponents of ten (for logarithmic axes) */
    TickFormat(boolean powers) {
        this.powers = powers;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        if (!powers) {
            return toAppendTo.append(Numbers.format(number));
        }
        long k = Math.round(number);
        // Tick values are multiples of a whole step, so a whole exponent is within round-off.
        if (Math.abs(number - k) < 1e-9 && (k < 0 || k > 1)) {
            return toAppendTo.append("10").append(Numbers.superscript(k));
        }
        return toAppendTo.append(Numbers.format(Math.pow(10, number)));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(Numbers.format(number));
    }

    /** Tick labels are never parsed back. */
    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("tick labels are not parsed");
    }
}
