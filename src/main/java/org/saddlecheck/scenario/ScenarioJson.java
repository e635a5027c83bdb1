package org.saddlecheck.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.saddlecheck.InvalidInputException;

/**
 * Reads and writes scenario files, format {@value Scenario#FORMAT} (documented field by field in
 * {@code docs/formats.md}).
 *
 * <p>Reading is strict: an unknown field, a field that does not apply to the chosen kind, a
 * missing required field, a wrong type, a non-finite number, a non-positive size, an unknown kind,
 * or explicit data or θ(0) whose shape does not fit the network each give one
 * {@link InvalidInputException} sentence naming the field by its path ("network.width (-3) must be
 * positive"). Writing gives every field that applies to the kinds, with numbers in round-trip
 * precision, so that reading a written scenario gives an equal one.
 */
public final class ScenarioJson {
    private static final Set<String> NETWORK_FIELDS = Set.of("kind", "width", "inputs", "outputs",
            "bias", "patches", "kernel", "dimension", "context");
    private static final Set<String> DATA_FIELDS = Set.of("kind", "seed", "samples", "spectrum",
            "noise", "exactStatistics", "rays", "weights", "kinks", "X", "Y");
    private static final Set<String> INIT_FIELDS = Set.of("scale", "seed", "theta");
    private static final Set<String> DYNAMICS_FIELDS = Set.of("kind", "endTime",
            "relativeTolerance", "step", "learningRate", "batchSize", "seed", "snapshotTimes",
            "record");
    private static final Set<String> RECORD_FIELDS =
            Set.of("firstTime", "pointsPerDecade", "lossChange", "unitNorms");
    private static final Set<String> TOP_FIELDS =
            Set.of("format", "network", "data", "init", "dynamics");

    /** The relative tolerance of {@code flow} dynamics when the file gives none. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-8;

    private ScenarioJson() {
    }

    /**
     * Reads and validates a scenario file.
     *
     * @throws InvalidInputException if the file cannot be read or is not a valid scenario
     */
    public static Scenario read(Path file) {
        return fromTree(JsonText.read(file, "scenario file"));
    }

    /** Reads and validates scenario text; {@code source} names it in messages. */
    public static Scenario parse(String text, String source) {
        return fromTree(JsonText.parse(text.getBytes(StandardCharsets.UTF_8), source));
    }

    /** Validates a parsed scenario object (for example one embedded in a trajectory file). */
    public static Scenario fromTree(JsonNode root) {
        return fromTree(root, "");
    }

    /** As {@link #fromTree(JsonNode)}, with field paths prefixed by {@code path} and a dot. */
    static Scenario fromTree(JsonNode root, String path) {
        JsonFields top = JsonFields.of(root, path, TOP_FIELDS);
        String format = top.string("format");
        if (!Scenario.FORMAT.equals(format)) {
            throw new InvalidInputException(top.path("format") + " '" + format + "' is not "
                    + Scenario.FORMAT + ", the only scenario format this version reads");
        }
        NetworkSpec network = network(top.object("network", NETWORK_FIELDS), top.path("network.kind"));
        DataSpec data = data(top.object("data", DATA_FIELDS));
        InitSpec init = init(top.object("init", INIT_FIELDS));
        DynamicsSpec dynamics = top.has("dynamics")
                ? dynamics(top.object("dynamics", DYNAMICS_FIELDS)) : null;
        top.finish("");
        Scenario scenario = new Scenario(network, data, init, dynamics);
        ScenarioChecks.check(scenario, path);
        return scenario;
    }

    private static NetworkSpec network(JsonFields f, String kindPath) {
        String kind = f.string("kind");
        Kinds.Family family = Kinds.family(kindPath, kind);
        int width = f.size("width");
        int inputs = 0;
        int outputs = 0;
        boolean bias = false;
        int patches = 0;
        int kernel = 0;
        int dimension = 0;
        int context = 0;
        switch (family) {
            case FULLY_CONNECTED -> {
                inputs = f.size("inputs");
                outputs = f.size("outputs");
                bias = f.bool("bias", false);
            }
            case CONVOLUTIONAL -> {
                patches = f.size("patches");
                kernel = f.size("kernel");
            }
            case ATTENTION -> {
                dimension = f.size("dimension");
                context = f.size("context");
            }
            default -> throw new IllegalStateException(family.name());
        }
        f.finish("network kind '" + kind + "'");
        return new NetworkSpec(kind, width, inputs, outputs, bias, patches, kernel, dimension,
                context);
    }

    private static DataSpec data(JsonFields f) {
        String kind = Kinds.require(f.path("kind"), f.string("kind"), Kinds.DATA);
        long seed = 0;
        int samples = 0;
        double[] spectrum = null;
        double noise = 0;
        boolean exact = true;
        double[][] rays = null;
        double[] weights = null;
        double[] kinks = null;
        double[][] X = null;
        double[][] Y = null;
        switch (kind) {
            case DataSpec.WHITENED, DataSpec.PATCHES -> {
                seed = f.integer("seed");
                samples = f.size("samples");
                spectrum = f.numbers("spectrum");
                noise = f.number("noise", 0);
            }
            case DataSpec.QUADRATIC, DataSpec.IN_CONTEXT -> {
                seed = f.integer("seed");
                samples = f.size("samples");
                spectrum = f.numbers("spectrum", null);
                exact = f.bool("exactStatistics", true);
            }
            case DataSpec.QUADRATIC_POPULATION -> spectrum = f.numbers("spectrum", null);
            case DataSpec.RELU_ORTHOGONAL -> {
                seed = f.integer("seed");
                samples = f.size("samples");
                rays = f.rows("rays");
                weights = f.numbers("weights");
            }
            case DataSpec.RELU_KINKS -> {
                samples = f.size("samples");
                kinks = f.numbers("kinks");
                weights = f.numbers("weights");
            }
            default -> {
                X = f.rows("X");
                Y = f.rows("Y");
                samples = X.length;
            }
        }
        f.finish("data kind '" + kind + "'");
        return new DataSpec(kind, seed, samples, spectrum, noise, exact, rays, weights, kinks, X, Y);
    }

    private static InitSpec init(JsonFields f) {
        if (f.has("theta")) {
            double[] theta = f.numbers("theta");
            f.finish("an explicit initialization (" + f.path("theta") + ")");
            return InitSpec.explicit(theta);
        }
        double scale = f.number("scale");
        long seed = f.integer("seed");
        f.finish("a Gaussian initialization");
        return InitSpec.gaussian(scale, seed);
    }

    private static DynamicsSpec dynamics(JsonFields f) {
        String kind = Kinds.require(f.path("kind"), f.string("kind"), Kinds.DYNAMICS);
        double endTime = f.number("endTime");
        double step = 0;
        double tolerance = 0;
        int batchSize = 0;
        long seed = 0;
        switch (kind) {
            case DynamicsSpec.FLOW, DynamicsSpec.FLOW_DP54 -> tolerance = f.number("relativeTolerance",
                    DEFAULT_RELATIVE_TOLERANCE);
            case DynamicsSpec.RK4 -> step = f.number("step");
            case DynamicsSpec.GD -> step = f.number("learningRate");
            default -> {
                step = f.number("learningRate");
                batchSize = f.size("batchSize");
                seed = f.integer("seed");
            }
        }
        double[] snapshots = f.numbers("snapshotTimes", new double[0]);
        double firstTime = DynamicsSpec.defaultFirstTime(endTime);
        int perDecade = org.saddlecheck.dynamics.RunPlan.DEFAULT_POINTS_PER_DECADE;
        double lossChange = DynamicsSpec.DEFAULT_LOSS_CHANGE;
        boolean unitNorms = true;
        if (f.has("record")) {
            JsonFields r = f.object("record", RECORD_FIELDS);
            firstTime = r.number("firstTime", firstTime);
            perDecade = r.size("pointsPerDecade", perDecade);
            lossChange = r.number("lossChange", lossChange);
            unitNorms = r.bool("unitNorms", true);
            r.finish("");
        }
        f.finish("dynamics kind '" + kind + "'");
        return new DynamicsSpec(kind, endTime, step, tolerance, batchSize, seed, snapshots,
                firstTime, perDecade, lossChange, unitNorms);
    }

    /** The scenario as text, ending with a newline. */
    public static String write(Scenario scenario) {
        return JsonText.write(toTree(scenario));
    }

    /** The scenario as a JSON object, with the fields that apply to its kinds. */
    public static ObjectNode toTree(Scenario scenario) {
        ObjectNode root = JsonText.MAPPER.createObjectNode();
        root.put("format", Scenario.FORMAT);
        root.set("network", network(scenario.network()));
        root.set("data", data(scenario.data()));
        root.set("init", init(scenario.init()));
        if (scenario.dynamics() != null) {
            root.set("dynamics", dynamics(scenario.dynamics()));
        }
        return root;
    }

    private static ObjectNode network(NetworkSpec n) {
        ObjectNode o = JsonText.MAPPER.createObjectNode();
        o.put("kind", n.kind());
        o.put("width", n.width());
        switch (Kinds.family("network.kind", n.kind())) {
            case FULLY_CONNECTED -> {
                o.put("inputs", n.inputs());
                o.put("outputs", n.outputs());
                o.put("bias", n.bias());
            }
            case CONVOLUTIONAL -> {
                o.put("patches", n.patches());
                o.put("kernel", n.kernel());
            }
            default -> {
                o.put("dimension", n.dimension());
                o.put("context", n.context());
            }
        }
        return o;
    }

    private static ObjectNode data(DataSpec d) {
        ObjectNode o = JsonText.MAPPER.createObjectNode();
        o.put("kind", d.kind());
        switch (d.kind()) {
            case DataSpec.WHITENED, DataSpec.PATCHES -> {
                o.put("seed", d.seed());
                o.put("samples", d.samples());
                o.set("spectrum", numbers(d.spectrum()));
                o.put("noise", d.noise());
            }
            case DataSpec.QUADRATIC, DataSpec.IN_CONTEXT -> {
                o.put("seed", d.seed());
                o.put("samples", d.samples());
                if (d.spectrum() != null) {
                    o.set("spectrum", numbers(d.spectrum()));
                }
                o.put("exactStatistics", d.exactStatistics());
            }
            case DataSpec.QUADRATIC_POPULATION -> {
                if (d.spectrum() != null) {
                    o.set("spectrum", numbers(d.spectrum()));
                }
            }
            case DataSpec.RELU_ORTHOGONAL -> {
                o.put("seed", d.seed());
                o.put("samples", d.samples());
                o.set("rays", rows(d.rays()));
                o.set("weights", numbers(d.weights()));
            }
            case DataSpec.RELU_KINKS -> {
                o.put("samples", d.samples());
                o.set("kinks", numbers(d.kinks()));
                o.set("weights", numbers(d.weights()));
            }
            default -> {
                o.set("X", rows(d.X()));
                o.set("Y", rows(d.Y()));
            }
        }
        return o;
    }

    private static ObjectNode init(InitSpec i) {
        ObjectNode o = JsonText.MAPPER.createObjectNode();
        if (i.hasTheta()) {
            o.set("theta", numbers(i.theta()));
        } else {
            o.put("scale", i.scale());
            o.put("seed", i.seed());
        }
        return o;
    }

    private static ObjectNode dynamics(DynamicsSpec d) {
        ObjectNode o = JsonText.MAPPER.createObjectNode();
        o.put("kind", d.kind());
        o.put("endTime", d.endTime());
        switch (d.kind()) {
            case DynamicsSpec.FLOW, DynamicsSpec.FLOW_DP54 ->
                    o.put("relativeTolerance", d.relativeTolerance());
            case DynamicsSpec.RK4 -> o.put("step", d.step());
            case DynamicsSpec.GD -> o.put("learningRate", d.step());
            default -> {
                o.put("learningRate", d.step());
                o.put("batchSize", d.batchSize());
                o.put("seed", d.seed());
            }
        }
        o.set("snapshotTimes", numbers(d.snapshotTimes()));
        ObjectNode r = o.putObject("record");
        r.put("firstTime", d.firstTime());
        r.put("pointsPerDecade", d.pointsPerDecade());
        r.put("lossChange", d.lossChange());
        r.put("unitNorms", d.unitNorms());
        return o;
    }

    static ArrayNode numbers(double[] values) {
        ArrayNode a = JsonText.MAPPER.createArrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    static ArrayNode rows(double[][] rows) {
        ArrayNode a = JsonText.MAPPER.createArrayNode();
        for (double[] row : rows) {
            a.add(numbers(row));
        }
        return a;
    }
}
