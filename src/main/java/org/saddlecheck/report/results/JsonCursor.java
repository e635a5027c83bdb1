package org.saddlecheck.report.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.saddlecheck.InvalidInputException;

/**
 * A position in a JSON document being read: the file's name, the path to here (such as
 * {@code claims["theorem3.zero-unit"].status}) and the node. Every accessor either returns a value
 * of the asked type or throws an {@link InvalidInputException} whose one sentence names the file,
 * the field and what was wrong.
 */
final class JsonCursor {
    private final String file;
    private final String path;
    private final JsonNode node;

    JsonCursor(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    JsonNode node() {
        return node;
    }

    String path() {
        return path;
    }

    /** This object, requiring it to have no fields but the known ones. */
    JsonCursor onlyFields(String... known) {
        requireObject();
        Set<String> allowed = new LinkedHashSet<>(Arrays.asList(known));
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw fail("field " + child(name) + " is not part of the format "
                        + Results.FORMAT + " (the known fields here are "
                        + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    /** A child cursor for a field that must be present (it may be JSON null). */
    JsonCursor field(String name) {
        requireObject();
        JsonNode child = node.get(name);
        if (child == null) {
            throw fail("field " + child(name) + " is missing");
        }
        return new JsonCursor(file, child(name), child);
    }

    /** Whether a field is absent or JSON null. */
    boolean isAbsent(String name) {
        requireObject();
        JsonNode child = node.get(name);
        return child == null || child.isNull();
    }

    /** The same node seen under another path, such as one naming a claim by its id. */
    JsonCursor relabel(String newPath) {
        return new JsonCursor(file, newPath, node);
    }

    String text(String name) {
        return field(name).asText("a string");
    }

    String optionalText(String name) {
        return isAbsent(name) ? null : text(name);
    }

    String textOr(String name, String fallback) {
        return isAbsent(name) ? fallback : text(name);
    }

    boolean bool(String name) {
        JsonCursor c = field(name);
        if (!c.node.isBoolean()) {
            throw c.wrongType("true or false");
        }
        return c.node.booleanValue();
    }

    double number(String name) {
        return field(name).asNumber();
    }

    Double optionalNumber(String name) {
        return isAbsent(name) ? null : number(name);
    }

    long wholeNumber(String name) {
        return field(name).asWholeNumber(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    int integer(String name) {
        return (int) field(name).asWholeNumber(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    Integer optionalInteger(String name) {
        return isAbsent(name) ? null : integer(name);
    }

    JsonCursor object(String name) {
        return field(name).requireObject();
    }

    /** The elements of an array field, each as a cursor with its index in the path. */
    List<JsonCursor> array(String name) {
        return field(name).elements();
    }

    List<JsonCursor> elements() {
        if (!node.isArray()) {
            throw wrongType("an array");
        }
        List<JsonCursor> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonCursor(file, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    List<Double> numbers(String name) {
        return field(name).elements().stream().map(JsonCursor::asNumber).toList();
    }

    List<String> texts(String name) {
        return field(name).elements().stream().map(c -> c.asText("a string")).toList();
    }

    /** An enum constant spelled in lower case in the file. */
    <E extends Enum<E>> E choice(String name, Class<E> type) {
        JsonCursor c = field(name);
        String word = c.asText("a string");
        List<String> words = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String spelled = e.name().toLowerCase(Locale.ROOT);
            words.add(spelled);
            if (spelled.equals(word)) {
                return e;
            }
        }
        throw c.fail("field " + c.path + " is \"" + word + "\" but must be one of "
                + String.join(", ", words));
    }

    /** Runs a value constructor, prefixing any rule it reports with the file and this path. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (FieldException e) {
            throw e;
        } catch (InvalidInputException e) {
            throw fail("at " + (path.isEmpty() ? "the top level" : path) + ": " + e.getMessage());
        }
    }

    /** Reads each element of an array field with the given reader. */
    <T> List<T> list(String name, Function<JsonCursor, T> reader) {
        return array(name).stream().map(reader).toList();
    }

    String asText(String what) {
        if (!node.isTextual()) {
            throw wrongType(what);
        }
        return node.textValue();
    }

    double asNumber() {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual() && JsonNumbers.isNonFinite(node.textValue())) {
            return JsonNumbers.nonFinite(node.textValue());
        }
        throw wrongType("a number (or one of the strings \"NaN\", \"Infinity\", \"-Infinity\")");
    }

    long asWholeNumber(long min, long max) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long v = node.longValue();
            if (v >= min && v <= max) {
                return v;
            }
        } else if (node.isNumber()) {
            double v = node.doubleValue();
            if (v == Math.rint(v) && v >= min && v <= max) {
                return (long) v;
            }
        }
        throw wrongType("a whole number between " + min + " and " + max);
    }

    InvalidInputException fail(String sentence) {
        return new FieldException(file + ": " + sentence);
    }

    private JsonCursor requireObject() {
        if (!node.isObject()) {
            throw wrongType("an object");
        }
        return this;
    }

    private InvalidInputException wrongType(String what) {
        String where = path.isEmpty() ? "the top level" : "field " + path;
        return fail(where + " must be " + what + ", not " + describe(node));
    }

    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String describe(JsonNode n) {
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            String t = n.textValue();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (n.isNumber()) {
            return "the number " + n.asText();
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        return n.isArray() ? "an array" : "an object";
    }

    /** An error already naming the file and the field, passed through {@link #build} unchanged. */
    private static final class FieldException extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        FieldException(String message) {
            super(message);
        }
    }
}
