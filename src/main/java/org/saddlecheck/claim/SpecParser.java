package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.saddlecheck.InvalidInputException;

/**
 * Reads a spec file. The format, strict so that a typo cannot silently drop a section:
 * <pre>
 *   ---
 *   id: theorem3.zero-unit-gradient
 *   title: A zero unit receives zero gradient
 *   section: 4
 *   source: Theorem 3 (ii)
 *   kind: exact
 *   tags: fast
 *   test: org.saddlecheck.claim.ManifoldGradientClaims
 *   tries: 200            (optional, default 100)
 *   deep-tries: 5000      (optional, default 1000)
 *   ---
 *
 *   ## Statement
 *   ...
 *   ## Assumptions
 *   ...
 *   ## Tolerance
 *   ...
 *   ## Test
 *   ...
 * </pre>
 * The header is a block of {@code key: value} lines between two {@code ---} lines (Markdown
 * viewers show it as a table). Every key above except the budget is required, none may repeat,
 * and no other key is allowed. The body has exactly the four level-two headings, in this order,
 * each followed by some text; deeper headings may appear inside a section. Every error names the
 * file and the line.
 */
public final class SpecParser {

    private static final List<String> REQUIRED =
            List.of("id", "title", "section", "source", "kind", "tags", "test");
    private static final List<String> OPTIONAL = List.of("tries", "deep-tries");
    private static final List<String> SECTIONS =
            List.of("Statement", "Assumptions", "Tolerance", "Test");

    private final String file;

    private SpecParser(String file) {
        this.file = file;
    }

    /**
     * Parses the text of a spec file.
     *
     * @param file the file's name as it should appear in messages, e.g.
     *     {@code theory-specs/theorem3.zero-unit-gradient.md}
     * @param text the file's contents
     * @param expectedId the id the file name implies, or null to skip that check
     * @throws InvalidInputException naming the file and line of the first error
     */
    public static Spec parse(String file, String text, String expectedId) {
        return new SpecParser(file).read(text, expectedId);
    }

    private Spec read(String text, String expectedId) {
        List<String> lines = Arrays.asList(text.replace("\r\n", "\n").split("\n", -1));
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            throw error(1, "the file must start with a '---' line opening the header");
        }
        Map<String, String> header = new LinkedHashMap<>();
        int line = 1;
        while (true) {
            if (line >= lines.size()) {
                throw error(line, "the header opened on line 1 is never closed by a '---' line");
            }
            String raw = lines.get(line);
            line++;
            if (raw.strip().equals("---")) {
                break;
            }
            if (raw.isBlank()) {
                continue;
            }
            int colon = raw.indexOf(':');
            if (colon <= 0) {
                throw error(line, "a header line must read 'key: value', not '" + raw.strip() + "'");
            }
            String key = raw.substring(0, colon).strip();
            String value = raw.substring(colon + 1).strip();
            if (!REQUIRED.contains(key) && !OPTIONAL.contains(key)) {
                throw error(line, "unknown header key '" + key + "'; the keys are "
                        + String.join(", ", REQUIRED) + " and optionally "
                        + String.join(", ", OPTIONAL));
            }
            if (header.containsKey(key)) {
                throw error(line, "header key '" + key + "' is given twice");
            }
            if (value.isEmpty()) {
                throw error(line, "header key '" + key + "' has no value");
            }
            header.put(key, value);
        }
        int headerEnd = line;
        for (String key : REQUIRED) {
            if (!header.containsKey(key)) {
                throw error(headerEnd, "the header has no '" + key + "'");
            }
        }
        String id = header.get("id");
        if (expectedId != null && !id.equals(expectedId)) {
            throw error(lineOf(lines, "id"), "the id '" + id + "' differs from the file name, which"
                    + " implies '" + expectedId + "'");
        }
        Spec.Kind kind = kind(header.get("kind"), lineOf(lines, "kind"));
        List<String> tags = tags(header.get("tags"), lineOf(lines, "tags"));
        int tries = count(header, "tries", Spec.DEFAULT_TRIES, lines);
        int deepTries = count(header, "deep-tries", Spec.DEFAULT_DEEP_TRIES, lines);
        String[] sections = sections(lines, headerEnd);
        return new Spec(id, header.get("title"), header.get("section"), header.get("source"), kind,
                tags, header.get("test"), tries, deepTries, sections[0], sections[1], sections[2],
                sections[3], file);
    }

    /** The text of the four sections, in order; checks their headings. */
    private String[] sections(List<String> lines, int from) {
        String[] texts = new String[SECTIONS.size()];
        int current = -1;
        int headingLine = 0;
        StringBuilder body = new StringBuilder();
        for (int i = from; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.startsWith("## ") || raw.equals("##")) {
                close(texts, current, body, headingLine);
                String name = raw.substring(2).strip();
                int expected = current + 1;
                if (expected >= SECTIONS.size() || !name.equals(SECTIONS.get(expected))) {
                    throw error(i + 1, "found section '" + name + "' where "
                            + (expected < SECTIONS.size() ? "'" + SECTIONS.get(expected) + "'"
                                    : "the end of the file")
                            + " is expected; the sections are " + String.join(", ", SECTIONS)
                            + ", in this order");
                }
                current = expected;
                headingLine = i + 1;
                body.setLength(0);
            } else if (raw.startsWith("# ")) {
                throw error(i + 1, "a level-one heading is not allowed; the title is in the"
                        + " header");
            } else if (current < 0 && !raw.isBlank()) {
                throw error(i + 1, "text before the first section; start with '## Statement'");
            } else {
                body.append(raw).append('\n');
            }
        }
        close(texts, current, body, headingLine);
        if (current < SECTIONS.size() - 1) {
            throw error(lines.size(), "section '" + SECTIONS.get(current + 1) + "' is missing");
        }
        return texts;
    }

    private void close(String[] texts, int current, StringBuilder body, int headingLine) {
        if (current < 0) {
            return;
        }
        String text = body.toString().strip();
        if (text.isEmpty()) {
            throw error(headingLine, "section '" + SECTIONS.get(current) + "' is empty");
        }
        texts[current] = text;
    }

    private Spec.Kind kind(String value, int line) {
        for (Spec.Kind k : Spec.Kind.values()) {
            if (k.json().equals(value)) {
                return k;
            }
        }
        throw error(line, "kind '" + value + "' is not one of exact, asymptotic, statistical,"
                + " evidence");
    }

    private List<String> tags(String value, int line) {
        List<String> tags = new ArrayList<>();
        for (String t : value.split(",")) {
            String tag = t.strip();
            if (!tag.matches("[a-z][a-z0-9-]*")) {
                throw error(line, "tag '" + tag + "' must be a lower-case word");
            }
            tags.add(tag);
        }
        if (tags.contains("fast") == tags.contains("deep")) {
            throw error(line, "the tags must include exactly one of 'fast' and 'deep'");
        }
        return tags;
    }

    private int count(Map<String, String> header, String key, int fallback, List<String> lines) {
        String value = header.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(lineOf(lines, key), key + " (" + value + ") must be a positive whole number");
    }

    private static int lineOf(List<String> lines, String key) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 1;
    }

    private InvalidInputException error(int line, String sentence) {
        return new InvalidInputException(file + " line " + line + ": " + sentence);
    }
}
