package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saddlecheck.dynamics.Trajectory;

class RecruitmentsTests {

    /** A run of three units of size 1 (one scalar weight each) whose norms are given per record. */
    private static Trajectory run(double[] times, double[][] norms) {
        Trajectory.Builder b = new Trajectory.Builder("test");
        for (int k = 0; k < times.length; k++) {
            b.record(times[k], 1.0 / (k + 1), norms[k], 1);
        }
        return b.finish(norms[norms.length - 1], 1, 1).build();
    }

    @Test
    void recruitmentTimesAreTheFirstRecordsAtTheLevelInIncreasingOrder() {
        Trajectory t = run(new double[] {0, 1, 2, 3}, new double[][] {
            {0.01, 0.01, 0.01}, {0.01, 0.5, 0.01}, {0.6, 0.9, 0.02}, {1, 1, 0.02}});

        assertThat(Recruitments.times(t, 0.3)).containsExactly(1, 2);
    }

    @Test
    void recruitmentsCloserThanTheWindowAreOneEvent() {
        assertThat(Recruitments.events(new double[] {10, 10.5, 30}, 1)).isEqualTo(2);
        assertThat(Recruitments.events(new double[] {10, 12, 30}, 1)).isEqualTo(3);
        assertThat(Recruitments.events(new double[] {}, 1)).isZero();
    }

    @Test
    void aUnitReachingTheLevelAtTheLeadersRecordIsANearTie() {
        // Units 1 and 2 reach ρ = 0.3 at the same record: the smaller, 0.4, is compared with the
        // floor 0.1, a ratio 4; unit 3 stays at 0.01.
        Trajectory tied = run(new double[] {0, 1}, new double[][] {{0.01, 0.01, 0.01},
            {0.5, 0.4, 0.01}});

        assertThat(Recruitments.nearTie(tied, 0.3, 0.1)).isEqualTo(0.4 / 0.1);
    }

    @Test
    void separatedRecruitmentsLeaveTheOthersAtTheirInitialSize() {
        // When unit 1 is recruited the others are 0.02 and 0.01; when unit 2 is, unit 3 is 0.01.
        Trajectory separated = run(new double[] {0, 1, 2}, new double[][] {
            {0.01, 0.01, 0.01}, {0.5, 0.02, 0.01}, {1, 0.5, 0.01}});

        assertThat(Recruitments.nearTie(separated, 0.3, 0.1)).isEqualTo(0.02 / 0.1);
    }
}
