package org.saddlecheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.InvalidInputException;

class ScenarioJsonTests {

    private static final String VALID = """
            {
              "format": "saddlecheck-scenario/1",
              "network": {"kind": "linear", "width": 5, "inputs": 4, "outputs": 3},
              "data": {"kind": "whitened-regression", "seed": 1, "samples": 20,
                       "spectrum": [1, 0.5, 0.25]},
              "init": {"scale": 1e-3, "seed": 2},
              "dynamics": {"kind": "flow", "endTime": 40}
            }
            """;

    @TempDir
    Path folder;

    /** The valid scenario after {@code change}, read back through the text format. */
    private static Scenario readChanged(Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) JsonText.parse(VALID.getBytes(), "test");
        change.accept(root);
        return ScenarioJson.parse(root.toString(), "test scenario");
    }

    private static ObjectNode at(ObjectNode root, String field) {
        return (ObjectNode) root.get(field);
    }

    private static void assertRejected(Consumer<ObjectNode> change, String message) {
        assertThatThrownBy(() -> readChanged(change)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void validScenarioReadsWithItsDefaults() {
        Scenario s = ScenarioJson.parse(VALID, "test");

        assertThat(s.network()).isEqualTo(NetworkSpec.fullyConnected("linear", 4, 3, 5));
        assertThat(s.data()).isEqualTo(DataSpec.generated("whitened-regression", 1, 20, 1, 0.5, 0.25));
        assertThat(s.init()).isEqualTo(InitSpec.gaussian(1e-3, 2));
        assertThat(s.dynamics()).isEqualTo(DynamicsSpec.flow(40, ScenarioJson.DEFAULT_RELATIVE_TOLERANCE));
    }

    @Test
    void everyDataAndDynamicsKindRoundTripsThroughText() {
        NetworkSpec linear = NetworkSpec.fullyConnected("linear", 3, 2, 4);
        NetworkSpec scalar = NetworkSpec.fullyConnected("quadratic", 3, 1, 4);
        NetworkSpec kink = new NetworkSpec("relu", 6, 1, 1, true, 0, 0, 0, 0);
        DynamicsSpec flow = DynamicsSpec.flow(10, 1e-9).withSnapshots(0, 1.5, 10);
        Scenario[] scenarios = {
            new Scenario(linear, DataSpec.generated("whitened-regression", 7, 30, 1, 0.5)
                    .withNoise(0.1), InitSpec.gaussian(1e-6, 3), flow),
            new Scenario(scalar, DataSpec.generated("quadratic-target", 7, 30, 1, -0.5)
                    .withExactStatistics(false), InitSpec.gaussian(0.01, 3),
                    DynamicsSpec.rungeKutta4(5, 0.01)),
            new Scenario(scalar, new DataSpec("quadratic-target", 7, 30, null, null, null),
                    InitSpec.gaussian(0.01, 3), DynamicsSpec.gradientDescent(5, 0.05)),
            new Scenario(scalar, DataSpec.generated("quadratic-population", 0, 0, 1, 1),
                    InitSpec.gaussian(0.01, 3), DynamicsSpec.gradientDescent(5, 0.05)),
            new Scenario(scalar, DataSpec.reluOrthogonal(9, 2, new double[][] {{1, 0, 0}}, new double[] {2}),
                    InitSpec.gaussian(0.01, 3), DynamicsSpec.stochastic(5, 0.05, 2, 11)),
            new Scenario(kink, DataSpec.reluKinks(21, new double[] {-0.5, 0.25}, new double[] {1, -2}),
                    InitSpec.gaussian(0.01, 3), DynamicsSpec.gradientDescent(5, 0.05)
                            .withRecording(0.05, 50, 0.02, false)),
            new Scenario(linear, DataSpec.generated("whitened-regression", 7, 30, 1, 0.5),
                    InitSpec.gaussian(1e-6, 3), DynamicsSpec.flowDp54(10, 1e-9)),
        };
        for (Scenario s : scenarios) {
            assertThat(ScenarioJson.parse(ScenarioJson.write(s), "round trip")).isEqualTo(s);
        }
    }

    @Test
    void convolutionalAndAttentionScenariosRoundTripThroughText() {
        Scenario conv = new Scenario(new NetworkSpec("relu-conv", 4, 0, 0, false, 3, 2, 0, 0),
                DataSpec.generated("patches", 1, 10, 1, 0.5).withNoise(0.2),
                InitSpec.gaussian(0.01, 2), DynamicsSpec.rungeKutta4(3, 0.01));
        Scenario attention = new Scenario(new NetworkSpec("attention-merged", 2, 0, 0, false, 0, 0,
                2, 5), DataSpec.generated("in-context", 1, 10, 2, 0.5), InitSpec.gaussian(0.01, 2),
                DynamicsSpec.flow(3, 1e-7));

        assertThat(ScenarioJson.parse(ScenarioJson.write(conv), "conv")).isEqualTo(conv);
        assertThat(ScenarioJson.parse(ScenarioJson.write(attention), "att")).isEqualTo(attention);
        assertThat(ScenarioResolver.network(attention.network()).inputSize())
                .isEqualTo(5 * (2 + 1) + 2);
    }

    @Test
    void dataForConvolutionAndAttentionMustMeetItsNetwork() {
        String attention = VALID.replace(
                "\"kind\": \"linear\", \"width\": 5, \"inputs\": 4, \"outputs\": 3",
                "\"kind\": \"attention\", \"width\": 5, \"dimension\": 3, \"context\": 4");
        assertThatThrownBy(() -> ScenarioJson.parse(attention, "att"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("data.spectrum has 3 values but min(D_in, D_out) of the"
                        + " attention network with H = 5 is 1");
        String inContext = attention.replace("\"whitened-regression\"", "\"in-context\"");
        assertThatThrownBy(() -> ScenarioJson.parse(inContext.replace("20", "5"), "att"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("data.samples (5) must be at least D² = 9");
        String zero = inContext.replace("0.25", "0");
        assertThatThrownBy(() -> ScenarioJson.parse(zero, "att"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("data.spectrum[2] (0.0) must be positive");
        assertThat(ScenarioJson.parse(inContext, "att").data().spectrum())
                .containsExactly(1, 0.5, 0.25);
    }

    @Test
    void numbersRoundTripBitForBit() {
        double[][] X = {{0.1, 1.0 / 3}, {Math.PI, Math.nextUp(1.0)}, {1e-300, -Double.MAX_VALUE}};
        double[][] Y = {{Double.MIN_VALUE}, {-0.0}, {123456789.123456789}};
        double[] theta = {Math.E, -1e-17, 2.5, 0, 7e22, 1.0 / 7};
        Scenario s = new Scenario(NetworkSpec.fullyConnected("linear", 2, 1, 2),
                DataSpec.explicit(X, Y), InitSpec.explicit(theta), DynamicsSpec.flow(1, 1e-10));

        Scenario back = ScenarioJson.parse(ScenarioJson.write(s), "round trip");

        assertThat(back).isEqualTo(s);
        assertThat(Double.doubleToRawLongBits(back.data().Y()[1][0]))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void unknownFieldsAreNamedByPath() {
        assertRejected(r -> at(r, "network").put("widht", 5), "unknown field network.widht");
        assertRejected(r -> r.put("comment", "x"), "unknown field comment");
        assertRejected(r -> at(r, "network").put("patches", 2),
                "field network.patches does not apply to network kind 'linear'");
        assertRejected(r -> at(r, "init").putArray("theta"),
                "field init.scale does not apply to an explicit initialization (init.theta)");
    }

    @Test
    void theDormandPrince54FlowReadsItsToleranceAndRejectsABadOne() {
        Scenario s = readChanged(r -> at(r, "dynamics").put("kind", "flow-dp54"));
        assertThat(s.dynamics()).isEqualTo(DynamicsSpec.flowDp54(40,
                ScenarioJson.DEFAULT_RELATIVE_TOLERANCE));
        assertRejected(r -> at(r, "dynamics").put("kind", "flow-dp54").put("relativeTolerance", 1),
                "dynamics.relativeTolerance (1.0) must be below 1");
        assertRejected(r -> at(r, "dynamics").put("kind", "flow-dp54").put("learningRate", 0.1),
                "learningRate");
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertRejected(r -> at(r, "network").remove("width"), "missing required field network.width");
        assertRejected(r -> r.remove("format"), "missing required field format");
        assertRejected(r -> at(r, "data").remove("spectrum"), "missing required field data.spectrum");
    }

    @Test
    void wrongTypesAreNamed() {
        assertRejected(r -> at(r, "network").put("width", "five"),
                "network.width must be an integer, not the string \"five\"");
        assertRejected(r -> at(r, "network").put("width", 2.5), "network.width must be an integer");
        assertRejected(r -> at(r, "init").put("scale", true),
                "init.scale must be a number, not the boolean true");
        assertRejected(r -> at(r, "data").put("spectrum", 1), "data.spectrum must be an array");
        assertRejected(r -> at(r, "network").put("bias", "yes"), "network.bias must be true or false");
        assertRejected(r -> r.put("network", 3), "network must be a JSON object");
    }

    @Test
    void nonFiniteNumbersAreNamed() {
        assertRejected(r -> at(r, "init").put("scale", "NaN"), "init.scale (NaN) must be a finite number");
        assertRejected(r -> ((ArrayNode) at(r, "data").get("spectrum")).set(1, "Infinity"),
                "data.spectrum[1] (Infinity) must be a finite number");
        assertRejected(r -> at(r, "dynamics").put("endTime", "-Infinity"),
                "dynamics.endTime (-Infinity) must be a finite number");
        assertThatThrownBy(() -> ScenarioJson.parse(VALID.replace("1e-3", "NaN"), "bare"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("init.scale (NaN) must be a finite number");
    }

    @Test
    void nonPositiveSizesAreNamedWithTheirValue() {
        assertRejected(r -> at(r, "network").put("width", -3), "network.width (-3) must be positive");
        assertRejected(r -> at(r, "network").put("inputs", 0), "network.inputs (0) must be positive");
        assertRejected(r -> at(r, "data").put("samples", 0), "data.samples (0) must be positive");
        assertRejected(r -> at(r, "dynamics").put("endTime", 0), "dynamics.endTime (0.0) must be positive");
        assertRejected(r -> at(r, "init").put("scale", -1), "init.scale (-1.0) must not be negative");
        assertRejected(r -> at(r, "network").put("width", 3_000_000_000L),
                "network.width (3000000000) is too large");
    }

    @Test
    void unknownKindsListTheKnownOnes() {
        assertRejected(r -> at(r, "network").put("kind", "lineer"),
                "network.kind 'lineer' is not one of: linear, relu, quadratic, cubic, tanh, xtanh,"
                        + " linear-conv, relu-conv, attention, attention-merged");
        assertRejected(r -> at(r, "data").put("kind", "mnist"), "data.kind 'mnist' is not one of:");
        assertRejected(r -> at(r, "dynamics").put("kind", "adam"),
                "dynamics.kind 'adam' is not one of: flow, flow-dp54, rk4, gd, sgd");
    }

    @Test
    void explicitShapesMustFitTheNetwork() {
        assertRejected(r -> at(r, "init").removeAll().set("theta", ScenarioJson.numbers(new double[40])),
                "init.theta has 40 entries but the linear network with H = 5 needs 35");
        assertRejected(r -> r.set("data", explicitData(new double[][] {{1, 2, 3, 4}, {1, 2, 3}},
                new double[][] {{1, 2, 3}, {1, 2, 3}})), "data.X row 1 has 3 entries but row 0 has 4");
        assertRejected(r -> r.set("data", explicitData(new double[][] {{1, 2, 3}},
                new double[][] {{1, 2, 3}})), "data.X has 3 columns but the linear network with H = 5"
                        + " reads 4 inputs");
        assertRejected(r -> r.set("data", explicitData(new double[][] {{1, 2, 3, 4}},
                new double[][] {{1, 2}})), "data.Y has 2 columns but the linear network with H = 5 has"
                        + " 3 outputs");
        assertRejected(r -> r.set("data", explicitData(new double[][] {{1, 2, 3, 4}, {1, 2, 3, 4}},
                new double[][] {{1, 2, 3}})), "data.Y has 1 rows but data.X has 2");
    }

    @Test
    void dataMustSuitTheNetwork() {
        assertRejected(r -> ((ArrayNode) at(r, "data").get("spectrum")).add(0.1),
                "data.spectrum has 4 values but min(D_in, D_out) of the linear network with H = 5 is 3");
        assertRejected(r -> at(r, "data").put("samples", 3),
                "data.samples (3) must be at least 4 (the number of inputs, for whitened inputs)");
        assertRejected(r -> at(r, "data").put("kind", "patches"),
                "data kind 'patches' needs a network of kind linear-conv or relu-conv, but"
                        + " network.kind is 'linear'");
        assertRejected(r -> at(r, "data").removeAll().put("kind", "quadratic-target").put("seed", 1)
                .put("samples", 40), "data kind 'quadratic-target' has one target per sample, but the"
                        + " linear network with H = 5 has 3 outputs");
        assertRejected(r -> at(r, "data").removeAll().put("kind", "quadratic-population"),
                "data kind 'quadratic-population' needs the quadratic network without bias, but the"
                        + " scenario has the linear network with H = 5 (network.kind, network.bias)");
    }

    @Test
    void dynamicsParametersAreChecked() {
        assertRejected(r -> at(r, "dynamics").put("kind", "sgd").put("learningRate", 0.1)
                .put("batchSize", 50).put("seed", 1),
                "dynamics.batchSize (50) must be at most the number of samples (20)");
        assertRejected(r -> at(r, "dynamics").put("kind", "gd").put("learningRate", -0.1),
                "dynamics.learningRate (-0.1) must be positive");
        assertRejected(r -> at(r, "dynamics").putArray("snapshotTimes").add(5).add(2),
                "dynamics.snapshotTimes[1] (2.0) must be larger than the time before it (5.0)");
        assertRejected(r -> at(r, "dynamics").putObject("record").put("pointsPerDecade", 0),
                "dynamics.record.pointsPerDecade (0) must be positive");
        assertRejected(r -> at(r, "dynamics").putObject("record").put("every", 0),
                "unknown field dynamics.record.every");
    }

    @Test
    void wrongFormatAndBrokenJsonAreRejected() {
        assertRejected(r -> r.put("format", "saddlecheck-scenario/2"),
                "format 'saddlecheck-scenario/2' is not saddlecheck-scenario/1");
        assertThatThrownBy(() -> ScenarioJson.parse("{\"format\": ", "broken.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("broken.json is not valid JSON");
        String twice = VALID.replace("\"seed\": 1,", "\"seed\": 1, \"seed\": 2,");
        assertThatThrownBy(() -> ScenarioJson.parse(twice, "twice.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Duplicate field 'seed'");
        assertThatThrownBy(() -> ScenarioJson.parse("[1, 2]", "array.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("the file must be a JSON object, not an array");
    }

    @Test
    void unreadableFilesAreNamed() throws IOException {
        Path missing = folder.resolve("missing.json");
        assertThatThrownBy(() -> ScenarioJson.read(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessage("scenario file '" + missing + "' does not exist");
        assertThatThrownBy(() -> ScenarioJson.read(folder)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a folder");
        Path good = Files.writeString(folder.resolve("good.json"), VALID);
        assertThat(ScenarioJson.read(good)).isEqualTo(ScenarioJson.parse(VALID, "same"));
    }

    private static JsonNode explicitData(double[][] X, double[][] Y) {
        ObjectNode data = JsonText.MAPPER.createObjectNode();
        data.put("kind", "explicit");
        data.set("X", ScenarioJson.rows(X));
        data.set("Y", ScenarioJson.rows(Y));
        return data;
    }
}
