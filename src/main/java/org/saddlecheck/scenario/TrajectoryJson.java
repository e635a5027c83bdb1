package org.saddlecheck.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;
import org.saddlecheck.dynamics.Trajectory;

/**
 * Reads and writes trajectory files, format {@value #FORMAT} (documented field by field in
 * {@code docs/formats.md}). A trajectory file holds one run together with the scenario that
 * produced it, with its data and θ(0) written out as numbers, so that any other program can replay
 * or re-check the run without this project.
 */
public final class TrajectoryJson {

    /** The value of the {@code format} field of trajectory files this version reads and writes. */
    public static final String FORMAT = "saddlecheck-trajectory/1";

    private static final Set<String> TOP_FIELDS = Set.of("format", "scenario", "origin", "layout",
            "integrator", "times", "losses", "unitNorms", "snapshots", "finalTheta",
            "gradientEvaluations", "lossEvaluations", "steps");
    private static final Set<String> SNAPSHOT_FIELDS = Set.of("time", "theta");
    private static final Set<String> LAYOUT_FIELDS =
            Set.of("network", "width", "uSize", "vSize", "unitSize", "parameterCount", "u", "v");

    private TrajectoryJson() {
    }

    /** The trajectory of {@code resolved} as text, ending with a newline. */
    public static String write(ResolvedScenario resolved, Trajectory trajectory) {
        return JsonText.write(toTree(resolved, trajectory));
    }

    /** The trajectory of {@code resolved} as a JSON object. */
    public static ObjectNode toTree(ResolvedScenario resolved, Trajectory trajectory) {
        ObjectNode root = JsonText.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("scenario", ScenarioJson.toTree(resolved.resolvedToExplicit()));
        root.set("origin", ScenarioJson.toTree(resolved.scenario()));
        root.set("layout", layout(ParameterLayout.of(resolved.network())));
        root.put("integrator", trajectory.integrator());
        root.set("times", ScenarioJson.numbers(trajectory.times()));
        root.set("losses", ScenarioJson.numbers(trajectory.losses()));
        if (trajectory.hasUnitNorms()) {
            ArrayNode norms = root.putArray("unitNorms");
            for (int k = 0; k < trajectory.size(); k++) {
                norms.add(ScenarioJson.numbers(trajectory.unitNorms(k)));
            }
        }
        ArrayNode snapshots = root.putArray("snapshots");
        for (Trajectory.Snapshot s : trajectory.snapshots()) {
            ObjectNode o = snapshots.addObject();
            o.put("time", s.time());
            o.set("theta", ScenarioJson.numbers(s.theta()));
        }
        root.set("finalTheta", ScenarioJson.numbers(trajectory.finalTheta()));
        root.put("gradientEvaluations", trajectory.gradientEvaluations());
        root.put("lossEvaluations", trajectory.lossEvaluations());
        root.put("steps", trajectory.steps());
        return root;
    }

    private static ObjectNode layout(ParameterLayout layout) {
        ObjectNode o = JsonText.MAPPER.createObjectNode();
        o.put("network", layout.network());
        o.put("width", layout.width());
        o.put("uSize", layout.uSize());
        o.put("vSize", layout.vSize());
        o.put("unitSize", layout.unitSize());
        o.put("parameterCount", layout.parameterCount());
        ArrayNode u = o.putArray("u");
        layout.u().forEach(u::add);
        ArrayNode v = o.putArray("v");
        layout.v().forEach(v::add);
        return o;
    }

    /**
     * Reads and validates a trajectory file.
     *
     * @throws InvalidInputException if the file cannot be read or is not a valid trajectory
     */
    public static TrajectoryFile read(Path file) {
        return fromTree(JsonText.read(file, "trajectory file"));
    }

    /** Reads and validates trajectory text; {@code source} names it in messages. */
    public static TrajectoryFile parse(String text, String source) {
        return fromTree(JsonText.parse(text.getBytes(StandardCharsets.UTF_8), source));
    }

    private static TrajectoryFile fromTree(JsonNode root) {
        JsonFields top = JsonFields.of(root, "", TOP_FIELDS);
        String format = top.string("format");
        if (!FORMAT.equals(format)) {
            throw new InvalidInputException("format '" + format + "' is not " + FORMAT
                    + ", the only trajectory format this version reads");
        }
        Scenario scenario = ScenarioJson.fromTree(top.node("scenario"), "scenario");
        Scenario origin = ScenarioJson.fromTree(top.node("origin"), "origin");
        ParameterLayout layout = layout(top.object("layout", LAYOUT_FIELDS));
        Require.that(layout.parameterCount() == ScenarioResolver.network(scenario.network())
                .parameterCount(), "layout.parameterCount (" + layout.parameterCount()
                + ") does not match the network of the scenario");
        String integrator = top.string("integrator");
        double[] times = top.numbers("times");
        double[] losses = top.numbers("losses");
        Require.that(times.length > 0, "times is empty; a trajectory has at least one record");
        Require.that(losses.length == times.length, "losses has " + losses.length
                + " entries but times has " + times.length);
        for (int k = 1; k < times.length; k++) {
            Require.that(times[k] >= times[k - 1], "times[" + k + "] (" + times[k]
                    + ") comes before times[" + (k - 1) + "] (" + times[k - 1] + ")");
        }
        double[][] unitNorms = top.has("unitNorms") ? unitNorms(top, times.length, layout) : null;
        List<Trajectory.Snapshot> snapshots = snapshots(top.node("snapshots"), layout);
        double[] finalTheta = top.numbers("finalTheta");
        requireTheta("finalTheta", finalTheta, layout);
        long evaluations = top.integer("gradientEvaluations");
        long lossEvaluations = top.integer("lossEvaluations");
        long steps = top.integer("steps");
        top.finish("");
        return new TrajectoryFile(scenario, origin, layout, integrator, times, losses, unitNorms,
                snapshots, finalTheta, evaluations, lossEvaluations, steps);
    }

    private static ParameterLayout layout(JsonFields f) {
        String network = f.string("network");
        int width = f.size("width");
        int uSize = f.size("uSize");
        int vSize = f.size("vSize");
        Require.that(f.size("unitSize") == uSize + vSize, "layout.unitSize must be uSize + vSize");
        Require.that(f.size("parameterCount") == width * (uSize + vSize),
                "layout.parameterCount must be width × unitSize");
        List<String> u = labels(f, "u");
        List<String> v = labels(f, "v");
        f.finish("");
        Require.that(u.size() == uSize, "layout.u has " + u.size() + " labels but layout.uSize is "
                + uSize);
        Require.that(v.size() == vSize, "layout.v has " + v.size() + " labels but layout.vSize is "
                + vSize);
        return new ParameterLayout(network, width, uSize, vSize, u, v);
    }

    private static List<String> labels(JsonFields f, String name) {
        JsonNode array = f.node(name);
        if (!array.isArray()) {
            throw new InvalidInputException(f.path(name) + " must be an array of strings, not "
                    + JsonFields.describe(array));
        }
        List<String> labels = new ArrayList<>();
        for (JsonNode label : array) {
            if (!label.isTextual()) {
                throw new InvalidInputException(f.path(name) + " must hold strings, not "
                        + JsonFields.describe(label));
            }
            labels.add(label.asText());
        }
        return labels;
    }

    private static double[][] unitNorms(JsonFields top, int records, ParameterLayout layout) {
        double[][] norms = top.rows("unitNorms");
        Require.that(norms.length == records, "unitNorms has " + norms.length
                + " rows but times has " + records);
        for (int k = 0; k < records; k++) {
            Require.that(norms[k].length == layout.width(), "unitNorms[" + k + "] has "
                    + norms[k].length + " entries but there are " + layout.width() + " units");
        }
        return norms;
    }

    private static List<Trajectory.Snapshot> snapshots(JsonNode node, ParameterLayout layout) {
        List<Trajectory.Snapshot> snapshots = new ArrayList<>();
        if (!node.isArray()) {
            throw new InvalidInputException("snapshots must be an array, not "
                    + JsonFields.describe(node));
        }
        for (int k = 0; k < node.size(); k++) {
            JsonFields s = JsonFields.of(node.get(k), "snapshots[" + k + "]", SNAPSHOT_FIELDS);
            double time = s.number("time");
            double[] theta = s.numbers("theta");
            s.finish("");
            requireTheta(s.path("theta"), theta, layout);
            snapshots.add(new Trajectory.Snapshot(time, theta));
        }
        return snapshots;
    }

    private static void requireTheta(String role, double[] theta, ParameterLayout layout) {
        Require.that(theta.length == layout.parameterCount(), role + " has " + theta.length
                + " entries but the layout has " + layout.parameterCount());
    }
}
