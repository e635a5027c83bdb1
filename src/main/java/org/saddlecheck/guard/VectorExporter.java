package org.saddlecheck.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.scenario.AtomicFile;
import org.saddlecheck.scenario.ParameterLayout;
import org.saddlecheck.scenario.ResolvedScenario;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioJson;
import org.saddlecheck.scenario.ScenarioResolver;

/**
 * Writes one conformance vector per case: a folder with {@code scenario.json} (explicit data and
 * θ(0)), {@code expected.json} (format {@value #FORMAT}), and CSV copies {@code X.csv},
 * {@code Y.csv}, {@code theta0.csv} (one unit per row, u_i then v_i) and {@code expected-loss.csv}
 * (the golden losses at the checkpoints) that {@code numpy.loadtxt} reads. Numbers are written in
 * round-trip precision.
 */
public final class VectorExporter {
    /** The format name of expected.json. */
    public static final String FORMAT = "saddlecheck-conformance/1";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private VectorExporter() {
    }

    /** Exports {@code c} into {@code root/c.name()}, returning its expectation. */
    public static Expectation export(VectorCase c, Path root) {
        ResolvedScenario resolved = ScenarioResolver.resolve(c.scenario());
        Expectation e = Golden.compute(resolved, c.learningRate(), true, c.oracle());
        Path dir = root.resolve(c.name());
        try {
            Files.createDirectories(dir);
        } catch (IOException ex) {
            throw new InvalidInputException("output folder '" + dir + "' cannot be created: "
                    + ex.getMessage(), ex);
        }
        Scenario explicit = resolved.resolvedToExplicit();
        ParameterLayout layout = ParameterLayout.of(resolved.network());
        AtomicFile.write(dir.resolve("scenario.json"), ScenarioJson.write(explicit));
        AtomicFile.write(dir.resolve("expected.json"), json(c, e, layout));
        AtomicFile.write(dir.resolve("X.csv"), csv(resolved.data().X()));
        AtomicFile.write(dir.resolve("Y.csv"), csv(resolved.data().Y()));
        double[] theta = resolved.theta0();
        DMatrixRMaj units = new DMatrixRMaj(layout.width(), layout.unitSize());
        units.setData(theta);
        AtomicFile.write(dir.resolve("theta0.csv"), csv(units));
        AtomicFile.write(dir.resolve("expected-loss.csv"), lossCsv(e));
        return e;
    }

    static String csv(DMatrixRMaj A) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < A.numRows; r++) {
            for (int col = 0; col < A.numCols; col++) {
                out.append(col == 0 ? "" : ",").append(A.get(r, col));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String lossCsv(Expectation e) {
        StringBuilder out = new StringBuilder("time,flow,gd\n");
        double[] t = e.checkpointTimes();
        for (int k = 0; k < t.length; k++) {
            double gd = k < e.gdCheckpointLoss().length ? e.gdCheckpointLoss()[k] : Double.NaN;
            out.append(t[k]).append(',').append(e.flowCheckpointLoss()[k]).append(',').append(gd)
                    .append('\n');
        }
        return out.toString();
    }

    static String json(VectorCase c, Expectation e, ParameterLayout layout) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("case", c.name());
        root.put("description", c.description());
        root.put("initialLoss", e.initialLoss());
        ObjectNode lay = root.putObject("layout");
        lay.put("network", layout.network());
        lay.put("width", layout.width());
        lay.put("uSize", layout.uSize());
        lay.put("vSize", layout.vSize());
        layout.u().forEach(lay.putArray("u")::add);
        layout.v().forEach(lay.putArray("v")::add);

        ObjectNode flow = root.putObject("flow");
        numbers(flow.putArray("dropTimes"), e.flowDropTimes());
        ObjectNode gd = root.putObject("gd");
        gd.put("learningRate", e.learningRate());
        numbers(gd.putArray("dropTimes"), e.gdDropTimes());
        numbers(gd.putArray("halfStepDropTimes"), e.halfStepDropTimes());
        ArrayNode shifts = gd.putArray("measuredShiftPerLearningRate");
        for (int k = 0; k < e.gdDropTimes().length; k++) {
            number(shifts, e.measuredShift(k));
        }
        numbers(gd.putArray("plateauLevels"), e.reference().levels());
        int[] widths = e.widths();
        ArrayNode w = root.putArray("effectiveWidthPerPlateau");
        for (int x : widths) {
            w.add(x);
        }
        ObjectNode cp = root.putObject("checkpoints");
        numbers(cp.putArray("times"), e.checkpointTimes());
        numbers(cp.putArray("flowLoss"), e.flowCheckpointLoss());
        numbers(cp.putArray("gdLoss"), e.gdCheckpointLoss());
        e.theory().ifPresent(p -> {
            ObjectNode th = root.putObject("theory");
            th.put("initialLevel", p.initialLevel());
            ArrayNode drops = th.putArray("drops");
            for (LinearTheory.Drop d : p.drops()) {
                ObjectNode o = drops.addObject();
                numbers(o.putArray("singularValues"), d.singularValues());
                if (Double.isFinite(d.time())) {
                    o.put("time", d.time());
                    o.put("derivedShiftPerLearningRate", d.shiftPerLearningRate());
                }
                o.put("levelAfter", d.levelAfter());
            }
        });
        if (Double.isFinite(e.oracleDeviation())) {
            root.putObject("oracle").put("maxRelativeLossDeviation", e.oracleDeviation());
        }
        ObjectNode tol = root.putObject("tolerances");
        tol.put("initialLossRelative", Tolerances.INITIAL_LOSS);
        tol.put("dropTimeRelative", Tolerances.DROP_TIME);
        tol.put("plateauLevelRelative", Tolerances.PLATEAU_LEVEL);
        tol.put("levelFloorOfInitialLoss", Tolerances.LEVEL_FLOOR);
        tol.put("theoryDropTimeTimesS", Tolerances.THEORY_DROP_TIME_PER_INVERSE_S);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException ex) {
            throw new IllegalStateException("expected.json could not be written", ex);
        }
    }

    private static void numbers(ArrayNode a, double[] xs) {
        for (double x : xs) {
            number(a, x);
        }
    }

    /** NaN (not defined) is written as null: JSON has no NaN. */
    private static void number(ArrayNode a, double x) {
        if (Double.isFinite(x)) {
            a.add(x);
        } else {
            a.addNull();
        }
    }
}
