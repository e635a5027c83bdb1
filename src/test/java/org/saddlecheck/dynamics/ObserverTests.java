package org.saddlecheck.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObserverTests {

    @Test
    void stepCounterCountsAndKeepsTheLastStep() {
        StepCounter counter = new StepCounter();
        assertThat(counter.lastTime()).isNaN();
        counter.accepted(1, 5, new double[0]);
        counter.accepted(2, 4, new double[0]);
        assertThat(counter.steps()).isEqualTo(2);
        assertThat(counter.lastTime()).isEqualTo(2);
        assertThat(counter.lastLoss()).isEqualTo(4);
    }

    @Test
    void worstDeviationKeepsTheMaximumAndItsTimeAndTreatsNaNAsWorst() {
        WorstDeviation worst = new WorstDeviation((t, theta) -> theta[0]);
        worst.accepted(1, 0, new double[] {0.5});
        worst.accepted(2, 0, new double[] {2});
        worst.see(3, new double[] {1});
        assertThat(worst.worst()).isEqualTo(2);
        assertThat(worst.worstTime()).isEqualTo(2);
        assertThat(worst.count()).isEqualTo(3);
        worst.see(4, new double[] {Double.NaN});
        assertThat(worst.worst()).isNaN();
        assertThat(worst.worstTime()).isEqualTo(4);
    }

    @Test
    void combinedObserversSeeEveryStepInOrderAndThinnedOnesEveryNth() {
        List<String> seen = new ArrayList<>();
        Observer all = Observers.all((t, l, th) -> seen.add("a" + (int) t),
                (t, l, th) -> seen.add("b" + (int) t));
        Observer third = Observers.everyNth(3, (t, l, th) -> seen.add("n" + (int) t));
        for (int t = 1; t <= 6; t++) {
            all.accepted(t, 0, new double[0]);
            third.accepted(t, 0, new double[0]);
        }
        assertThat(seen).containsExactly("a1", "b1", "a2", "b2", "a3", "b3", "n3", "a4", "b4", "a5",
                "b5", "a6", "b6", "n6");
    }

    @Test
    void stopRulesCombineWithOr() {
        StopRule late = (t, l, th) -> t > 5;
        StopRule low = StopRule.lossBelow(0.1);
        StopRule either = late.or(low);
        assertThat(either.shouldStop(1, 1, null)).isFalse();
        assertThat(either.shouldStop(6, 1, null)).isTrue();
        assertThat(either.shouldStop(1, 0.05, null)).isTrue();
    }
}
