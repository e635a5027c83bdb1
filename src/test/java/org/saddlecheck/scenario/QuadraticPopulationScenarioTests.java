package org.saddlecheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

/**
 * A scenario selects the Gaussian population of a quadratic target with the data kind
 * {@code quadratic-population}: its data are the 2^D + 2D points on which the sample loss is the
 * population loss, so the scenario's own objective starts at ½E[y²] = ½[(Σλ)² + 2Σλ²].
 */
class QuadraticPopulationScenarioTests {

    private static final String SCENARIO = """
            {"format": "saddlecheck-scenario/1",
             "network": {"kind": "quadratic", "width": 3, "inputs": 4, "outputs": 1},
             "data": {"kind": "quadratic-population", "spectrum": [1, 1, -1, -1]},
             "init": {"scale": 0, "seed": 1},
             "dynamics": {"kind": "gd", "endTime": 1, "learningRate": 0.1}}
            """;

    @Test
    void scenarioResolvesToThePointSetAndItsPopulationLoss() {
        ResolvedScenario r = ScenarioResolver.resolve(ScenarioJson.parse(SCENARIO, "test"));
        assertThat(r.data().samples()).isEqualTo(16 + 8);
        double lossAtZero = r.objective().loss(r.theta0());
        // ½[(Σλ)² + 2Σλ²] = ½[0 + 8]. Round-off: each y_μ sums D products of rounded points, its
        // square and the sum of P squares add P + 2 roundings: within 2γ_{P+D+12} L̄, where
        // L̄ = ½[(Σ|λ|)² + 2Σλ²] = 12 is the same loss with every term's magnitude
        double expected = 0.5 * (0 + 2 * 4);
        double nu = (24 + 4 + 12) * Math.ulp(1.0) / 2;
        double tolerance = 2 * nu / (1 - nu) * 12;
        assertThat(Math.abs(lossAtZero - expected)).isLessThanOrEqualTo(tolerance);
    }

    @Test
    void otherNetworksAreRefusedByField() {
        String withBias = SCENARIO.replace("\"outputs\": 1", "\"outputs\": 1, \"bias\": true");
        assertThatThrownBy(() -> ScenarioResolver.resolve(ScenarioJson.parse(withBias, "test")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("network.bias");
        String wide = SCENARIO.replace("\"inputs\": 4", "\"inputs\": 13").replace("[1, 1, -1, -1]", "[1]");
        assertThatThrownBy(() -> ScenarioResolver.resolve(ScenarioJson.parse(wide, "test")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("network.inputs (13) must be at most 12");
    }
}
