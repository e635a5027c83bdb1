package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The recorded choice sequence a generator draws from. Every random decision a generator makes is
 * one call to {@link #draw}: a non-negative integer no larger than a bound, where 0 is by
 * construction the simplest answer (fewest modes, smallest width, a tie, a round number). The
 * integers drawn are recorded, so a generated value is fully described by its sequence, and any
 * other sequence, shorter or with smaller entries, describes a simpler value of the same
 * generator. Shrinking works on these sequences and never needs to know what was generated.
 *
 * <p>A sequence is used in one of two modes. <em>Random</em>: each draw asks its sampler for a
 * value from the try's own {@link SplittableRandom}. <em>Replay</em>: each draw takes the next entry
 * of a given prefix, clamped to the bound, and 0 once the prefix is used up. Either way, the
 * recorded sequence is what was actually used, so replaying it gives the same value again.
 *
 * <p>Generators also mark where each named part of a value starts and ends ({@link #span}); the
 * shrinker uses these spans to delete whole elements and to round decimal numbers.
 *
 * <p>Not safe for concurrent use: each try owns one.
 */
public final class Choices {

    /** The most draws one value may take; a generator that draws more is abandoned. */
    public static final int MAX_DRAWS = 10_000;

    /** How one random draw is made: a value in [0, bound] from the random source. */
    @FunctionalInterface
    public interface Sampler {
        /** A value in [0, bound]. */
        long sample(SplittableRandom random, long bound);

        /** Every value in [0, bound] equally likely. */
        Sampler UNIFORM = (random, bound) ->
                bound == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE
                        : random.nextLong(bound + 1);
    }

    /** A named part of the sequence, draws [start, end), nested at {@code depth}. */
    public record Span(String label, int start, int end, int depth) {
        /** The number of draws in the span. */
        public int length() {
            return end - start;
        }
    }

    /** Thrown when a generator draws more than {@link #MAX_DRAWS} times. */
    static final class Overrun extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Overrun() {
            super("the generator drew more than " + MAX_DRAWS + " choices", null, false, false);
        }
    }

    private final SplittableRandom random;
    private final long[] prefix;
    private long[] drawn = new long[32];
    private int count;
    private final List<Span> spans = new ArrayList<>();
    private int depth;

    private Choices(SplittableRandom random, long[] prefix) {
        this.random = random;
        this.prefix = prefix;
    }

    /** A sequence drawn at random from {@code random}. */
    public static Choices random(SplittableRandom random) {
        return new Choices(random, null);
    }

    /** A sequence that replays {@code prefix} (clamped to each bound), then draws 0. */
    public static Choices replay(long[] prefix) {
        return new Choices(null, prefix.clone());
    }

    /**
     * Draws one choice in [0, {@code bound}], sampled by {@code sampler} in random mode.
     *
     * @throws org.saddlecheck.InvalidInputException if {@code bound} is negative
     */
    public long draw(long bound, Sampler sampler) {
        if (bound < 0) {
            throw new org.saddlecheck.InvalidInputException(
                    "choice bound (" + bound + ") must not be negative");
        }
        if (count >= MAX_DRAWS) {
            throw new Overrun();
        }
        long value;
        if (prefix == null) {
            value = sampler.sample(random, bound);
            if (value < 0 || value > bound) {
                throw new IllegalStateException("a sampler returned " + value
                        + ", outside [0, " + bound + "]");
            }
        } else {
            value = count < prefix.length ? Math.min(prefix[count], bound) : 0;
        }
        if (count == drawn.length) {
            drawn = Arrays.copyOf(drawn, 2 * count);
        }
        drawn[count++] = value;
        return value;
    }

    /** Draws one choice in [0, {@code bound}], uniform in random mode. */
    public long draw(long bound) {
        return draw(bound, Sampler.UNIFORM);
    }

    /**
     * Draws a yes-or-no choice that is yes with probability {@code p} in random mode. No, the
     * simplest answer, is choice 0.
     */
    public boolean flag(double p) {
        return draw(1, (r, b) -> r.nextDouble() < p ? 1 : 0) == 1;
    }

    /**
     * Runs {@code body} and records the draws it makes as one span named {@code label}. Spans may
     * nest; the shrinker deletes, sorts and rounds whole spans.
     */
    public <T> T span(String label, java.util.function.Supplier<T> body) {
        int start = count;
        depth++;
        try {
            T value = body.get();
            spans.add(new Span(label, start, count, depth));
            return value;
        } finally {
            depth--;
        }
    }

    /** The number of draws made so far. */
    public int size() {
        return count;
    }

    /** The choices actually used, in order. */
    public long[] recorded() {
        return Arrays.copyOf(drawn, count);
    }

    /** The spans recorded, in the order they closed (inner spans before the spans holding them). */
    public List<Span> spans() {
        return List.copyOf(spans);
    }
}
