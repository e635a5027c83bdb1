package org.saddlecheck.claim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;

/**
 * Trials as JSON: the scenario format ({@code "format": "saddlecheck-scenario/1"}, then
 * {@code network}, {@code data}, {@code init} and {@code dynamics}, each with the fields of its
 * record) plus a {@code "parameters"} object of named numbers. Fields that are null are left out;
 * a part a trial does not use is null or absent. Numbers are written with round-trip precision, so
 * a trial read back is equal bit for bit to the one written.
 *
 * <p>Limitation: the scenario part is written here from the scenario records' field names; once
 * the scenario package has its own reader and writer, this class should delegate to it.
 */
public final class TrialJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final Set<String> KEYS =
            Set.of("format", "network", "data", "init", "dynamics", "parameters");

    private TrialJson() {
    }

    /** The trial as a JSON object. */
    public static ObjectNode toJson(Trial trial) {
        Scenario s = trial.scenario();
        ObjectNode o = Json.object();
        o.put("format", Scenario.FORMAT);
        putPart(o, "network", s.network());
        putPart(o, "data", s.data());
        putPart(o, "init", s.init());
        putPart(o, "dynamics", s.dynamics());
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
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source + " is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(source + " must hold one JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new InvalidInputException(source + ": unknown field '" + key + "'; a trial has "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        JsonNode format = root.get("format");
        if (format == null || !Scenario.FORMAT.equals(format.asText())) {
            throw new InvalidInputException(source + ": field 'format' must be \"" + Scenario.FORMAT
                    + "\" but is " + format);
        }
        Scenario scenario = new Scenario(
                part(root, "network", NetworkSpec.class, source),
                part(root, "data", DataSpec.class, source),
                part(root, "init", InitSpec.class, source),
                part(root, "dynamics", DynamicsSpec.class, source));
        Map<String, Double> parameters = new LinkedHashMap<>();
        JsonNode ps = root.get("parameters");
        if (ps != null && !ps.isNull()) {
            if (!ps.isObject()) {
                throw new InvalidInputException(source + ": field 'parameters' must be an object");
            }
            ps.properties().forEach(e -> parameters.put(e.getKey(),
                    Json.readNumber(e.getValue(), source + ": parameter '" + e.getKey() + "'")));
        }
        return new Trial(scenario, parameters);
    }

    private static void putPart(ObjectNode o, String name, Object part) {
        if (part != null) {
            o.set(name, MAPPER.valueToTree(part));
        }
    }

    private static <T> T part(JsonNode root, String name, Class<T> type, String source) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source + ": field '" + name + "' is not a valid "
                    + name + " description: " + e.getOriginalMessage());
        }
    }
}
