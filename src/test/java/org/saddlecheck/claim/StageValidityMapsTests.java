package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageValidityMapsTests {

    @Test
    void theDefaultMapsHoldEverywhereInsideTheirRegime() {
        List<ValidityMap> maps = StageValidityMaps.maps(false);
        assertThat(maps).extracting(ValidityMap::claim)
                .containsExactly("theorem4.half-learning-time", "theorem4.stage-order");
        for (ValidityMap m : maps) {
            for (int j = 0; j < m.y().length; j++) {
                for (int i = 0; i < m.x().length; i++) {
                    boolean inside = m.x()[i] >= m.regime()[0] && m.x()[i] <= m.regime()[1]
                            && m.y()[j] >= m.regime()[2] && m.y()[j] <= m.regime()[3];
                    // The order claim also needs its separation rule (same s_1 = 1.5, H = 8).
                    boolean separated = !m.claim().equals("theorem4.stage-order")
                            || LinearStageClaims.unseparated(new double[] {1.5, 1.5 * m.x()[i]}, 8,
                                    m.y()[j]) == null;
                    if (inside && separated) {
                        assertThat(m.held()[j][i]).as("%s at (%s, %s)", m.claim(), m.x()[i],
                                m.y()[j]).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void aMapIsWrittenInTheResultsFormat() {
        ValidityMap m = new ValidityMap("c", "t", "x", "y", false, true, new double[] {1, 2},
                new double[] {0.1}, new boolean[][] {{true, false}},
                new double[][] {{0.5, Double.NaN}}, new double[] {0, 1, 0, 1});
        ObjectNode o = m.toJson();
        assertThat(o.get("yScale").asText()).isEqualTo("log");
        assertThat(o.get("held").get(0).get(1).asBoolean()).isFalse();
        assertThat(o.get("value").get(0).get(1).isNull()).isTrue();
        assertThat(o.get("regime").get("xMax").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aRunWithoutTheLinearClaimsWritesNoMaps() {
        assertThat(ValidityMaps.of(ManifoldGradientClaims.claims(), false)).isEmpty();
    }

    @Test
    void aRunOfTheLinearClaimsWritesTheirMapsAndTheReportReadsThem() {
        // One try per claim (seed 1, arbitrary): the run's maps do not depend on the tries.
        Verification.Options options = new Verification.Options(1, false, 1, 1, 1, 1,
                List.of("theorem4.half-learning-time", "theorem4.stage-order"), "verify");
        RunResults results = Verification.run(Catalogue.claims(), SpecLibrary.load(), options,
                Verification.Listener.NONE);
        ObjectNode o = ResultsJson.toJson(results, java.nio.file.Paths.get("out"));
        assertThat(o.get("maps")).hasSize(2);
        org.saddlecheck.report.results.Results read = org.saddlecheck.report.results.ResultsJson
                .parse(o.toString(), "results.json");
        assertThat(read.maps()).hasSize(2);
        assertThat(read.maps().get(0).claim()).isEqualTo("theorem4.half-learning-time");
    }
}
