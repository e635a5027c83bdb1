package org.saddlecheck.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.saddlecheck.Require;
import org.saddlecheck.dynamics.Trajectory;

/**
 * Finds the plateaus and drops of a loss curve L(t_k) (paper, Sections 5–6: training by
 * saddle-to-saddle dynamics is a staircase of plateaus joined by drops).
 *
 * <h2>Geometry it is built for</h2>
 * Plateaus are long: in a linear network drop k comes at t_k ≈ ln(1/ε)/s_k and lasts about 1/s_k
 * (a sigmoid in t); in a quadratic network the drops are blow-ups O(1) wide and O(1/ε) apart.
 * Plateau levels span many orders of magnitude, the last may be zero, and the time axis may run
 * from 10⁻³ to 10⁹. The detector therefore works on ln L (scale-free in L), compares durations only
 * with durations (scale-free in t), and needs no time unit.
 *
 * <h2>Algorithm</h2>
 * <ol>
 * <li><b>Floor.</b> y_k = ln max(L_k, L_floor), L_floor = floorFraction · max_k L_k (10⁻¹²).
 *     Everything below the floor is one level, zero, so the round-off of a loss that has gone to
 *     zero makes no drops; a loss computed from second moments in double precision carries
 *     round-off near 10⁻¹⁶ of its scale, far below the floor.</li>
 * <li><b>Noise.</b> σ̂ = max over lags m ∈ {1, 2, 4} of 1.4826 · median_k |y_k − (y_{k−m} + y_{k+m})/2|
 *     / √1.5: the median absolute deviation of second differences in record order, scaled to the
 *     standard deviation of independent noise on y. Second differences cancel any trend linear in
 *     the record index, which covers log-spaced records on plateaus and records taken at every
 *     fixed change of the loss during drops; the median ignores the few records where the curve
 *     bends. Triples lying entirely on the floor are left out.</li>
 * <li><b>Minimum depth.</b> Δ = max(−ln(1 − minRelativeDepth), noiseMultiple · σ̂) in ln L, with 5%
 *     and 5σ̂ by default. A level is where the loss dwells, a median over many records, and moves
 *     with noise by a small fraction of σ̂; two levels of one flat stretch differing by 5σ̂ would need
 *     a median of even five independent records (standard deviation 0.56 σ̂) to be off by more than
 *     four of its standard deviations on each side. Measured on 500 noisy copies each of a flat
 *     curve and of a three-drop staircase, at noise 3% and 10% per record, no drop was invented
 *     even at 2σ̂; the factor 5 is margin for heavier tails and correlated noise.</li>
 * <li><b>Monotone fit.</b> A running median over 2m + 1 records removes outliers while leaving every
 *     monotone stretch unchanged, so drops are not blurred; m ≥ 2 grows with σ̂ until the median's
 *     noise is a quarter of the noise-free minimum depth (at most 51 records). The non-increasing
 *     least-squares fit g of the result (pool adjacent violators) gives a curve whose level
 *     crossings c(λ), the first time g ≤ λ, are well defined; they are interpolated linearly in t
 *     between records.</li>
 * <li><b>Candidates.</b> g is cut greedily into maximal stretches whose range is at most 2Δ/3; each
 *     is a candidate level ℓ_i: the time-weighted median of g over it (each record weighing half the
 *     time to its neighbours), where the loss dwells whatever the density of records. A plateau is
 *     one candidate or a few; a drop is many short ones.</li>
 * <li><b>Plateau rule.</b> With A_i = e^{ℓ_i}, the drop from A_i to A_{i+1} has a <em>core</em>, from
 *     when L is 10% of the way down, c(A_i − 0.1(A_i − A_{i+1})), to when it is 90% of the way,
 *     c(A_{i+1} + 0.1(A_i − A_{i+1})): 2.2/s for a logistic drop of rate s. (With noise each boundary
 *     is moved out to at least 2σ̂ from the level, at most a tenth of the gap, so that it lies where
 *     the curve moves faster than its noise.) The <em>drop into</em> A_i lasts from the start of
 *     that core until ln L has settled within min(Δ, half the gap) of ℓ_i, or for the core if that
 *     is longer: a sigmoid settles within a few 1/s, a slow descent (a power law) never does. The
 *     <em>plateau time</em> of A_i is the time between the cores around it, or, if shorter, the time
 *     ln L stays settled near ℓ_i (on a linear scale an exponential tail looks like a new plateau
 *     after every tenfold fall; on the log scale it never settles). A candidate is a plateau when
 *     its plateau time is at least {@code plateauToDropRatio} (1) times the drop into it and the core
 *     of the drop after it: a plateau lasts at least as long as the drops next to it. The weakest
 *     candidate (smallest ratio) goes first, which merges the drops around it, and the ratios are
 *     recomputed; a candidate that goes while within Δ of a neighbouring level is merged into that
 *     level (a noisy plateau cut in two). Then the two neighbouring levels closest together, if
 *     less than Δ apart, are merged into one candidate at the time-weighted median of g over both,
 *     and both steps repeat until nothing changes.</li>
 * <li><b>Ends.</b> The first candidate is a plateau when its plateau time, counted from the first
 *     record, is at least the core of the drop after it; a curve that starts falling at once (a
 *     large initialization) therefore starts with a drop. The last is a plateau by the rule, counted
 *     to the last record, or when the loss sits on the floor at the last two records: an
 *     exponential tail still falling when the run ends is a drop, a loss that has reached zero is
 *     not.</li>
 * <li><b>Report.</b> A plateau extends while g stays within b of its level, b = min(Δ/2, D/4) with D
 *     the ln-depth of the adjacent drop; its level is the median of the recorded L in that extent;
 *     its flatness is −d ln L / d ln t fitted by least squares over its records with t &gt; 0. A
 *     drop's time is the crossing of L = (L_before + L_after)/2 in the recorded losses (see
 *     {@link #halfWayTime}); for a logistic drop between flat plateaus that is its τ exactly.</li>
 * </ol>
 *
 * <h2>Resolution of close drops</h2>
 * Two drops are reported separately only if the plateau between them lasts as long as each of
 * them; otherwise they are one drop from the level before the first to the level after the second,
 * whose half-way time lies between theirs. For two equal logistic drops of rate s the plateau time
 * is about Δτ − 2.2/s and each core 2.2/s, so they are resolved when their half-way times are more
 * than about 4.5/s apart (twice their 10–90% width), up to 5.5/s when the level after the second
 * lies a thousand times lower (its tail then takes longer to settle).
 *
 * <h2>Limitations</h2>
 * σ̂ is one number for the whole curve and assumes noise independent from record to record: noise
 * correlated over many records (SGD recorded at every step) is underestimated, and noise whose
 * relative size grows as the loss falls (additive noise near zero loss) is underestimated where it
 * is largest; raise {@code floorFraction} above such noise. Drops shallower than Δ, which is 5σ̂
 * under noise, are not resolved. The loss of gradient flow never rises; a rise (from a too-large
 * step) is pooled into the monotone fit and read as part of the plateau or drop around it, never as
 * a drop. A drop narrower than the spacing of the records is located only to within that spacing.
 */
public final class StageDetector {

    /** The 10%–90% definition of a drop's core, as a fraction of its depth in L. */
    static final double CORE_FRACTION = 0.1;

    /** How close to ln L_floor (round-off in the monotone fit's averages) a level on the floor is. */
    private static final double FLOOR_TOLERANCE = 1e-9;
    /** Core boundaries lie at least this many σ̂ from a level (in ln L). */
    private static final double NOISE_BAND = 2;
    private static final int MIN_MEDIAN_HALF_WIDTH = 2;
    private static final int MAX_MEDIAN_HALF_WIDTH = 25;
    private static final int[] NOISE_LAGS = {1, 2, 4};
    /** 1.4826: the standard deviation of a normal variable per unit of its median absolute value. */
    private static final double MAD_TO_SD = 1.4826;

    /**
     * @param minRelativeDepth the smallest relative depth (L_before − L_after)/L_before a drop may
     *     have on a noise-free curve, in (0, 1)
     * @param noiseMultiple the minimum ln-depth of a drop in units of σ̂, at least 0
     * @param floorFraction the fraction of the largest loss below which the loss counts as zero,
     *     in [1e-300, 1)
     * @param plateauToDropRatio how many times as long as the drops next to it a plateau must last,
     *     &gt; 0
     */
    public record Settings(double minRelativeDepth, double noiseMultiple, double floorFraction,
            double plateauToDropRatio) {

        /** 5% minimum depth, 5σ̂, floor at 10⁻¹² of the largest loss, plateaus as long as drops. */
        public static final Settings DEFAULT = new Settings(0.05, 5, 1e-12, 1);

        public Settings {
            Require.that(minRelativeDepth > 0 && minRelativeDepth < 1,
                    "minimum relative depth (" + minRelativeDepth + ") must lie in (0, 1)");
            Require.that(noiseMultiple >= 0 && Double.isFinite(noiseMultiple),
                    "noise multiple (" + noiseMultiple + ") must be finite and not negative");
            Require.that(floorFraction >= 1e-300 && floorFraction < 1,
                    "floor fraction (" + floorFraction + ") must lie in [1e-300, 1)");
            Require.positive("plateau-to-drop ratio", plateauToDropRatio);
        }

        /** The same settings with another floor fraction. */
        public Settings withFloorFraction(double fraction) {
            return new Settings(minRelativeDepth, noiseMultiple, fraction, plateauToDropRatio);
        }

        /** The same settings with another minimum relative depth. */
        public Settings withMinRelativeDepth(double depth) {
            return new Settings(depth, noiseMultiple, floorFraction, plateauToDropRatio);
        }
    }

    private final Settings settings;

    public StageDetector(Settings settings) {
        this.settings = settings;
    }

    /** The stages of a recorded loss curve with the default settings. */
    public static Stages detect(double[] times, double[] losses) {
        return new StageDetector(Settings.DEFAULT).stagesOf(times, losses);
    }

    /** The stages of a trajectory's loss curve with the default settings. */
    public static Stages detect(Trajectory trajectory) {
        return detect(trajectory.times(), trajectory.losses());
    }

    /**
     * The stages of the curve L(t_k). Neither array is modified.
     *
     * @param times t_k, finite and non-decreasing
     * @param losses L_k, finite (tiny negative values from round-off count as zero)
     * @throws org.saddlecheck.InvalidInputException if the arrays are empty, differ in length, hold
     *     a non-finite value, or the times decrease
     */
    public Stages stagesOf(double[] times, double[] losses) {
        Require.positive("number of records", times.length);
        Require.length("losses", losses, times.length);
        Require.finite("times", times);
        Require.finite("losses", losses);
        for (int k = 1; k < times.length; k++) {
            Require.that(times[k] >= times[k - 1], "times must not decrease, but record " + k
                    + " (t = " + times[k] + ") comes before record " + (k - 1)
                    + " (t = " + times[k - 1] + ")");
        }
        return new Pass(times, losses, settings).stages();
    }

    /**
     * The half-width m of the running median: the smallest window 2m + 1 ≥ 5 whose median brings
     * noise of size σ̂ down to a quarter of the noise-free minimum depth (the median of w values of
     * normal noise has standard deviation about 1.25 σ̂ / √w), and at most 2·MAX + 1 records.
     */
    static int medianHalfWidth(double sigma, double minRelativeDepth) {
        double target = -Math.log1p(-minRelativeDepth) / 4;
        double records = Math.pow(1.2533 * sigma / target, 2);
        int m = (int) Math.ceil((records - 1) / 2);
        return Math.max(MIN_MEDIAN_HALF_WIDTH, Math.min(MAX_MEDIAN_HALF_WIDTH, m));
    }

    /** σ̂ of y (see the class documentation), leaving out triples that lie on the floor. */
    static double noiseLevel(double[] y, double floorLevel) {
        double best = 0;
        double[] residuals = new double[y.length];
        for (int lag : NOISE_LAGS) {
            int count = 0;
            for (int k = lag; k + lag < y.length; k++) {
                if (y[k - lag] == floorLevel && y[k] == floorLevel && y[k + lag] == floorLevel) {
                    continue;
                }
                residuals[count++] = Math.abs(y[k] - 0.5 * (y[k - lag] + y[k + lag]));
            }
            if (count >= 3) {
                double median = MonotoneFit.median(residuals, 0, count - 1);
                best = Math.max(best, MAD_TO_SD * median / Math.sqrt(1.5));
            }
        }
        return best;
    }

    /**
     * ln(e^ℓ + f (e^x − e^ℓ)): the log of the loss a fraction f of the way from level e^ℓ to level
     * e^x, computed without overflow.
     */
    static double toward(double level, double other, double f) {
        double d = other - level;
        if (d > 700) {
            return other + Math.log(f) + Math.log1p((1 / f - 1) * Math.exp(-d));
        }
        return level + Math.log1p(f * Math.expm1(d));
    }

    /**
     * The time the recorded loss crosses {@code mid} going down, searched in records lo … hi.
     * When the records cross once (all above, then all at or below), the crossing is interpolated
     * linearly in L between the two bracketing records, against ln t when both times are positive
     * (records are log-spaced) and against t otherwise; the error is then at most the bracket and,
     * for a smooth drop, of order (Δ ln t)² times the curvature. When noise makes the records cross
     * several times, a straight line L = α + β x is fitted by least squares to the records from the
     * first at or below {@code mid} to the last above it, widened on each side by half as many
     * records, and solved for L = mid; the answer is kept within that stretch. Returns NaN when the
     * records in range never cross.
     */
    static double halfWayTime(double[] t, double[] L, int lo, int hi, double mid) {
        int firstBelow = -1;
        int lastAbove = -1;
        for (int k = lo; k <= hi; k++) {
            if (L[k] <= mid) {
                if (firstBelow < 0) {
                    firstBelow = k;
                }
            } else {
                lastAbove = k;
            }
        }
        if (firstBelow < 0 || lastAbove < 0) {
            return Double.NaN;
        }
        if (lastAbove < firstBelow) {
            // one clean crossing; firstBelow > lo because a record above comes before it
            int k = firstBelow;
            double f = (L[k - 1] - mid) / (L[k - 1] - L[k]);
            return interpolateTime(t[k - 1], t[k], f);
        }
        int a = Math.max(lo, firstBelow - 1);
        int b = Math.min(hi, lastAbove + 1);
        int pad = Math.max(2, (b - a + 1) / 2);
        int from = Math.max(lo, a - pad);
        int to = Math.min(hi, b + pad);
        if (t[to] == t[from]) {
            return t[from];
        }
        boolean logTime = t[from] > 0;
        LineFit fit = LineFit.of(coordinates(t, from, to, logTime), Arrays.copyOfRange(L, from, to + 1));
        double xa = logTime ? Math.log(t[a]) : t[a];
        double xb = logTime ? Math.log(t[b]) : t[b];
        double x = fit.slope() < 0 ? (mid - fit.intercept()) / fit.slope() : 0.5 * (xa + xb);
        x = Math.min(xb, Math.max(xa, x));
        return logTime ? Math.exp(x) : x;
    }

    /** The time a fraction f of the way from t0 to t1, on ln t when both are positive. */
    private static double interpolateTime(double t0, double t1, double f) {
        if (t0 > 0 && t1 > t0) {
            return t0 * Math.exp(f * Math.log(t1 / t0));
        }
        return t0 + f * (t1 - t0);
    }

    private static double[] coordinates(double[] t, int from, int to, boolean logTime) {
        double[] x = new double[to - from + 1];
        for (int k = from; k <= to; k++) {
            x[k - from] = logTime ? Math.log(t[k]) : t[k];
        }
        return x;
    }

    /** A candidate plateau: records first … last of the monotone fit, and its level in ln L. */
    private record Candidate(int first, int last, double level) {
    }

    /** One detection: the prepared curve, its candidate levels and the pruning. */
    private static final class Pass {
        private final double[] t;
        private final double[] L;
        private final Settings settings;
        private final int n;
        private final double floor;
        private final double[] y;
        private final double sigma;
        private final double minDepth;
        private final double[] g;
        /** Half the time between each record's neighbours: its share of the time axis. */
        private final double[] weights;
        /** The candidate levels in time order: their first and last records and their level. */
        private final List<Candidate> cand = new ArrayList<>();

        Pass(double[] t, double[] L, Settings settings) {
            this.t = t;
            this.L = L;
            this.settings = settings;
            this.n = t.length;

            // floor and log-loss
            double max = Arrays.stream(L).max().orElse(0);
            this.floor = max > 0 ? Math.max(settings.floorFraction() * max, Double.MIN_NORMAL)
                    : Double.MIN_NORMAL;
            this.y = new double[n];
            for (int k = 0; k < n; k++) {
                y[k] = Math.log(Math.max(L[k], floor));
            }

            // noise, minimum depth, robust monotone fit
            this.sigma = noiseLevel(y, Math.log(floor));
            this.minDepth = Math.max(-Math.log1p(-settings.minRelativeDepth()),
                    settings.noiseMultiple() * sigma);
            this.g = MonotoneFit.nonIncreasing(MonotoneFit.runningMedian(y,
                    medianHalfWidth(sigma, settings.minRelativeDepth())));
            this.weights = new double[n];
            for (int k = 0; k < n; k++) {
                weights[k] = 0.5 * (t[Math.min(n - 1, k + 1)] - t[Math.max(0, k - 1)]);
            }
        }

        Stages stages() {
            cutAtoms();
            prune();
            return report();
        }

        /** Greedy maximal stretches of g with range at most 2Δ/3. */
        private void cutAtoms() {
            double range = 2 * minDepth / 3;
            int a = 0;
            while (a < n) {
                int b = a;
                while (b + 1 < n && g[a] - g[b + 1] <= range) {
                    b++;
                }
                cand.add(new Candidate(a, b, dwellLevel(a, b)));
                a = b + 1;
            }
        }

        /** Removes weak candidates and merges shallow ones until both rules hold. */
        private void prune() {
            double ratio = settings.plateauToDropRatio();
            boolean changed = true;
            while (changed && cand.size() > 1) {
                changed = false;

                // the candidate least like a plateau goes first, while one is shorter than a drop
                while (cand.size() > 2) {
                    int weakest = -1;
                    double weakestRatio = Double.POSITIVE_INFINITY;
                    for (int p = 1; p < cand.size() - 1; p++) {
                        double s = strength(p);
                        if (s < weakestRatio) {
                            weakestRatio = s;
                            weakest = p;
                        }
                    }
                    if (weakestRatio >= ratio) {
                        break;
                    }
                    absorb(weakest);
                }

                // then the shallowest step, if shallower than the minimum depth
                int shallowest = -1;
                double smallest = Double.POSITIVE_INFINITY;
                for (int p = 0; p + 1 < cand.size(); p++) {
                    double depth = level(p) - level(p + 1);
                    if (depth < smallest) {
                        smallest = depth;
                        shallowest = p;
                    }
                }
                if (shallowest >= 0 && smallest < minDepth) {
                    merge(shallowest);
                    changed = true;
                }
            }
        }

        /**
         * Removes candidate p, which is no plateau. If a neighbour lies within Δ of it in level, p
         * is part of that neighbour's level (a noisy plateau cut in two) and is merged into the
         * closer one; otherwise it is dropped (it was part of a drop).
         */
        private void absorb(int p) {
            double above = p > 0 ? level(p - 1) - level(p) : Double.POSITIVE_INFINITY;
            double below = p + 1 < cand.size() ? level(p) - level(p + 1) : Double.POSITIVE_INFINITY;
            if (Math.min(above, below) >= minDepth) {
                cand.remove(p);
            } else {
                merge(above <= below ? p - 1 : p);
            }
        }

        /** Replaces candidates p and p + 1 by one spanning both, at the dwell level of g over it. */
        private void merge(int p) {
            int first = cand.get(p).first();
            int last = cand.get(p + 1).last();
            cand.set(p, new Candidate(first, last, dwellLevel(first, last)));
            cand.remove(p + 1);
        }

        /**
         * The time-weighted median of g over records i … j, each record weighing half the time to
         * its neighbours: the level where the loss spends most of that time, whatever the density
         * of records. Unweighted if the records span no time.
         */
        private double dwellLevel(int i, int j) {
            return MonotoneFit.weightedMedian(g, weights, i, j);
        }

        private double level(int p) {
            return cand.get(p).level();
        }

        /**
         * When the loss leaves level p for level q: c(ln(A_p + 0.1(A_q − A_p))), 10% of the way in
         * L, or, if farther, 2σ̂ from ln A_p toward ln A_q (but at most a tenth of the gap), so that
         * the boundary lies where the curve moves faster than its noise.
         */
        private double leaves(int p, int q) {
            double gap = level(q) - level(p);
            double tenth = toward(level(p), level(q), CORE_FRACTION) - level(p);
            double noise = Math.min(NOISE_BAND * sigma, 0.1 * Math.abs(gap));
            return crossing(level(p) + Math.signum(gap) * Math.max(Math.abs(tenth), noise));
        }

        /**
         * The plateau time of candidate p: the shorter of the time between the cores of the drops
         * around it and its dwell time, the time ln L stays within Δ of its level and nearer to it
         * than to the neighbouring levels. The second keeps an exponential tail from passing for a
         * staircase: on a linear scale every tenfold fall of a tail looks like a new drop onto a flat
         * level, on the log scale it never settles.
         */
        private double plateauTime(int p) {
            int last = cand.size() - 1;
            double start = p == 0 ? t[0] : leaves(p, p - 1);
            double end = p == last ? t[n - 1] : leaves(p, p + 1);
            return Math.min(end - start, settledTo(p) - settledFrom(p));
        }

        /** When ln L comes within min(Δ, half the gap to level p − 1) of level p. */
        private double settledFrom(int p) {
            return p == 0 ? t[0]
                    : crossing(level(p) + Math.min(minDepth, 0.5 * (level(p - 1) - level(p))));
        }

        /** When ln L falls more than min(Δ, half the gap to level p + 1) below level p. */
        private double settledTo(int p) {
            return p == cand.size() - 1 ? t[n - 1]
                    : crossing(level(p) - Math.min(minDepth, 0.5 * (level(p) - level(p + 1))));
        }

        /** The core duration of the drop from candidate p to p + 1. */
        private double core(int p) {
            return leaves(p + 1, p) - leaves(p, p + 1);
        }

        /**
         * The duration of the drop into candidate p: from 10% of its way down until the loss has
         * settled near level p, or its core if that is longer. A sigmoid's tail settles within a
         * few 1/s; a slow descent (a power law) never does, and its whole tail counts as drop.
         */
        private double dropInto(int p) {
            return Math.max(core(p - 1), settledFrom(p) - leaves(p - 1, p));
        }

        /** Plateau time over the longest drop next to candidate p (0 &lt; p &lt; last). */
        private double strength(int p) {
            return ratio(plateauTime(p), Math.max(dropInto(p), core(p)));
        }

        private static double ratio(double time, double drop) {
            if (drop <= 0) {
                return time > 0 ? Double.POSITIVE_INFINITY : 0;
            }
            return time / drop;
        }

        /** The first time g ≤ λ, interpolated linearly in t; the last time if g stays above. */
        private double crossing(double lambda) {
            if (g[0] <= lambda) {
                return t[0];
            }
            if (g[n - 1] > lambda) {
                return t[n - 1];
            }
            int lo = 0;
            int hi = n - 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (g[mid] > lambda) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double f = (g[lo] - lambda) / (g[lo] - g[hi]);
            return t[lo] + f * (t[hi] - t[lo]);
        }

        private boolean firstIsPlateau() {
            if (cand.size() == 1) {
                return true;
            }
            return ratio(plateauTime(0), core(0)) >= settings.plateauToDropRatio();
        }

        /**
         * The last candidate is a plateau by the same rule, or if it lies on the floor for at least
         * two records: a loss that has gone to zero stays there, whatever the run's length.
         */
        private boolean lastIsPlateau() {
            int last = cand.size() - 1;
            if (last == 0) {
                return true;
            }
            if (level(last) - Math.log(floor) < FLOOR_TOLERANCE
                    && y[n - 1] == y[n - 2] && y[n - 1] == Math.log(floor)) {
                return true;
            }
            return ratio(plateauTime(last), dropInto(last)) >= settings.plateauToDropRatio();
        }

        /** Assembles plateaus and drops from the surviving candidates. */
        private Stages report() {
            int m = cand.size();
            boolean[] plateau = new boolean[m];
            Arrays.fill(plateau, true);
            plateau[0] = firstIsPlateau();
            plateau[m - 1] = lastIsPlateau();

            Stages.Plateau[] plateaus = new Stages.Plateau[m];
            for (int p = 0; p < m; p++) {
                if (plateau[p]) {
                    plateaus[p] = plateauAt(p);
                }
            }
            List<Stages.Drop> drops = new ArrayList<>();
            for (int p = 0; p + 1 < m; p++) {
                drops.add(dropBetween(plateaus[p], plateaus[p + 1]));
            }
            List<Stages.Plateau> found = new ArrayList<>();
            for (Stages.Plateau q : plateaus) {
                if (q != null) {
                    found.add(q);
                }
            }
            boolean endsOnPlateau = plateau[m - 1];
            double finalLevel = endsOnPlateau ? plateaus[m - 1].level() : Math.max(0, L[n - 1]);
            return new Stages(found, drops, plateau[0], endsOnPlateau, finalLevel,
                    endsOnPlateau && finalLevel <= floor, floor, sigma, -Math.expm1(-minDepth));
        }

        /** b = min(Δ/2, D/4) for the drop from candidate p to p + 1 of ln-depth D. */
        private double bandBelow(int p) {
            return Math.min(minDepth / 2, (level(p) - level(p + 1)) / 4);
        }

        private Stages.Plateau plateauAt(int p) {
            int last = cand.size() - 1;
            double start = p == 0 ? t[0] : crossing(level(p) + bandBelow(p - 1));
            double end = p == last ? t[n - 1] : crossing(level(p) - bandBelow(p));
            int[] range = recordsWithin(start, end);
            if (range[0] > range[1]) {
                range = new int[] {cand.get(p).first(), cand.get(p).last()};
            }
            double level = Math.max(0, MonotoneFit.median(L, range[0], range[1]));
            return new Stages.Plateau(start, end, level, flatness(range[0], range[1]));
        }

        private Stages.Drop dropBetween(Stages.Plateau before, Stages.Plateau after) {
            double start = before != null ? before.end() : t[0];
            double end = after != null ? after.start() : t[n - 1];
            double levelBefore = before != null ? before.level() : Math.max(0, L[0]);
            double levelAfter = after != null ? after.level() : Math.max(0, L[n - 1]);
            double mid = 0.5 * (levelBefore + levelAfter);

            int[] range = recordsWithin(start, end);
            int lo = Math.max(0, Math.min(range[0], range[1]) - 1);
            int hi = Math.min(n - 1, Math.max(range[0], range[1]) + 1);
            double time = halfWayTime(t, L, lo, hi, mid);
            if (Double.isNaN(time)) {
                time = crossing(Math.log(Math.max(mid, floor)));
            }
            return new Stages.Drop(time, start, end, levelBefore, levelAfter);
        }

        /** The first and last record indices with start ≤ t_k ≤ end (first &gt; last if none). */
        private int[] recordsWithin(double start, double end) {
            int first = lowerBound(start);
            int last = lowerBound(Math.nextUp(end)) - 1;
            return new int[] {first, last};
        }

        /** The first index with t_k ≥ x, or n. */
        private int lowerBound(double x) {
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (t[mid] < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** −d ln L / d ln t by least squares over records i … j with t &gt; 0; 0 with fewer than 2. */
        private double flatness(int i, int j) {
            int from = i;
            while (from <= j && t[from] <= 0) {
                from++;
            }
            if (j - from < 1 || t[j] == t[from]) {
                return 0;
            }
            double[] x = coordinates(t, from, j, true);
            return -LineFit.of(x, Arrays.copyOfRange(y, from, j + 1)).slope();
        }
    }
}
