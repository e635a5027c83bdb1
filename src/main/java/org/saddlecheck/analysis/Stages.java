package org.saddlecheck.analysis;

import java.util.List;

/**
 * The stages of one loss curve as found by {@link StageDetector}: plateaus and the drops between
 * them, in time order (paper, Sections 5–6: saddle-to-saddle dynamics is a staircase of plateaus,
 * one per visited saddle, joined by abrupt drops).
 *
 * <p>Phases alternate. If {@link #startsWithPlateau()} the curve reads plateau, drop, plateau, …;
 * otherwise it opens with a drop whose level before is the first recorded loss. If
 * {@link #endsOnPlateau()} the last phase is a plateau; otherwise the run ended during a drop and
 * the level after that drop is the last recorded loss (its half-way time is then provisional).
 * So {@code plateaus().size() == drops().size() + 1} exactly when the curve both starts and ends on a
 * plateau.
 *
 * @param plateaus the plateaus, in time order
 * @param drops the drops, in time order
 * @param startsWithPlateau whether the first phase is a plateau (false after a large initialization
 *     that starts descending at once, Section 6.3)
 * @param endsOnPlateau whether the last phase is a plateau
 * @param finalLevel the level of the last plateau, or the last recorded loss if the run ends during
 *     a drop
 * @param reachesFloor whether the curve ends on a plateau at or below {@code floor}: the loss has
 *     gone to zero as far as the detector can tell
 * @param floor the loss below which all values count as one level, zero (the detector's floor
 *     fraction times the largest loss)
 * @param noiseLevel σ̂, the estimated standard deviation of ln L between neighbouring records
 * @param minimumRelativeDepth the smallest relative depth (L_before − L_after) / L_before a drop
 *     needed to be reported, derived from σ̂ (see {@link StageDetector})
 */
public record Stages(
        List<Plateau> plateaus,
        List<Drop> drops,
        boolean startsWithPlateau,
        boolean endsOnPlateau,
        double finalLevel,
        boolean reachesFloor,
        double floor,
        double noiseLevel,
        double minimumRelativeDepth) {

    public Stages {
        plateaus = List.copyOf(plateaus);
        drops = List.copyOf(drops);
    }

    /**
     * A stretch where the loss stays near one level.
     *
     * @param start the time the loss entered the plateau's band (the first record's time for a
     *     first plateau)
     * @param end the time it left the band (the last record's time for a last plateau)
     * @param level the median of the recorded losses between start and end
     * @param flatness −d ln L / d ln t fitted by least squares over the plateau's records with
     *     t &gt; 0: the relative loss decrease per e-fold of time (0 for a perfectly flat plateau)
     */
    public record Plateau(double start, double end, double level, double flatness) {
        /** end − start. */
        public double duration() {
            return end - start;
        }
    }

    /**
     * A fall of the loss from one level to the next.
     *
     * @param time the half-way time: when L crosses (levelBefore + levelAfter) / 2, interpolated
     *     between records (a logistic drop a / (1 + e^{2s(t − τ)}) has its half-way time at τ)
     * @param start the time the loss left the band of the level before
     * @param end the time it entered the band of the level after
     * @param levelBefore the level of the plateau before, or the first recorded loss
     * @param levelAfter the level of the plateau after, or the last recorded loss
     */
    public record Drop(double time, double start, double end, double levelBefore, double levelAfter) {
        /** levelBefore − levelAfter. */
        public double depth() {
            return levelBefore - levelAfter;
        }

        /** (levelBefore − levelAfter) / levelBefore, in (0, 1]. */
        public double relativeDepth() {
            return depth() / levelBefore;
        }

        /** end − start. */
        public double duration() {
            return end - start;
        }
    }

    /** The number of drops. */
    public int dropCount() {
        return drops.size();
    }

    /** The half-way times of the drops, in order. */
    public double[] dropTimes() {
        return drops.stream().mapToDouble(Drop::time).toArray();
    }

    /** The plateau levels, in order. */
    public double[] plateauLevels() {
        return plateaus.stream().mapToDouble(Plateau::level).toArray();
    }

    /**
     * The plateau lengths measured as the time between consecutive drops, t_{k+1} − t_k for
     * k = 1 … K − 1 (Section 6.1: plateau lengths grow like ln(1/ε) in linear networks, like 1/ε
     * in quadratic ones). Length K − 1 for K drops.
     */
    public double[] timesBetweenDrops() {
        double[] t = dropTimes();
        double[] gaps = new double[Math.max(0, t.length - 1)];
        for (int k = 0; k < gaps.length; k++) {
            gaps[k] = t[k + 1] - t[k];
        }
        return gaps;
    }
}
