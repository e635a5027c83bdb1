package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
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
}
