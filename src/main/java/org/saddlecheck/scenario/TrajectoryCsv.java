package org.saddlecheck.scenario;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.dynamics.Trajectory;

/**
 * The run CSV: the loss curve of a run as two columns with the header {@value #HEADER}, one record
 * per line, numbers in round-trip precision ({@link Double#toString}), time in the units of the
 * paper (t = steps × η for discrete methods). Readable with
 * {@code numpy.loadtxt(path, delimiter=",", skiprows=1)}.
 */
public final class TrajectoryCsv {

    /** The header line. */
    public static final String HEADER = "time,loss";

    private TrajectoryCsv() {
    }

    /** The loss curve of {@code trajectory} as CSV text, ending with a newline. */
    public static String write(Trajectory trajectory) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (int k = 0; k < trajectory.size(); k++) {
            out.append(trajectory.time(k)).append(',').append(trajectory.loss(k)).append('\n');
        }
        return out.toString();
    }

    /**
     * Reads a run CSV.
     *
     * @throws InvalidInputException naming the file and line at fault
     */
    public static LossCurve read(Path file) {
        String name = "run CSV '" + file + "'";
        try {
            return parse(Files.readAllLines(file), name);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(name + " cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new InvalidInputException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses run CSV lines; {@code name} names the source in messages. */
    public static LossCurve parse(List<String> lines, String name) {
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new InvalidInputException(name + " must start with the header line '" + HEADER
                    + "'");
        }
        int records = 0;
        double[] times = new double[lines.size() - 1];
        double[] losses = new double[lines.size() - 1];
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            String where = name + " line " + (k + 1);
            if (fields.length != 2) {
                throw new InvalidInputException(where + " has " + fields.length
                        + " fields but the header has 2");
            }
            times[records] = number(fields[0], where + ", time");
            losses[records] = number(fields[1], where + ", loss");
            if (records > 0 && times[records] < times[records - 1]) {
                throw new InvalidInputException(where + ": time " + times[records]
                        + " comes before the previous record's " + times[records - 1]);
            }
            records++;
        }
        if (records == 0) {
            throw new InvalidInputException(name + " has no records after its header");
        }
        return new LossCurve(java.util.Arrays.copyOf(times, records),
                java.util.Arrays.copyOf(losses, records));
    }

    private static double number(String text, String where) {
        double x;
        try {
            x = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + " ('" + text + "') is not a number", e);
        }
        if (!Double.isFinite(x)) {
            throw new InvalidInputException(where + " (" + text + ") must be a finite number");
        }
        return x;
    }
}
