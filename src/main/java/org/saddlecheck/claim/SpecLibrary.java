package org.saddlecheck.claim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.saddlecheck.InvalidInputException;

/**
 * The specs of all claims, read from the folder {@code theory-specs/} at the root of the
 * repository.
 *
 * <p>The folder is found, in this order: the system property {@code saddlecheck.specs}; a folder
 * named {@code theory-specs} in the working directory or one of its parents; the same beside the
 * jar or class folder this code was loaded from, or one of their parents. A spec missing there is
 * looked up on the class path as {@code /theory-specs/<id>.md}, so a jar that bundles the folder
 * works anywhere.
 *
 * <p>Limitation: a jar copied away from the repository without the specs bundled finds no specs;
 * every claim then reports an error saying so.
 */
public final class SpecLibrary {

    /** The system property naming the specs folder explicitly. */
    public static final String PROPERTY = "saddlecheck.specs";

    private static final String FOLDER = "theory-specs";

    private final Path folder;
    private final Map<String, Spec> specs;

    private SpecLibrary(Path folder, Map<String, Spec> specs) {
        this.folder = folder;
        this.specs = specs;
    }

    /**
     * Reads every spec of the folder found as described above.
     *
     * @throws InvalidInputException if a spec is malformed (naming its file and line)
     */
    public static SpecLibrary load() {
        return load(locate());
    }

    /**
     * Reads every {@code *.md} file of {@code folder} (which may be null: then only the class
     * path is searched, one id at a time).
     *
     * @throws InvalidInputException if a spec is malformed (naming its file and line)
     */
    public static SpecLibrary load(Path folder) {
        Map<String, Spec> specs = new LinkedHashMap<>();
        if (folder != null) {
            for (Path file : files(folder)) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - ".md".length());
                specs.put(id, SpecParser.parse(FOLDER + "/" + name, read(file), id));
            }
        }
        return new SpecLibrary(folder, specs);
    }

    /** The folder read, or null when none was found. */
    public Path folder() {
        return folder;
    }

    /** Every spec read from the folder, by id, in file-name order. */
    public Map<String, Spec> all() {
        return java.util.Collections.unmodifiableMap(specs);
    }

    /**
     * The spec of {@code id}.
     *
     * @throws InvalidInputException if there is none, or it is malformed
     */
    public Spec get(String id) {
        Spec spec = specs.get(id);
        if (spec != null) {
            return spec;
        }
        String resource = "/" + FOLDER + "/" + id + ".md";
        try (InputStream in = SpecLibrary.class.getResourceAsStream(resource)) {
            if (in != null) {
                return SpecParser.parse(FOLDER + "/" + id + ".md",
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new InvalidInputException("claim " + id + " has no spec: " + FOLDER + "/" + id
                + ".md was not found" + (folder == null ? " (no " + FOLDER + " folder was found;"
                        + " set -D" + PROPERTY + "=FOLDER)" : " in " + folder));
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            List<Path> out = new ArrayList<>(listing
                    .filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted().toList());
            return out;
        } catch (IOException e) {
            throw new InvalidInputException("the specs folder " + folder + " cannot be read", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("the spec " + file + " cannot be read", e);
        }
    }

    /** The specs folder, or null when none is found. */
    static Path locate() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            Path p = Paths.get(property);
            if (!Files.isDirectory(p)) {
                throw new InvalidInputException(PROPERTY + " (" + property + ") is not a folder");
            }
            return p;
        }
        Path found = upwards(Paths.get("").toAbsolutePath());
        if (found == null) {
            found = upwards(codeLocation());
        }
        return found;
    }

    private static Path upwards(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve(FOLDER);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path codeLocation() {
        try {
            return Paths.get(SpecLibrary.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
