package org.saddlecheck.claim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.saddlecheck.scenario.AtomicFile;

/**
 * The JSON conventions of the files this package writes: numbers with round-trip precision,
 * non-finite numbers as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, and
 * files replaced atomically (written beside the target, then moved over it).
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A number node, or the string naming a non-finite value. */
    static JsonNode number(double x) {
        if (Double.isFinite(x)) {
            return NODES.numberNode(x);
        }
        return NODES.textNode(Double.isNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
    }

    /** A number node, or null for NaN (a quantity that does not apply). */
    static JsonNode numberOrNull(double x) {
        return Double.isNaN(x) ? NODES.nullNode() : number(x);
    }

    static ArrayNode numbers(double[] xs) {
        ArrayNode out = array();
        for (double x : xs) {
            out.add(number(x));
        }
        return out;
    }

    /** Reads a number written by {@link #number}, or null; anything else is an error. */
    static double readNumber(JsonNode node, String role) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new org.saddlecheck.InvalidInputException(role + " (" + node + ") must be a number");
    }

    /** The compact one-line text of {@code node}. */
    static String compact(JsonNode node) {
        try {
            return new ObjectMapper().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code node} to {@code file}, creating its folder; readers never see a half file. */
    static void writeAtomically(JsonNode node, Path file) throws IOException {
        AtomicFile.writeCreatingFolder(file, MAPPER.writeValueAsString(node) + "\n");
    }
}
