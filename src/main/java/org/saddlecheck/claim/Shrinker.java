package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Shrinks a failing choice sequence to a simpler one that still fails. "Simpler" is shortlex
 * order on sequences: shorter first, then lexicographically smaller. Since every generator puts
 * its simplest value at choice 0, a shortlex-smaller sequence reads as a simpler trial: fewer
 * modes, smaller sizes, ties, rounder numbers.
 *
 * <p>Passes, repeated until a whole round improves nothing or the budget of candidates is spent:
 * <ol>
 *   <li>delete spans: remove each recorded span (a list element with its announcement, a
 *       decimal, a whole part);</li>
 *   <li>delete chunks of 8, 4, 2 and 1 consecutive choices;</li>
 *   <li>zero chunks of 8, 4 and 2 consecutive choices;</li>
 *   <li>minimise each choice: try 0, then binary-search the smallest value that still fails;</li>
 *   <li>round decimals: drop digits of each decimal, keeping its value as near as the coarser
 *       grid allows;</li>
 *   <li>sort runs of adjacent spans with the same label into ascending order.</li>
 * </ol>
 * Every candidate is re-run from scratch; what it actually drew (clamped, completed with zeros)
 * becomes the sequence kept, and it is kept only if it fails the same way and is
 * shortlex-smaller. The shrinker is single-threaded and uses no randomness, so the same failing
 * sequence always shrinks to the same result.
 */
final class Shrinker {

    /** The result of re-running a candidate sequence. */
    record Run(long[] choices, List<Choices.Span> spans, boolean fails) {
    }

    private final Function<long[], Run> test;
    private final int budget;
    private final Map<List<Long>, Boolean> seen = new HashMap<>();
    private Run best;
    private int evaluations;
    private int improvements;

    /**
     * @param test re-runs a candidate sequence and says whether it fails the same way
     * @param budget the most candidates to re-run
     */
    Shrinker(Function<long[], Run> test, int budget) {
        this.test = test;
        this.budget = budget;
    }

    /** Shrinks from {@code failing}, which must fail, and returns the smallest failing run. */
    Run shrink(Run failing) {
        best = failing;
        boolean improved = true;
        while (improved && evaluations < budget) {
            long[] before = best.choices();
            deleteSpans();
            deleteChunks();
            zeroChunks();
            minimiseEach();
            roundDecimals();
            sortAdjacentSpans();
            improved = shortlex(best.choices(), before) < 0;
        }
        return best;
    }

    /** How many times a candidate replaced the best sequence. */
    int improvements() {
        return improvements;
    }

    /** How many candidates were re-run. */
    int evaluations() {
        return evaluations;
    }

    private void deleteSpans() {
        for (int s = best.spans().size() - 1; s >= 0; s--) {
            List<Choices.Span> spans = best.spans();
            if (s >= spans.size()) {
                continue;
            }
            Choices.Span span = spans.get(s);
            if (span.length() > 0) {
                consider(without(best.choices(), span.start(), span.end()));
            }
        }
    }

    private void deleteChunks() {
        for (int k : new int[] {8, 4, 2, 1}) {
            for (int i = best.choices().length - k; i >= 0; i--) {
                if (i + k <= best.choices().length) {
                    consider(without(best.choices(), i, i + k));
                }
            }
        }
    }

    private void zeroChunks() {
        for (int k : new int[] {8, 4, 2}) {
            for (int i = best.choices().length - k; i >= 0; i--) {
                long[] current = best.choices();
                if (i + k > current.length) {
                    continue;
                }
                long[] candidate = current.clone();
                Arrays.fill(candidate, i, i + k, 0);
                if (!Arrays.equals(candidate, current)) {
                    consider(candidate);
                }
            }
        }
    }

    /** For each choice: 0 if that fails, else the smallest failing value by bisection. */
    private void minimiseEach() {
        for (int i = 0; i < best.choices().length; i++) {
            long value = best.choices()[i];
            if (value == 0 || consider(with(best.choices(), i, 0))) {
                continue;
            }
            long passes = 0;
            long fails = value;
            while (fails - passes > 1 && evaluations < budget && i < best.choices().length) {
                long middle = passes + (fails - passes) / 2;
                if (consider(with(best.choices(), i, middle))) {
                    fails = middle;
                } else {
                    passes = middle;
                }
            }
        }
    }

    /** Drops digits of decimals: [p, k] → [p − j, k / 10^j rounded down, then up]. */
    private void roundDecimals() {
        for (int s = 0; s < best.spans().size(); s++) {
            Choices.Span span = best.spans().get(s);
            if (!span.label().equals(DecimalGen.LABEL) || span.length() != 2) {
                continue;
            }
            long[] current = best.choices();
            long digits = current[span.start()];
            long index = current[span.start() + 1];
            long scale = 1;
            for (int j = 1; j <= digits && j <= 18; j++) {
                scale *= 10;
                long down = index / scale;
                long[] candidate = with(with(current, span.start(), digits - j),
                        span.start() + 1, down);
                if (consider(candidate)
                        || consider(with(candidate, span.start() + 1, down + 1))) {
                    break;
                }
            }
        }
    }

    /** Sorts each run of adjacent spans that share a label and a depth. */
    private void sortAdjacentSpans() {
        List<Choices.Span> spans = new ArrayList<>(best.spans());
        spans.sort(Comparator.comparingInt(Choices.Span::start));
        int s = 0;
        while (s < spans.size()) {
            int e = s + 1;
            while (e < spans.size() && spans.get(e).label().equals(spans.get(s).label())
                    && spans.get(e).depth() == spans.get(s).depth()
                    && spans.get(e).start() == spans.get(e - 1).end()) {
                e++;
            }
            if (e - s > 1) {
                sortRun(spans.subList(s, e));
            }
            s = e;
        }
    }

    private void sortRun(List<Choices.Span> run) {
        long[] current = best.choices();
        List<long[]> parts = new ArrayList<>();
        for (Choices.Span span : run) {
            parts.add(Arrays.copyOfRange(current, span.start(), span.end()));
        }
        parts.sort(Shrinker::shortlex);
        long[] candidate = current.clone();
        int at = run.get(0).start();
        for (long[] part : parts) {
            System.arraycopy(part, 0, candidate, at, part.length);
            at += part.length;
        }
        if (!Arrays.equals(candidate, current)) {
            consider(candidate);
        }
    }

    /** Re-runs {@code candidate}; keeps it if it fails and is simpler. */
    private boolean consider(long[] candidate) {
        if (evaluations >= budget || shortlex(candidate, best.choices()) >= 0) {
            return false;
        }
        List<Long> key = Arrays.stream(candidate).boxed().toList();
        if (seen.containsKey(key)) {
            return false;
        }
        evaluations++;
        Run run = test.apply(candidate);
        boolean better = run.fails() && shortlex(run.choices(), best.choices()) < 0;
        seen.put(key, better);
        if (better) {
            best = run;
            improvements++;
        }
        return better;
    }

    private static long[] without(long[] xs, int from, int to) {
        long[] out = new long[xs.length - (to - from)];
        System.arraycopy(xs, 0, out, 0, from);
        System.arraycopy(xs, to, out, from, xs.length - to);
        return out;
    }

    private static long[] with(long[] xs, int i, long value) {
        long[] out = xs.clone();
        out[i] = value;
        return out;
    }

    /** Shortlex order: shorter first, then lexicographic (choices are never negative). */
    static int shortlex(long[] a, long[] b) {
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return Arrays.compare(a, b);
    }
}
