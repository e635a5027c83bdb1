package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saddlecheck.figures.FigureOne;
import org.saddlecheck.figures.FigureOne.Panel;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.Scenario;

class FigureOneClaimsTests {

    @Test
    void everyPanelOfTheFigureHasOneClaimInTheCatalogue() {
        List<String> ids = Catalogue.claims().stream().map(Claim::id).toList();
        for (Panel p : Panel.values()) {
            assertThat(ids).contains(FigureOneClaims.id(p));
        }
    }

    @Test
    void aTargetThatNeedsOneUnitFailsTheLinearClaim() {
        // Broken variant: the second singular value set to zero, so the target has rank one:
        // one drop, width one at the end. The claim must report departures.
        Scenario good = FigureOne.scenario(Panel.LINEAR_FC, 1e-7, 1);
        Scenario rankOne = good.withData(DataSpec.generated(DataSpec.WHITENED, 1, 8, 1));

        Outcome outcome = FigureOneClaims.check(Trial.of(rankOne));

        assertThat(outcome.held()).isFalse();
        assertThat(outcome.measured()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void tiedStrengthsMergeTheDropsOfTheLinearNetwork() {
        // Broken variant: equal singular values (1, 1): both modes grow at the same rate, one drop
        // adds rank two (Section 6.1), so there is no middle plateau of rank one.
        Scenario good = FigureOne.scenario(Panel.LINEAR_FC, 1e-7, 1);
        Scenario tied = good.withData(DataSpec.generated(DataSpec.WHITENED, 1, 8, 1, 1));

        assertThat(FigureOneClaims.check(Trial.of(tied)).held()).isFalse();
    }

    @Test
    void theFigureSettingHoldsForTheLinearNetwork() {
        // Seed 1: any seed is in the asserted regime; one is enough for an example.
        assertThat(FigureOneClaims.check(Trial.of(FigureOne.scenario(Panel.LINEAR_FC, 1e-7, 1)))
                .held()).isTrue();
    }

    @Test
    void evidenceHasTheLossCurveAndTwoWeightPanels() {
        Trial t = Trial.of(FigureOne.scenario(Panel.QUADRATIC, 1e-3, 1));
        List<Figure> figures = FigureOneClaims.twoStages(Panel.QUADRATIC).evidence(t);

        assertThat(figures).hasSize(2);
        assertThat(figures.get(1)).isInstanceOfSatisfying(Figure.Weights.class,
                w -> assertThat(w.panels()).hasSize(2));
    }

    @Test
    void aDrawWithTwoHeadsRecruitedTogetherIsOutsideTheRegime() {
        // Seed 6092 at ε = 2·10⁻³, found by a deep run: two heads reach ρ at the same record, one
        // drop for two heads. Proposition 5 separates units only on draws without such a tie.
        Outcome o = FigureOneClaims.check(Trial.of(FigureOne.scenario(Panel.ATTENTION, 0.002,
                6092)));

        assertThat(o.verdict()).isEqualTo(Outcome.Verdict.DISCARDED);
    }

    @Test
    void unitsOfTypesOneAndTwoHaveNoNearTies() {
        // Seed 1: any; linear units grow together, so the screen of Proposition 5 does not apply.
        assertThat(FigureOneClaims.nearTie(org.saddlecheck.figures.StagedRun.of(
                FigureOne.scenario(Panel.LINEAR_FC, 1e-7, 1)))).isZero();
    }
}
