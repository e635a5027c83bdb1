package org.saddlecheck.claim;

import java.util.Arrays;
import org.saddlecheck.Require;
import org.saddlecheck.dynamics.Trajectory;

/**
 * When the units of a run are recruited (paper, Section 6.2, Proposition 5): unit i is recruited
 * at the first record where its norm ‖θ_i‖ reaches a level ρ, read from the unit norms the
 * trajectory records. Under the early flow of a network quadratic in u, units blow up one at a
 * time in the order of their initial sizes, the gaps between recruitments being G/ε with G a
 * property of the draw; when one unit reaches O(1) the others are still O(ε).
 */
final class Recruitments {

    private Recruitments() {
    }

    /** The recruitment time of every unit that reaches ρ, increasing. */
    static double[] times(Trajectory run, double rho) {
        requireNorms(run);
        int h = run.unitNorms(0).length;
        double[] first = new double[h];
        Arrays.fill(first, Double.POSITIVE_INFINITY);
        for (int k = 0; k < run.size(); k++) {
            double[] n = run.unitNorms(k);
            for (int i = 0; i < h; i++) {
                if (n[i] >= rho && first[i] == Double.POSITIVE_INFINITY) {
                    first[i] = run.time(k);
                }
            }
        }
        return Arrays.stream(first).filter(Double::isFinite).sorted().toArray();
    }

    /**
     * The number of recruitment events: the recruitment times cut wherever two consecutive ones
     * are at least {@code window} apart (recruitments closer than that are one drop).
     */
    static int events(double[] sortedTimes, double window) {
        int count = 0;
        for (int k = 0; k < sortedTimes.length; k++) {
            if (k == 0 || sortedTimes[k] - sortedTimes[k - 1] >= window) {
                count++;
            }
        }
        return count;
    }

    /**
     * The separation of recruitments made visible: at each record where some unit first reaches
     * ρ, the largest norm among the units not recruited before, other than the largest of those
     * reaching ρ there, divided by {@code floor}; the largest such ratio over the run. Above 1 is
     * a near tie: a unit that is no longer O(ε) while another is recruited.
     */
    static double nearTie(Trajectory run, double rho, double floor) {
        Require.positive("floor", floor);
        requireNorms(run);
        int h = run.unitNorms(0).length;
        boolean[] recruited = new boolean[h];
        double worst = 0;
        for (int k = 0; k < run.size(); k++) {
            double[] n = run.unitNorms(k);
            int leader = -1;
            for (int i = 0; i < h; i++) {
                if (!recruited[i] && n[i] >= rho && (leader < 0 || n[i] > n[leader])) {
                    leader = i;
                }
            }
            if (leader < 0) {
                continue;
            }
            // Units reaching ρ at the same record as the leader count as the others it is
            // compared with: they were not separated from it by even one record.
            double other = 0;
            for (int i = 0; i < h; i++) {
                if (!recruited[i] && i != leader) {
                    other = Math.max(other, n[i]);
                }
            }
            for (int i = 0; i < h; i++) {
                recruited[i] |= n[i] >= rho;
            }
            worst = Math.max(worst, other / floor);
        }
        return worst;
    }

    private static void requireNorms(Trajectory run) {
        Require.that(run.hasUnitNorms() && run.size() > 0,
                "recruitment times need a run that records unit norms");
    }
}
