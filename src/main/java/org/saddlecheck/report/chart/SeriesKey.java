package org.saddlecheck.report.chart;

/**
 * A dataset key that keeps series with equal names apart (JFreeChart requires distinct keys) while
 * showing only the name in the legend.
 *
 * @param index the series' position
 * @param label the legend text
 */
record SeriesKey(int index, String label) implements Comparable<SeriesKey> {

    @Override
    public int compareTo(SeriesKey other) {
        return Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        return label;
    }
}
