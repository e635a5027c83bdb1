package org.saddlecheck.report.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A smallest known try on which a claim failed, after shrinking.
 *
 * @param trial the scenario of the try as JSON, with a {@code parameters} object of the named
 *     numbers the generator drew; treat it as read-only
 * @param measured the measured quantity
 * @param predicted the predicted quantity
 * @param tolerance the tolerance the difference exceeded
 * @param description one paragraph saying in words what failed (markdown)
 * @param shrinkSteps how many shrinking steps led from the first failing try to this one
 * @param replay the command that runs this counterexample again
 */
public record Counterexample(JsonNode trial, double measured, double predicted, double tolerance,
        String description, int shrinkSteps, String replay) {

    public Counterexample {
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(replay, "replay");
    }

    /**
     * The trial's named parameters, in the order written; numbers the file wrote as strings
     * ("NaN", "Infinity") come back as doubles, anything else is left out.
     */
    public Map<String, Double> parameters() {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonNode parameters = trial.path("parameters");
        parameters.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                out.put(e.getKey(), v.doubleValue());
            } else if (v.isTextual() && JsonNumbers.isNonFinite(v.textValue())) {
                out.put(e.getKey(), JsonNumbers.nonFinite(v.textValue()));
            }
        });
        return out;
    }
}
