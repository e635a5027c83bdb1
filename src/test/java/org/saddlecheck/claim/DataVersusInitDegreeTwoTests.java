package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.saddlecheck.analysis.Stages;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;

class DataVersusInitDegreeTwoTests {

    // Tied data for both networks; seeds 5 and 6 are arbitrary.
    private static Trial quadratic() {
        return Trial.of(new Scenario(NetworkSpec.fullyConnected("quadratic", 4, 1, 6),
                DataSpec.generated(DataSpec.QUADRATIC, 5, 24, 1, 1, -1, -1), InitSpec.gaussian(1, 6),
                DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
    }

    private static Trial attention() {
        return Trial.of(new Scenario(new NetworkSpec("attention", 4, 0, 0, false, 0, 0, 3, 4),
                DataSpec.generated(DataSpec.IN_CONTEXT, 5, 32, 1.2, 1.2, 1.2).withExactStatistics(true),
                InitSpec.gaussian(1, 6), DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
    }

    @Test
    void aTiedTopEigenvalueStillRecruitsOneUnitAtATime() {
        for (Trial t : new Trial[] {quadratic(), attention()}) {
            Outcome o = QuadraticRecruitmentClaims.checkSparse(t, UnaryOperator.identity());
            assertThat(o.held()).as(o.toString()).isTrue();
        }
    }

    @Test
    void unitsCoupledLikeLinearDirectionsAreRecruitedTogether() {
        // Every unit receives the mean gradient, so all grow alike: the tie merges them into one
        // stage, as the directions of a tied singular value merge in a linear network.
        for (Trial t : new Trial[] {quadratic(), attention()}) {
            Outcome o = QuadraticRecruitmentClaims.checkSparse(t, BrokenObjectives.meanUnitGradient(
                    ScenarioResolver.network(t.scenario().network()).unitSize()));
            assertThat(o.held()).as(o.toString()).isFalse();
        }
    }

    // A tied attention draw trained to the end at ε = 10⁻³; seeds 5 and 6 are arbitrary.
    private static Trial fullAttention() {
        return Trial.of(new Scenario(new NetworkSpec("attention", 4, 0, 0, false, 0, 0, 3, 4),
                DataSpec.generated(DataSpec.IN_CONTEXT, 5, 32, 1.2, 1.2, 1.2).withExactStatistics(true),
                InitSpec.gaussian(DropCount.EPSILON, 6), DynamicsSpec.flow(1, DropCount.TOLERANCE)));
    }

    @Test
    void attentionOnTiedDataDropsOncePerHeadUntilDHeads() {
        Outcome o = DropCount.check(fullAttention(), UnaryOperator.identity());
        assertThat(o.held()).as(o.toString()).isTrue();
    }

    @Test
    void coupledHeadsFailTheCountAtTheFirstEvent() {
        Trial t = fullAttention();
        Outcome o = DropCount.check(t, BrokenObjectives.meanUnitGradient(
                ScenarioResolver.network(t.scenario().network()).unitSize()));
        assertThat(o.bad()).as(o.toString()).isTrue();
    }

    // The quadratic network on the population of y = x_1² + x_2² − x_3² − x_4² to the end at
    // ε = 10⁻³; init seeds 597967 (H = 4) and 890901 (H = 9) are draws of the claim's generator.
    private static Trial fullQuadratic(int h, long seed) {
        return Trial.of(new Scenario(NetworkSpec.fullyConnected("quadratic", 4, 1, h),
                DataSpec.generated(DataSpec.QUADRATIC_POPULATION, 0, 0, DropCount.TIED_LAMBDA),
                InitSpec.gaussian(DropCount.EPSILON, seed), DynamicsSpec.flow(1, DropCount.TOLERANCE)));
    }

    @Test
    void quadraticNetworkOnTiedDataDropsOncePerUnitUntilFourUnits() {
        for (Trial t : new Trial[] {fullQuadratic(4, 597967), fullQuadratic(9, 890901)}) {
            Outcome o = DropCount.check(t, UnaryOperator.identity());
            assertThat(o.held()).as(o.toString()).isTrue();
        }
    }

    @Test
    void coupledUnitsFailTheQuadraticCountAtTheFirstEvent() {
        Trial t = fullQuadratic(9, 890901);
        Outcome o = DropCount.check(t, BrokenObjectives.meanUnitGradient(
                ScenarioResolver.network(t.scenario().network()).unitSize()));
        assertThat(o.bad()).as(o.toString()).isTrue();
    }

    @Test
    void aRunWithNoUnitOfTheOpenSignIsDiscardedAsStalled() {
        // seed 18257 (H = 4): three directions fitted, the last unit's v has the wrong sign for
        // the open one (spec, Assumptions)
        Outcome o = DropCount.check(fullQuadratic(4, 18257), UnaryOperator.identity());
        assertThat(o.verdict()).as(o.toString()).isEqualTo(Outcome.Verdict.DISCARDED);
        assertThat(o.description()).contains("stalled at a saddle");
    }

    @Test
    void slowestEscapeRateOverTheVisitedSaddlesIsFourThirds() {
        // from the origin 2; after one direction 2 − 2/3 and 2 + 2/3; after two 2 or 3; after
        // three 2 + 2/5: the least is 4/3
        assertThat(DropCount.slowestVisitedRate(fullQuadratic(4, 1))).isCloseTo(4.0 / 3,
                org.assertj.core.data.Offset.offset(4 * Math.ulp(1.0)));
    }

    @Test
    void dropsCloserThanOneTransitionAreOneEvent() {
        // Three drops: the second starts 0.5 after the first ends (inside one transition of
        // length w = 1), the third 5 after the second (a plateau longer than w).
        Stages s = new Stages(List.of(), List.of(new Stages.Drop(1, 0.5, 1.5, 4, 3),
                new Stages.Drop(2.5, 2, 3, 3, 2), new Stages.Drop(8.5, 8, 9, 2, 1)), true, true, 1,
                false, 0, 0, 0.05);
        assertThat(DropCount.eventEnds(s, 1, 1, new double[0])).containsExactly(1, 2);
        assertThat(DropCount.eventEnds(s, 0.4, 0.4, new double[0])).containsExactly(0, 1, 2);
        // With a relaxation window of 6: the third drop (5 after the second) joins when no head
        // is recruited in (3, 9], and stays its own event when one is, at t = 7.
        assertThat(DropCount.eventEnds(s, 1, 6, new double[] {1.2})).containsExactly(2);
        assertThat(DropCount.eventEnds(s, 1, 6, new double[] {1.2, 7})).containsExactly(1, 2);
    }

    @Test
    void widthsMustRiseByOneFromZero() {
        assertThat(DropCount.stepMisses(new int[] {0, 1, 2, 3})).isZero();
        assertThat(DropCount.stepMisses(new int[] {0, 2, 3})).isEqualTo(2);
        assertThat(DropCount.stepMisses(new int[] {1, 2})).isEqualTo(2);
    }
}
