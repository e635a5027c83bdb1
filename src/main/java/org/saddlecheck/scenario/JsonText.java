package org.saddlecheck.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.saddlecheck.InvalidInputException;

/**
 * Reading and writing the JSON of the project's public formats. Reading is strict (duplicate keys
 * and trailing content are errors) and turns every failure into one {@link InvalidInputException}
 * sentence. Writing puts each object field on its own line and each array of numbers on one line
 * (an array of arrays gets one row per line), with numbers in round-trip precision (the shortest
 * decimal that reads back to the same double, as {@link Double#toString} gives).
 */
final class JsonText {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonText() {
    }

    /** Parses a whole file; {@code what} names it in messages ("scenario file 'a.json'"). */
    static JsonNode read(Path file, String what) {
        String name = what + " '" + file + "'";
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name + " is a folder, not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in.readAllBytes(), name);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(name + " cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new InvalidInputException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    static JsonNode parse(byte[] bytes, String name) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException(name + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String location = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw new InvalidInputException(name + " is not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + location, e);
        } catch (IOException e) {
            throw new InvalidInputException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The text of {@code root}, ending with a newline. */
    static String write(JsonNode root) {
        StringBuilder out = new StringBuilder();
        write(root, 0, out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject()) {
            writeObject(node, depth, out);
        } else if (node.isArray()) {
            writeArray(node, depth, out);
        } else {
            out.append(node.toString());
        }
    }

    private static void writeObject(JsonNode node, int depth, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            indent(depth + 1, out);
            out.append(MAPPER.getNodeFactory().textNode(field.getKey()).toString()).append(": ");
            write(field.getValue(), depth + 1, out);
            out.append(fields.hasNext() ? ",\n" : "\n");
        }
        indent(depth, out);
        out.append('}');
    }

    private static void writeArray(JsonNode node, int depth, StringBuilder out) {
        boolean nested = false;
        for (JsonNode element : node) {
            nested |= element.isContainerNode();
        }
        if (!nested) {
            out.append('[');
            for (int k = 0; k < node.size(); k++) {
                out.append(k == 0 ? "" : ", ").append(node.get(k).toString());
            }
            out.append(']');
            return;
        }
        out.append("[\n");
        for (int k = 0; k < node.size(); k++) {
            indent(depth + 1, out);
            write(node.get(k), depth + 1, out);
            out.append(k + 1 < node.size() ? ",\n" : "\n");
        }
        indent(depth, out);
        out.append(']');
    }

    private static void indent(int depth, StringBuilder out) {
        for (int k = 0; k < depth; k++) {
            out.append("  ");
        }
    }
}
