package org.saddlecheck.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.scenario.TrajectoryFile;
import org.saddlecheck.scenario.TrajectoryJson;

/**
 * Reads a run of another implementation: a CSV whose header names the columns ({@code step} or
 * {@code time}, {@code loss}, optionally {@code sv1, sv2, …} singular values of W = Σ_i v_i u_iᵀ and
 * {@code w1, w2, …} unit norms ‖θ_i‖), or a trajectory file ({@code saddlecheck-trajectory/1}).
 *
 * <p>Every problem is one {@link InvalidInputException} sentence naming the file and the line or
 * column. A loss that turns non-finite and stays so to the end is not an input error but a
 * diverged run: the finite records before it are kept and {@link RunData#divergedAt()} is set.
 */
public final class RunReader {
    private RunReader() {
    }

    /** Reads a CSV run, or a trajectory file when the name ends in {@code .json}. */
    public static RunData read(Path file) {
        if (file.getFileName() != null && file.getFileName().toString().endsWith(".json")) {
            return fromTrajectory(TrajectoryJson.read(file), file.toString());
        }
        String name = "run '" + file + "'";
        try {
            return parseCsv(Files.readAllLines(file), name);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name + " does not exist", e);
        } catch (IOException e) {
            throw new InvalidInputException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    static RunData fromTrajectory(TrajectoryFile t, String source) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        if (t.unitNorms() != null) {
            for (int i = 0; i < t.layout().width(); i++) {
                double[] col = new double[t.size()];
                for (int k = 0; k < t.size(); k++) {
                    col[k] = t.unitNorms()[k][i];
                }
                columns.put("w" + (i + 1), col);
            }
        }
        return new RunData(source, "time", t.times(), t.losses(), columns, Double.NaN,
                t.layout().width());
    }

    /** Parses CSV lines; {@code name} names the source in messages. */
    public static RunData parseCsv(List<String> lines, String name) {
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new InvalidInputException(name + " is empty; it needs a header line such as"
                    + " 'step,loss' or 'time,loss'");
        }
        String[] header = lines.get(0).strip().split(",", -1);
        int axis = -1;
        int loss = -1;
        for (int c = 0; c < header.length; c++) {
            String h = header[c].strip();
            header[c] = h;
            if (h.equals("step") || h.equals("time")) {
                if (axis >= 0) {
                    throw new InvalidInputException(name + " line 1 names both '" + header[axis]
                            + "' and '" + h + "'; give one time column");
                }
                axis = c;
            } else if (h.equals("loss")) {
                loss = c;
            } else if (!h.matches("(sv|w)[1-9][0-9]*")) {
                throw new InvalidInputException(name + " line 1: unknown column '" + h
                        + "'; expected step or time, loss, and optionally sv1, sv2, … or w1, w2, …");
            }
        }
        if (axis < 0) {
            throw new InvalidInputException(name + " line 1 has no 'step' or 'time' column");
        }
        if (loss < 0) {
            throw new InvalidInputException(name + " line 1 has no 'loss' column");
        }
        List<double[]> rows = new ArrayList<>();
        double divergedAt = Double.NaN;
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = name + " line " + (k + 1);
            String[] fields = line.split(",", -1);
            if (fields.length != header.length) {
                throw new InvalidInputException(where + " has " + fields.length
                        + " fields but the header has " + header.length);
            }
            double[] row = new double[header.length];
            for (int c = 0; c < header.length; c++) {
                row[c] = number(fields[c], where + ", column " + header[c]);
            }
            if (!Double.isFinite(row[axis])) {
                throw new InvalidInputException(where + ": " + header[axis] + " (" + fields[axis]
                        + ") must be a finite number");
            }
            if (!rows.isEmpty() && row[axis] <= rows.get(rows.size() - 1)[axis]) {
                throw new InvalidInputException(where + ": " + header[axis] + " " + fields[axis].strip()
                        + " does not come after the previous record's; time must increase");
            }
            if (!Double.isFinite(row[loss])) {
                if (Double.isNaN(divergedAt)) {
                    divergedAt = row[axis];
                }
                continue;
            }
            if (!Double.isNaN(divergedAt)) {
                throw new InvalidInputException(where + ": the loss is finite again after being"
                        + " non-finite at " + header[axis] + " " + divergedAt);
            }
            for (int c = 0; c < header.length; c++) {
                if (!Double.isFinite(row[c])) {
                    throw new InvalidInputException(where + ": " + header[c] + " (" + fields[c]
                            + ") must be a finite number");
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty() && Double.isNaN(divergedAt)) {
            throw new InvalidInputException(name + " has no records after its header");
        }
        return toData(name, header, axis, loss, rows, divergedAt);
    }

    private static RunData toData(String name, String[] header, int axis, int loss,
            List<double[]> rows, double divergedAt) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            if (c != axis && c != loss) {
                final int col = c;
                columns.put(header[c], rows.stream().mapToDouble(r -> r[col]).toArray());
            }
        }
        return new RunData(name, header[axis], rows.stream().mapToDouble(r -> r[axis]).toArray(),
                rows.stream().mapToDouble(r -> r[loss]).toArray(), columns, divergedAt, 0);
    }

    private static double number(String text, String where) {
        String t = text.strip();
        if (t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("-inf")
                || t.equalsIgnoreCase("infinity") || t.equalsIgnoreCase("-infinity")) {
            return t.equalsIgnoreCase("nan") ? Double.NaN
                    : t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + " ('" + text + "') is not a number", e);
        }
    }

    static double[] copy(double[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
