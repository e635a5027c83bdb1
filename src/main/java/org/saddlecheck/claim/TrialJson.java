package org.saddlecheck.claim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioJson;

/**
 * Trials as JSON: the scenario format ({@code "format": "saddlecheck-scenario/1"}, then
 * {@code network}, {@code data}, {@code init} and {@code dynamics}, each with the fields of its
 * record) plus a {@code "parameters"} object of named numbers. Fields that are null are left out;
 * a part a trial does not use is null or absent. Numbers are written with round-trip precision, so
 * a trial read back is equal bit for bit to the one written.
 *
 * <p>The scenario part is exactly the scenario format, read and written by {@link ScenarioJson};
 * a trial file without its {@code parameters} object is a scenario file.
 */
public final class TrialJson {

    private TrialJson() {
    }

    /** The trial as a JSON object: the scenario's fields, then {@code parameters}. */
    public static ObjectNode toJson(Trial trial) {
        ObjectNode o = ScenarioJson.toTree(trial.scenario());
        ObjectNode parameters = o.putObject("parameters");
        trial.parameters().forEach((name, value) -> parameters.set(name, Json.number(value)));
        return o;
    }

    /** The trial as compact one-line JSON. */
    public static String compact(Trial trial) {
        return Json.compact(toJson(trial));
    }

    /** Writes the trial to {@code file}, indented, replacing it atomically. */
    public static void write(Trial trial, Path file) throws IOException {
        Json.writeAtomically(toJson(trial), file);
    }

    /**
     * Reads a trial file.
     *
     * @throws InvalidInputException if it cannot be read or is not a trial, naming the field
     */
    public static Trial read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("the trial file " + file + " cannot be read: "
                    + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses a trial from JSON text.
     *
     * @param source the file name (or another name) for messages
     * @throws InvalidInputException if the text is not a trial, naming the field
     */
    public static Trial parse(String text, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source + " is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(source + " must hold one JSON object");
        }
        ObjectNode scenarioPart = ((ObjectNode) root).deepCopy();
        JsonNode ps = scenarioPart.remove("parameters");
        Scenario scenario;
        try {
            scenario = ScenarioJson.fromTree(scenarioPart);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(source + ": " + e.getMessage(), e);
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        if (ps != null && !ps.isNull()) {
            if (!ps.isObject()) {
                throw new InvalidInputException(source + ": field 'parameters' must be an object");
            }
            ps.properties().forEach(e -> parameters.put(e.getKey(),
                    Json.readNumber(e.getValue(), source + ": parameter '" + e.getKey() + "'")));
        }
        return new Trial(scenario, parameters);
    }
}
