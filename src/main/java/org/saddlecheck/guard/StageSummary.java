package org.saddlecheck.guard;

import org.saddlecheck.analysis.Stages;

/**
 * The parts of {@link Stages} the guard compares, as plain arrays.
 *
 * @param dropTimes half-way times of the drops
 * @param levels plateau levels, in order
 * @param plateauMiddles the middle time of each plateau
 * @param startsWithPlateau whether the curve opens with a plateau
 * @param dropDepths L_before − L_after of each drop
 */
public record StageSummary(double[] dropTimes, double[] levels, double[] plateauMiddles,
        boolean startsWithPlateau, double[] dropDepths) {

    /** The summary of detected stages. */
    public static StageSummary of(Stages stages) {
        double[] middles = stages.plateaus().stream()
                .mapToDouble(p -> 0.5 * (p.start() + p.end())).toArray();
        return new StageSummary(stages.dropTimes(), stages.plateauLevels(), middles,
                stages.startsWithPlateau(),
                stages.drops().stream().mapToDouble(Stages.Drop::depth).toArray());
    }

    /** The number of drops. */
    public int drops() {
        return dropTimes.length;
    }
}
