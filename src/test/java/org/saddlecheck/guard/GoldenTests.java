package org.saddlecheck.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.scenario.ScenarioJson;

class GoldenTests {

    /** One export of the aligned case shared by the tests, which only read it. */
    @TempDir
    static Path dir;

    private static Expectation aligned;

    @org.junit.jupiter.api.BeforeAll
    static void export() {
        aligned = VectorExporter.export(VectorCatalogue.linearAligned(), dir);
    }

    @Test
    void alignedCaseAgreesWithTheExactSaxeSolutionAndTheDerivedDescentShift() throws Exception {
        Expectation e = aligned;

        // Flow against the exact solution: the flow runs at relative tolerance 1e-10 and its local
        // errors are carried along the logistic curves without growth beyond O(ln(s/w0)) ≈ 30
        // e-folds of the mode they sit on, relative to that mode; 1e-8 of L(0) is 100× the tolerance.
        assertThat(e.oracleDeviation()).isLessThan(1e-8);

        LinearTheory.Prediction p = e.theory().orElseThrow();
        assertThat(e.flowDropTimes()).hasSize(p.drops().size());
        for (int k = 0; k < p.drops().size(); k++) {
            LinearTheory.Drop d = p.drops().get(k);
            // The exact half-way time; the detector interpolates between records at most 1% of t
            // apart (231 per decade and every 1% change of the loss), so 1% of t_k.
            assertThat(e.flowDropTimes()[k]).isCloseTo(d.time(),
                    org.assertj.core.data.Offset.offset(0.01 * d.time()));
            // The derived first-order delay (η/4) ln(w_h/w0) against the delay measured by halving
            // η: the formula omits the O(1) part of the drop after w_h (about (η/4)·ln 2 / ln(w_h/w0)
            // ≈ 3% relative here) and O(η²) terms; 10% allows both.
            assertThat(e.measuredShift(k)).isCloseTo(d.shiftPerLearningRate(),
                    org.assertj.core.data.Offset.offset(0.1 * d.shiftPerLearningRate()));
        }
    }

    @Test
    void exportWritesExplicitScenarioAndLoadableCsvCopies() throws Exception {
        Path c = dir.resolve("linear-aligned");
        assertThat(ScenarioJson.read(c.resolve("scenario.json")).init().hasTheta()).isTrue();
        assertThat(ScenarioJson.read(c.resolve("scenario.json")).data().kind()).isEqualTo("explicit");
        // θ(0) as H rows of |u| + |v| = 4 + 3 numbers.
        assertThat(Files.readAllLines(c.resolve("theta0.csv"))).hasSize(4)
                .allSatisfy(line -> assertThat(line.split(",")).hasSize(7));
        assertThat(Files.readString(c.resolve("expected.json")))
                .contains("\"format\" : \"" + VectorExporter.FORMAT + "\"");
    }

    @Test
    void catalogueCoversEveryNetworkKind() {
        // The network kinds of docs/formats.md.
        java.util.List<String> kinds = java.util.List.of("linear", "relu", "quadratic", "cubic",
                "tanh", "xtanh", "linear-conv", "relu-conv", "attention", "attention-merged");
        assertThat(VectorCatalogue.all().stream().map(c -> c.scenario().network().kind()))
                .containsAll(kinds);
    }

    /**
     * On a network with kinks the flow reference is fixed-step RK4. Gradient descent gives an
     * independent estimate of the flow's drop times: with T(η) = T₀ + cη + O(η²), one Richardson
     * step 2T(η/2) − T(η) removes the first-order term. The two must agree to the check's own
     * drop-time tolerance, 1% of the time.
     */
    @Test
    void kinkedFlowReferenceAgreesWithExtrapolatedGradientDescent() {
        Expectation e = VectorExporter.export(VectorCatalogue.reluConv(), dir.resolve("kinked"));

        assertThat(e.flowDropTimes()).hasSize(2);
        assertThat(e.gdDropTimes()).hasSameSizeAs(e.flowDropTimes());
        assertThat(e.halfStepDropTimes()).hasSameSizeAs(e.flowDropTimes());
        for (int k = 0; k < e.flowDropTimes().length; k++) {
            double extrapolated = 2 * e.halfStepDropTimes()[k] - e.gdDropTimes()[k];
            assertThat(extrapolated).isCloseTo(e.flowDropTimes()[k],
                    org.assertj.core.data.Offset.offset(0.01 * e.flowDropTimes()[k]));
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("deep")
    void everyCaseExportsWithStagesAndCheckpoints() {
        for (VectorCase c : VectorCatalogue.all()) {
            Expectation e = VectorExporter.export(c, dir.resolve("all"));
            assertThat(e.flowDropTimes()).as(c.name()).isNotEmpty();
            assertThat(e.checkpointTimes()).as(c.name()).startsWith(0.0);
        }
    }
}
