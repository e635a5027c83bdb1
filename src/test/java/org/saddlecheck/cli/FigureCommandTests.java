package org.saddlecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureCommandTests {

    @TempDir
    Path folder;

    @Test
    void figureOneWritesEachChosenPanelWithItsLossCurveAndWeights() throws IOException {
        SimulateCommandTests.Result r = SimulateCommandTests.run("figure", "1", "--out",
                folder.toString(), "--panel", "linear", "--panel", "relu");

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(folder.resolve("figure1.json").toFile());
        assertThat(root.get("format").asText()).isEqualTo("saddlecheck-figure/1");
        JsonNode panels = root.get("panels");
        assertThat(panels).hasSize(2);
        for (JsonNode panel : panels) {
            assertThat(panel.get("figures").get(0).get("type").asText()).isEqualTo("lines");
            assertThat(panel.get("figures").get(1).get("type").asText()).isEqualTo("weights");
            // The figure's setting: two effective units at the end.
            assertThat(panel.get("finalWidth").asInt()).isEqualTo(2);
        }
    }

    @Test
    void figureTwoQuickWritesTheLinearSweepsAndTheInitializationPanels() throws IOException {
        SimulateCommandTests.Result r = SimulateCommandTests.run("figure", "2", "--quick", "--out",
                folder.toString());

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(folder.resolve("figure2.json").toFile());
        JsonNode panels = root.get("panels");
        assertThat(panels).hasSize(4);
        for (JsonNode panel : panels) {
            JsonNode lines = panel.get("figures").get(0);
            assertThat(lines.get("type").asText()).isEqualTo("lines");
            assertThat(lines.get("series")).hasSize(panel.get("scenarios").size());
            assertThat(panel.get("figures").get(1).get("type").asText()).isEqualTo("table");
        }
        // Section 6.1: equal singular values (κ = 0) leave only the first plateau of a linear
        // network: one drop.
        JsonNode spectrum = panels.get(1).get("figures").get(1).get("rows");
        assertThat(spectrum.get(0).get(1).asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownFigureIsBadInput() {
        SimulateCommandTests.Result r = SimulateCommandTests.run("figure", "7", "--out",
                folder.toString());

        assertThat(r.status()).isEqualTo(2);
    }

    @Test
    void anUnknownPanelIsBadInput() {
        SimulateCommandTests.Result r = SimulateCommandTests.run("figure", "1", "--out",
                folder.toString(), "--panel", "softmax");

        assertThat(r.status()).isEqualTo(2);
    }
}
