package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;

class TiedShorteningTests {

    // Data seed 5 and init seed 6: arbitrary.
    private static Trial trial() {
        return Trial.of(new Scenario(NetworkSpec.fullyConnected("quadratic", 4, 1, TiedShortening.WIDTH),
                DataSpec.generated(DataSpec.QUADRATIC, 5, 24, TiedShortening.TIED),
                InitSpec.gaussian(1, 6), DynamicsSpec.flow(1, LinearRun.TOLERANCE)));
    }

    @Test
    void aBalancedUnitOnAnEigenvectorBlowsUpAtTheToyTime() {
        // a = (√2 v, 0, 0, 0), v = 0.1 on λ = 2: v̇ = 2λv², T = 1/(2λ v_0) − 1/(2λ V) with V = 10⁴.
        // RK4 at a hundredth of the local time scale: relative error far below 10⁻⁶.
        double t = TiedShortening.blowUpTime(new double[] {2, 1, -2, -1},
                new double[] {Math.sqrt(2) * 0.1, 0, 0, 0}, 0.1, 1e3);
        assertThat(t).isCloseTo(1 / (4 * 0.1) - 1 / (4 * 1e4),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void theModelPredictsAFalseAlarmRateBelowOnePerThousand() {
        // The spec's false-alarm rate: P(Binomial(60, p) < c) at the model's win rate p, lowered by
        // three Monte Carlo standard errors. Margins: the offset bounds |B| = √3/(λ_min ρ) of both
        // networks (λ_min = 2 tied, 1 untied) times ε (in units of T), and twice the record spacing
        // ln 10/2000. Seed 7: any; 2000 draws.
        Trial untied = new Trial(trial().scenario().withData(DataSpec.generated(DataSpec.QUADRATIC, 5,
                24, TiedShortening.UNTIED)), trial().parameters());
        double offsets = QuadraticRecruitmentClaims.offset(trial())
                + QuadraticRecruitmentClaims.offset(untied);
        double p = TiedShortening.winRate(TiedShortening.UNTIED, TiedShortening.WIDTH, 2000,
                offsets * TiedShortening.EPSILON,
                2 * Math.log(10) / QuadraticRecruitmentClaims.PER_DECADE, 7);
        double low = p - 3 * Math.sqrt(p * (1 - p) / 2000);
        int c = TiedShortening.critical(TiedShortening.PAIRS, TiedShortening.ALPHA);
        double falseAlarm = new BinomialDistribution(null, TiedShortening.PAIRS, low)
                .cumulativeProbability(c - 1);
        assertThat(falseAlarm).as("p = %s, critical %s, rate %s", p, c, falseAlarm).isLessThan(1e-3);
    }

    @Test
    void theCriticalCountIsTheBinomialTail() {
        // P(X ≥ c) ≤ α < P(X ≥ c − 1) for X ~ Binomial(80, ½).
        int c = TiedShortening.critical(80, 1e-3);
        BinomialDistribution b = new BinomialDistribution(null, 80, 0.5);
        assertThat(1 - b.cumulativeProbability(c - 1)).isLessThanOrEqualTo(1e-3);
        assertThat(1 - b.cumulativeProbability(c - 2)).isGreaterThan(1e-3);
    }

    @Test
    void tiedDataShortenThePlateauAndAHalvedTimeScaleOnTiedDataDoesNot() {
        assertThat(TiedShortening.check(trial(), UnaryOperator.identity(), UnaryOperator.identity())
                .held()).isTrue();
        // Tied runs with the gradient halved take twice as long: their plateaus are longer, not
        // shorter (the model's median ratio t_tied/t_untied is near 0.87, doubled to 1.7).
        Outcome o = TiedShortening.check(trial(), BrokenObjectives.scaledGradient(0.5),
                UnaryOperator.identity());
        assertThat(o.held()).as(o.toString()).isFalse();
    }
}
