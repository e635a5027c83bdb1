package org.saddlecheck.report.chart;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Which points of a long curve to draw: all of them up to a limit; beyond it, in each of
 * limit / 4 runs of consecutive points, the first, the last, the lowest and the highest (NaN
 * counts as both, so gaps stay gaps). The kept indices are in increasing order.
 */
final class Thinning {
    private Thinning() {
    }

    static int[] keep(List<Double> y, int limit) {
        int n = y.size();
        if (n <= limit) {
            return IntStream.range(0, n).toArray();
        }
        int runs = limit / 4;
        TreeSet<Integer> kept = new TreeSet<>();
        for (int r = 0; r < runs; r++) {
            int from = (int) ((long) n * r / runs);
            int to = (int) ((long) n * (r + 1) / runs);
            int low = from;
            int high = from;
            for (int i = from; i < to; i++) {
                double v = y.get(i);
                if (Double.isNaN(v)) {
                    kept.add(i);
                } else {
                    low = v < y.get(low) || Double.isNaN(y.get(low)) ? i : low;
                    high = v > y.get(high) || Double.isNaN(y.get(high)) ? i : high;
                }
            }
            kept.add(from);
            kept.add(to - 1);
            kept.add(low);
            kept.add(high);
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
