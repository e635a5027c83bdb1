package org.saddlecheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

/** The stage detector on curves whose stages are known from their formulas. */
class StageDetectorTests {

    /** Records 1% apart in time, as a run plan with 231 points per decade keeps them. */
    private static final double SPACING = 1.01;

    /**
     * The accuracy required of the detector, which is also the guarantee of bracketing: with records 1%
     * apart, a crossing read between the two records that bracket it is within 1% of its time.
     */
    private static final double ONE_PERCENT = 0.01;

    @Test
    void logisticDropsAreFoundAtTheirHalfWayTimes() {
        double floor = 1e-3;
        double[] a = {0.5, 0.125, 0.03125};
        double[] s = {1, 0.5, 0.25};
        double[] tau = {12, 24, 46};
        DoubleUnaryOperator loss = Curves.logistics(floor, a, s, tau);
        double[] t = Curves.logSpaced(1e-3, 200, SPACING);

        Stages stages = StageDetector.detect(t, Curves.values(t, loss));

        assertThat(stages.dropCount()).isEqualTo(3);
        assertThat(stages.plateaus()).hasSize(4);
        assertThat(stages.startsWithPlateau()).isTrue();
        assertThat(stages.endsOnPlateau()).isTrue();
        assertThat(stages.reachesFloor()).isFalse();
        for (int k = 0; k < 3; k++) {
            assertThat(stages.drops().get(k).time()).isCloseTo(tau[k], within(ONE_PERCENT * tau[k]));
        }
        assertCrossingsAreExact(stages, loss, SPACING);
        assertLevelsLieOnTheCurve(stages, loss, t);
        // the final level is the floor itself: the last drop's tail e^{-2 s (t − τ)} is below 1e-13
        // of it over the second half of the final plateau, where the median record lies
        assertThat(stages.finalLevel()).isCloseTo(floor, within(1e-6 * floor));
    }

    @Test
    void saxeModeDropsAreAtTheirClosedFormHalfWayTimes() {
        double[] s = {1, 0.5, 0.25};
        double epsilon = 1e-6;
        double w0 = 50 * epsilon * epsilon / 2; // effective w_0 ≈ Hε²/2 with H = 50 (Section 6.1)
        DoubleUnaryOperator loss = Curves.saxe(s, w0);
        double[] t = Curves.logSpaced(1e-3, 200, SPACING);

        Stages stages = StageDetector.detect(t, Curves.values(t, loss));

        assertThat(stages.dropCount()).isEqualTo(3);
        for (int k = 0; k < 3; k++) {
            double expected = Curves.saxeHalfWayTime(s[k], w0);
            assertThat(stages.drops().get(k).time())
                    .isCloseTo(expected, within(ONE_PERCENT * expected));
        }
        assertCrossingsAreExact(stages, loss, SPACING);
        // the loss goes to zero: (s − w)² underflows far below 10⁻¹² of the first plateau
        assertThat(stages.reachesFloor()).isTrue();
        assertThat(stages.finalLevel()).isLessThanOrEqualTo(stages.floor());
    }

    @Test
    void blowUpDropsOfAQuadraticNetworkAreFoundWhereTheUnitsAreHalfRecruited() {
        double floor = 1e-3;
        double w = 1;
        double[] a = {1, 0.5, 0.25};
        double[] T = {1e4, 3e4, 1e5};
        DoubleUnaryOperator loss = Curves.blowUps(floor, a, T, w);
        double[][] run = Curves.recorded(loss, 1e-3, 3e5, SPACING, 0.01);

        Stages stages = StageDetector.detect(run[0], run[1]);

        assertThat(stages.dropCount()).isEqualTo(3);
        for (int k = 0; k < 3; k++) {
            Stages.Drop drop = stages.drops().get(k);
            // Drop k is half-way at T_k − w when the other units sit at their plateau values. They
            // do not quite: unit j > k still lacks a_j w/(T_j − t) of its plateau value. Over the
            // plateau before drop k the median record lies after T_{k−1} (or after t = 1 for the
            // first), so the levels are off by at most Σ_{j≥k} a_j w / (T_j − T_{k−1} − 1), which
            // moves the half-way level by half that. The slope at the crossing is a_k/(4w), so the
            // time moves by at most 2w Σ_j a_j w/(T_j − T_{k−1}) / a_k. Records 1% of the loss
            // apart are Δt ≈ 0.01·L/slope apart there, and |L''/L'| = 1/w, so the chord adds at
            // most Δt²/(8w).
            double before = k == 0 ? 1 : T[k - 1] + 1;
            double levelError = 0;
            for (int j = k; j < 3; j++) {
                levelError += a[j] * w / (T[j] - before);
            }
            double timeFromLevels = 2 * w * levelError / a[k];
            double dt = 0.01 * loss.applyAsDouble(T[k] - w) / (a[k] / (4 * w));
            double tolerance = timeFromLevels + dt * dt / (8 * w);
            assertThat(drop.time()).isCloseTo(T[k] - w, within(tolerance));
        }
    }

    @Test
    void twoDropsCloserThanTwiceTheirWidthAreReportedAsOneDrop() {
        // Two equal logistic drops of rate s are resolved when the plateau between their cores
        // (Δτ − 2.2/s) lasts as long as each core (2.2/s): Δτ ≥ 4.4/s. At Δτ = 1/s and 3/s they are
        // one drop from 2a + B to B; by symmetry of the two logistics about their middle,
        // L((τ₁ + τ₂)/2) = a + B, exactly half-way.
        for (double gap : new double[] {1, 3}) {
            double floor = 1e-3;
            DoubleUnaryOperator loss = Curves.logistics(floor, new double[] {1, 1},
                    new double[] {1, 1}, new double[] {20, 20 + gap});
            double[] t = Curves.logSpaced(1e-3, 200, SPACING);

            Stages stages = StageDetector.detect(t, Curves.values(t, loss));

            assertThat(stages.dropCount()).as("drops %s apart", gap).isEqualTo(1);
            Stages.Drop drop = stages.drops().get(0);
            double middle = 20 + gap / 2;
            assertThat(drop.time()).isCloseTo(middle, within(ONE_PERCENT * middle));
            assertThat(drop.levelBefore()).isCloseTo(2 + floor, within(1e-6));
            assertCrossingsAreExact(stages, loss, SPACING);
        }
    }

    @Test
    void twoDropsSixWidthsApartAreReportedSeparately() {
        DoubleUnaryOperator loss = Curves.logistics(1e-3, new double[] {1, 1}, new double[] {1, 1},
                new double[] {20, 26});
        double[] t = Curves.logSpaced(1e-3, 200, SPACING);

        Stages stages = StageDetector.detect(t, Curves.values(t, loss));

        assertThat(stages.dropTimes()).hasSize(2);
        assertThat(stages.dropTimes()[0]).isCloseTo(20, within(ONE_PERCENT * 20));
        assertThat(stages.dropTimes()[1]).isCloseTo(26, within(ONE_PERCENT * 26));
    }

    @Test
    void aDropShallowerThanTheMinimumDepthIsNotReported() {
        double[] t = Curves.logSpaced(1e-3, 200, SPACING);
        // a 2% drop (relative to its plateau at about 1.02) between two plateaus 20 and 30 long
        DoubleUnaryOperator shallow = Curves.logistics(1e-3, new double[] {1, 0.02, 1},
                new double[] {1, 1, 1}, new double[] {10, 30, 60});
        // the same with a 10% drop, above the 5% minimum
        DoubleUnaryOperator deep = Curves.logistics(1e-3, new double[] {1, 0.1, 1},
                new double[] {1, 1, 1}, new double[] {10, 30, 60});

        Stages withShallow = StageDetector.detect(t, Curves.values(t, shallow));
        Stages withDeep = StageDetector.detect(t, Curves.values(t, deep));

        assertThat(withShallow.minimumRelativeDepth()).isEqualTo(0.05, within(1e-12));
        assertThat(withShallow.dropTimes()).hasSize(2);
        assertThat(withDeep.dropTimes()).hasSize(3);
        assertThat(withDeep.dropTimes()[1]).isCloseTo(30, within(ONE_PERCENT * 30));
    }

    @Test
    void aCurveThatStartsWithADropHasNoFirstPlateau() {
        // L = A e^{−2t} + B: no plateau before the drop. Its level before is L(0) = A + B and after
        // it B, so it is half-way at A e^{−2t} = A/2, t = ln 2 / 2.
        double A = 1;
        double B = 1e-3;
        DoubleUnaryOperator loss = time -> A * Math.exp(-2 * time) + B;
        double[] t = Curves.logSpaced(1e-3, 100, SPACING);

        Stages stages = StageDetector.detect(t, Curves.values(t, loss));

        assertThat(stages.startsWithPlateau()).isFalse();
        assertThat(stages.dropCount()).isEqualTo(1);
        assertThat(stages.plateaus()).hasSize(1);
        Stages.Drop drop = stages.drops().get(0);
        assertThat(drop.levelBefore()).isEqualTo(A + B);
        assertThat(drop.start()).isZero();
        assertThat(drop.time()).isCloseTo(Math.log(2) / 2, within(ONE_PERCENT * Math.log(2) / 2));
        assertCrossingsAreExact(stages, loss, SPACING);
    }

    @Test
    void aFlatOrSlightlyDriftingCurveHasOnePlateauAndNoDrop() {
        double[] t = Curves.logSpaced(1e-3, 1e4, SPACING);
        // a drift of 3% over the whole run, below the 5% minimum depth
        DoubleUnaryOperator drifting = time -> 0.3 * (1 - 0.03 * time / 1e4);

        for (DoubleUnaryOperator loss : new DoubleUnaryOperator[] {time -> 0.3, drifting}) {
            Stages stages = StageDetector.detect(t, Curves.values(t, loss));

            assertThat(stages.dropCount()).isZero();
            assertThat(stages.plateaus()).hasSize(1);
            assertThat(stages.startsWithPlateau()).isTrue();
            assertThat(stages.endsOnPlateau()).isTrue();
            assertThat(stages.plateaus().get(0).start()).isZero();
            assertThat(stages.plateaus().get(0).end()).isEqualTo(t[t.length - 1]);
        }
    }

    @Test
    void aPowerLawDecayHasNoPlateau() {
        // L = (1 + t)^{−1/2} falls by a factor √e every e-fold of time: a steady descent, never a
        // plateau (the tanh negative control of Section 6.4 ends like this)
        double[] t = Curves.logSpaced(1e-3, 1e4, SPACING);

        Stages stages = StageDetector.detect(t, Curves.values(t, time -> 1 / Math.sqrt(1 + time)));

        assertThat(stages.plateaus()).isEmpty();
        assertThat(stages.startsWithPlateau()).isFalse();
        assertThat(stages.endsOnPlateau()).isFalse();
        assertThat(stages.finalLevel()).isEqualTo(1 / Math.sqrt(1 + t[t.length - 1]));
    }

    @Test
    void dropsAreFoundOnUniformAndIrregularSampling() {
        double[] a = {1, 0.3};
        double[] s = {1, 0.5};
        double[] tau = {12, 40};
        DoubleUnaryOperator loss = Curves.logistics(1e-3, a, s, tau);
        // 0.1 apart: under 1% of t for t ≥ 10, so the 1% requirement applies to both drops
        double[] uniform = Curves.uniform(200, 2001);
        // 4000 uniform random times on [0, 200]: the largest gap among n uniform points is about
        // 200 ln(n)/n = 0.41, under 1% of t beyond t = 41; the first drop gets 5%, a gap of 0.6
        // (exceeded with probability n e^{−0.6 n/200} ≈ 2·10⁻², seed fixed so the test is stable)
        double[] irregular = Curves.irregular(200, 4000, 20251223L);

        Stages onUniform = StageDetector.detect(uniform, Curves.values(uniform, loss));
        Stages onIrregular = StageDetector.detect(irregular, Curves.values(irregular, loss));

        assertThat(onUniform.dropTimes()).hasSize(2);
        assertThat(onUniform.dropTimes()[0]).isCloseTo(12, within(ONE_PERCENT * 12));
        assertThat(onUniform.dropTimes()[1]).isCloseTo(40, within(ONE_PERCENT * 40));
        assertThat(onIrregular.dropTimes()).hasSize(2);
        assertThat(onIrregular.dropTimes()[0]).isCloseTo(12, within(0.6));
        assertThat(onIrregular.dropTimes()[1]).isCloseTo(40, within(0.6));
    }

    @Test
    void veryLongTimesAreHandled() {
        double[] a = {1, 0.3};
        double[] s = {1e-6, 1e-7};
        double[] tau = {1e7, 5e8};
        DoubleUnaryOperator loss = Curves.logistics(1e-5, a, s, tau);
        double[] t = Curves.logSpaced(1e-3, 1e9, SPACING);

        Stages stages = StageDetector.detect(t, Curves.values(t, loss));

        assertThat(stages.dropTimes()).hasSize(2);
        assertThat(stages.dropTimes()[0]).isCloseTo(1e7, within(ONE_PERCENT * 1e7));
        assertThat(stages.dropTimes()[1]).isCloseTo(5e8, within(ONE_PERCENT * 5e8));
        assertCrossingsAreExact(stages, loss, SPACING);
    }

    @Test
    void sparseRecordsPlaceEachDropWithinTheirSpacing() {
        // records 10% apart: the crossing is bracketed by records 10% apart, so it is within 10%
        double ratio = 1.1;
        DoubleUnaryOperator loss = Curves.logistics(1e-3, new double[] {1, 0.3},
                new double[] {1, 0.5}, new double[] {12, 40});
        double[] t = Curves.logSpaced(1e-3, 200, ratio);

        Stages stages = StageDetector.detect(t, Curves.values(t, loss));

        assertThat(stages.dropTimes()).hasSize(2);
        assertThat(stages.dropTimes()[0]).isCloseTo(12, within((ratio - 1) * 12));
        assertThat(stages.dropTimes()[1]).isCloseTo(40, within((ratio - 1) * 40));
        assertCrossingsAreExact(stages, loss, ratio);
    }

    @Test
    void aLossThatGoesToZeroEndsOnTheFloorDespiteRoundOff() {
        // a logistic drop to zero; from t = 40 on the recorded loss is round-off: 0 and ±10⁻¹⁸
        double[] t = Curves.logSpaced(1e-3, 200, SPACING);
        double[] L = Curves.values(t, time -> Curves.logistic(time, 0.5, 1, 12));
        for (int k = 0; k < t.length; k++) {
            if (t[k] > 40) {
                L[k] = (k % 3 - 1) * 1e-18;
            }
        }

        Stages stages = StageDetector.detect(t, L);

        assertThat(stages.dropCount()).isEqualTo(1);
        assertThat(stages.reachesFloor()).isTrue();
        assertThat(stages.finalLevel()).isLessThanOrEqualTo(stages.floor());
        assertThat(stages.floor()).isEqualTo(1e-12 * 0.5, within(1e-15 * 0.5));
        assertThat(stages.dropTimes()[0]).isCloseTo(12, within(ONE_PERCENT * 12));
    }

    @Test
    void aRunStoppedDuringADropEndsWithoutAFinalPlateau() {
        // the Saxe curve stopped 3/s after its last half-way time, while the loss still falls
        double[] s = {1, 0.5, 0.25};
        double w0 = 50 * 1e-12 / 2;
        double end = Curves.saxeHalfWayTime(0.25, w0) + 3 / 0.25;
        DoubleUnaryOperator loss = Curves.saxe(s, w0);
        double[] t = Curves.logSpaced(1e-3, end, SPACING);

        Stages stages = StageDetector.detect(t, Curves.values(t, loss));

        assertThat(stages.endsOnPlateau()).isFalse();
        assertThat(stages.dropCount()).isEqualTo(3);
        Stages.Drop last = stages.drops().get(2);
        assertThat(last.levelAfter()).isEqualTo(loss.applyAsDouble(t[t.length - 1]));
        assertThat(last.end()).isEqualTo(t[t.length - 1]);
        assertThat(stages.finalLevel()).isEqualTo(last.levelAfter());
        assertCrossingsAreExact(stages, loss, SPACING);
    }

    @Test
    void flatnessIsTheRelativeLossDecreasePerEFoldOfTime() {
        // L = t^{−0.01}: ln L = −0.01 ln t, a slope of exactly −0.01 on ln t
        double[] t = Curves.logSpaced(1e-3, 1e4, SPACING);
        double[] positive = java.util.Arrays.copyOfRange(t, 1, t.length);

        Stages stages = StageDetector.detect(positive, Curves.values(positive,
                time -> Math.pow(time, -0.01)));

        assertThat(stages.plateaus()).hasSize(1);
        assertThat(stages.plateaus().get(0).flatness()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void plateauLengthsAreTheTimesBetweenDrops() {
        DoubleUnaryOperator loss = Curves.logistics(1e-3, new double[] {0.5, 0.125, 0.03125},
                new double[] {1, 0.5, 0.25}, new double[] {12, 24, 46});
        double[] t = Curves.logSpaced(1e-3, 200, SPACING);

        Stages stages = StageDetector.detect(t, Curves.values(t, loss));

        double[] times = stages.dropTimes();
        assertThat(stages.timesBetweenDrops())
                .containsExactly(times[1] - times[0], times[2] - times[1]);
    }

    @Test
    void aSingleRecordIsOnePlateau() {
        Stages stages = StageDetector.detect(new double[] {0}, new double[] {0.7});

        assertThat(stages.dropCount()).isZero();
        assertThat(stages.plateaus()).hasSize(1);
        assertThat(stages.finalLevel()).isEqualTo(0.7);
    }

    @Test
    void invalidCurvesAreRejectedWithTheirFault() {
        assertThatThrownBy(() -> StageDetector.detect(new double[0], new double[0]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("number of records");
        assertThatThrownBy(() -> StageDetector.detect(new double[] {0, 1}, new double[] {1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("losses");
        assertThatThrownBy(() -> StageDetector.detect(new double[] {0, 2, 1}, new double[] {1, 1, 1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("record 2");
        assertThatThrownBy(() -> StageDetector.detect(new double[] {0, 1}, new double[] {1, Double.NaN}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("losses[1]");
        assertThatThrownBy(() -> new StageDetector.Settings(0, 5, 1e-12, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minimum relative depth");
    }

    /**
     * Each drop's time against the exact crossing of the curve at the level the detector reports
     * as half-way, found by bisection: the two differ only by the chord between the bracketing
     * records, bounded by {@link Curves#logInterpolationBound} (relative to the time).
     */
    static void assertCrossingsAreExact(Stages stages, DoubleUnaryOperator loss, double ratio) {
        for (Stages.Drop drop : stages.drops()) {
            double mid = 0.5 * (drop.levelBefore() + drop.levelAfter());
            double exact = Curves.crossing(loss, mid, drop.start(), drop.end());
            double bound = Curves.logInterpolationBound(loss, exact, ratio);
            assertThat(drop.time()).as("half-way time of %s", drop)
                    .isCloseTo(exact, within(bound * exact + Math.ulp(exact)));
        }
    }

    /** A plateau level is a median of recorded losses, so it lies within the curve's range there. */
    private static void assertLevelsLieOnTheCurve(Stages stages, DoubleUnaryOperator loss, double[] t) {
        for (Stages.Plateau plateau : stages.plateaus()) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double time : t) {
                if (time >= plateau.start() && time <= plateau.end()) {
                    low = Math.min(low, loss.applyAsDouble(time));
                    high = Math.max(high, loss.applyAsDouble(time));
                }
            }
            assertThat(plateau.level()).isBetween(low, high);
        }
    }
}
