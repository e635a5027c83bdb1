package org.saddlecheck.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.saddlecheck.InvalidInputException;

/**
 * Strict reading of one JSON object of a public file format: every accessor names the field by its
 * full path ("network.width") in its error message, and {@link #finish} rejects every field that no
 * accessor asked for. Non-finite numbers (the strings "NaN", "Infinity", "-Infinity", or the bare
 * tokens some writers emit) are recognised only to be rejected by name.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final Set<String> known;
    private final Set<String> read = new LinkedHashSet<>();

    private JsonFields(JsonNode node, String path, Set<String> known) {
        this.node = node;
        this.path = path;
        this.known = known;
    }

    /**
     * The fields of {@code node}, which must be a JSON object.
     *
     * @param path the object's path, "" at the root
     * @param known every field name this object may have, whatever the kind
     */
    static JsonFields of(JsonNode node, String path, Set<String> known) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException((path.isEmpty() ? "the file" : path)
                    + " must be a JSON object, not " + describe(node));
        }
        return new JsonFields(node, path, known);
    }

    /** The full path of a field of this object. */
    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    private JsonNode required(String name) {
        read.add(name);
        if (!has(name)) {
            // A misspelt field is the likely cause; name it first.
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String other = names.next();
                if (!known.contains(other)) {
                    throw new InvalidInputException("unknown field " + path(other) + " (and "
                            + path(name) + " is missing)");
                }
            }
            throw new InvalidInputException("missing required field " + path(name));
        }
        return node.get(name);
    }

    /** The raw value of a required field, for structures the accessors do not cover. */
    JsonNode node(String name) {
        return required(name);
    }

    JsonFields object(String name, Set<String> fields) {
        return of(required(name), path(name), fields);
    }

    String string(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw new InvalidInputException(path(name) + " must be a string, not " + describe(value));
        }
        return value.asText();
    }

    boolean bool(String name, boolean fallback) {
        read.add(name);
        if (!has(name)) {
            return fallback;
        }
        JsonNode value = node.get(name);
        if (!value.isBoolean()) {
            throw new InvalidInputException(path(name) + " must be true or false, not "
                    + describe(value));
        }
        return value.asBoolean();
    }

    double number(String name) {
        return number(required(name), path(name));
    }

    double number(String name, double fallback) {
        read.add(name);
        return has(name) ? number(node.get(name), path(name)) : fallback;
    }

    long integer(String name) {
        return integer(required(name), path(name));
    }

    long integer(String name, long fallback) {
        read.add(name);
        return has(name) ? integer(node.get(name), path(name)) : fallback;
    }

    /** A JSON integer that fits in an int (sign is checked later, with the other sizes). */
    int size(String name) {
        long value = integer(name);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new InvalidInputException(path(name) + " (" + value + ") is too large");
        }
        return (int) value;
    }

    int size(String name, int fallback) {
        return has(name) ? size(name) : markRead(name, fallback);
    }

    private int markRead(String name, int fallback) {
        read.add(name);
        return fallback;
    }

    double[] numbers(String name) {
        return numbers(required(name), path(name));
    }

    double[] numbers(String name, double[] fallback) {
        read.add(name);
        return has(name) ? numbers(node.get(name), path(name)) : fallback;
    }

    /** An array of arrays of numbers; raggedness is checked later, against the network. */
    double[][] rows(String name) {
        JsonNode value = required(name);
        String where = path(name);
        requireArray(value, where);
        double[][] rows = new double[value.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = numbers(value.get(r), where + "[" + r + "]");
        }
        return rows;
    }

    /**
     * Rejects every field that was not read, naming the first in document order. A known field
     * that the chosen kind does not read is named as not applying to {@code kindDescription}.
     *
     * @param kindDescription for example "network kind 'linear'"
     */
    void finish(String kindDescription) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (read.contains(name)) {
                continue;
            }
            if (known.contains(name)) {
                throw new InvalidInputException("field " + path(name) + " does not apply to "
                        + kindDescription);
            }
            throw new InvalidInputException("unknown field " + path(name));
        }
    }

    /** The names that were read, in order. */
    List<String> readNames() {
        return new ArrayList<>(read);
    }

    static double number(JsonNode value, String where) {
        if (isNonFinite(value)) {
            throw new InvalidInputException(where + " (" + value.asText()
                    + ") must be a finite number");
        }
        if (!value.isNumber()) {
            throw new InvalidInputException(where + " must be a number, not " + describe(value));
        }
        double x = value.asDouble();
        if (!Double.isFinite(x)) {
            throw new InvalidInputException(where + " (" + x + ") must be a finite number");
        }
        return x;
    }

    static long integer(JsonNode value, String where) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        double x = value.isNumber() || isNonFinite(value) ? number(value, where) : Double.NaN;
        if (x != Math.rint(x) || Math.abs(x) >= 0x1p63) {
            throw new InvalidInputException(where + " must be an integer, not " + describe(value));
        }
        return (long) x;
    }

    /** The strings that stand for non-finite numbers in JSON written by other tools. */
    private static boolean isNonFinite(JsonNode value) {
        String text = value.isTextual() ? value.asText() : "";
        return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")
                || text.equals("+Infinity");
    }

    static double[] numbers(JsonNode value, String where) {
        requireArray(value, where);
        double[] xs = new double[value.size()];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = number(value.get(k), where + "[" + k + "]");
        }
        return xs;
    }

    private static void requireArray(JsonNode value, String where) {
        if (!value.isArray()) {
            throw new InvalidInputException(where + " must be an array, not " + describe(value));
        }
    }

    /** A few words on what a node is, for messages: "the string \"five\"", "an array". */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            String text = value.asText();
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        if (value.isBoolean()) {
            return "the boolean " + value.asBoolean();
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        return value.isArray() ? "an array" : "an object";
    }
}
