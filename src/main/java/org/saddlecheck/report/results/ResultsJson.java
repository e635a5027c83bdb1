package org.saddlecheck.report.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.saddlecheck.InvalidInputException;

/**
 * Reads and writes results files, format {@value Results#FORMAT}.
 *
 * <p>Reading is strict: every field the format lists must be present with the right type, unknown
 * fields are rejected (a misspelt field would otherwise vanish silently), and the values must be
 * consistent (as many y as x values, a map grid matching its axes). Each error is one sentence
 * naming the file and the field, such as {@code run-2/results.json: field
 * claims["theorem3.zero-unit"].status is "pass" but must be one of held, failed, error, skipped}.
 * Non-finite numbers are the strings "NaN", "Infinity" and "-Infinity".
 *
 * <p>Fields that may be absent or null: {@code run.triesOverride}, and for a claim
 * {@code assumptions}, {@code toleranceRationale}, {@code test}, {@code message},
 * {@code tolerance}, {@code worst} and {@code counterexample}; in figures the reference lines
 * {@code vertical} and {@code horizontal} (none), the scales (linear), {@code identity} (false),
 * the weights figure's axis labels (u_{i1}, u_{i2}); in maps {@code value} and any of its cells
 * (NaN). Figures of every type may carry {@code xLabel} and {@code yLabel}; a table ignores them.
 *
 * <p>Writing produces what reading accepts, so {@code read(write(r))} equals {@code r}.
 */
public final class ResultsJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResultsJson() {
    }

    /**
     * Reads one results file.
     *
     * @throws InvalidInputException when the file is missing, unreadable, not JSON, or not a valid
     *     results file; the message names the file and the field
     */
    public static Results read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("results file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new InvalidInputException("results file " + file + " could not be read: "
                    + e.getMessage(), e);
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Reads results from JSON text.
     *
     * @param json the text of a results file
     * @param name the file's name, used in error messages
     */
    public static Results parse(String json, String name) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr();
            throw new InvalidInputException(name + ": not valid JSON" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException(name + ": the file is empty");
        }
        return results(new JsonCursor(name, "", root));
    }

    /** Writes results to a file, replacing it. */
    public static void write(Results results, Path file) {
        try {
            Files.writeString(file, toJson(results), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("results file " + file + " could not be written: "
                    + e.getMessage(), e);
        }
    }

    /** The JSON text of results, indented, ending with a newline. */
    public static String toJson(Results results) {
        try {
            return MAPPER.writeValueAsString(results(results)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    private static Results results(JsonCursor c) {
        c.onlyFields("format", "run", "claims", "maps");
        String format = c.text("format");
        if (!Results.FORMAT.equals(format)) {
            throw c.fail("field format is \"" + format + "\" but this version reads "
                    + Results.FORMAT);
        }
        RunInfo run = run(c.object("run"));
        List<ClaimResult> claims = c.list("claims", ResultsJson::claim);
        List<ValidityMap> maps = c.list("maps", ResultsJson::map);
        return c.build(() -> new Results(run, claims, maps));
    }

    private static RunInfo run(JsonCursor c) {
        c.onlyFields("version", "seed", "budget", "triesOverride", "shard", "started",
                "durationSeconds", "threads", "command");
        JsonCursor s = c.object("shard").onlyFields("index", "count");
        Shard shard = s.build(() -> new Shard(s.integer("index"), s.integer("count")));
        JsonCursor startedField = c.field("started");
        Instant started;
        try {
            started = Instant.parse(startedField.asText("a string"));
        } catch (DateTimeParseException e) {
            throw c.fail("field " + startedField.path() + " (\"" + startedField.node().textValue()
                    + "\") must be an instant such as 2026-12-03T17:40:00Z");
        }
        return c.build(() -> new RunInfo(c.text("version"), c.wholeNumber("seed"),
                c.choice("budget", Budget.class), c.optionalInteger("triesOverride"), shard,
                started, c.number("durationSeconds"), c.integer("threads"), c.text("command")));
    }

    private static ClaimResult claim(JsonCursor at) {
        String id = at.text("id");
        JsonCursor c = at.relabel("claims[\"" + id + "\"]");
        c.onlyFields("id", "title", "section", "source", "kind", "statement", "assumptions",
                "toleranceRationale", "test", "tags", "status", "message", "tries", "held",
                "discarded", "durationSeconds", "tolerance", "worst", "coverage", "counterexample",
                "evidence");
        Worst worst = c.isAbsent("worst") ? null : worst(c.object("worst"));
        Counterexample counterexample = c.isAbsent("counterexample") ? null
                : counterexample(c.object("counterexample"));
        List<Coverage> coverage = c.list("coverage", ResultsJson::coverage);
        List<Figure> evidence = c.list("evidence", ResultsJson::figure);
        return c.build(() -> new ClaimResult(id, c.text("title"), c.text("section"),
                c.text("source"), c.choice("kind", Kind.class), c.text("statement"),
                c.optionalText("assumptions"), c.optionalText("toleranceRationale"),
                c.optionalText("test"), c.texts("tags"), c.choice("status", Status.class),
                c.optionalText("message"), c.integer("tries"), c.integer("held"),
                c.integer("discarded"), c.number("durationSeconds"), c.optionalNumber("tolerance"),
                worst, coverage, counterexample, evidence));
    }

    private static Worst worst(JsonCursor c) {
        c.onlyFields("measured", "predicted", "tolerance", "try");
        return c.build(() -> new Worst(c.number("measured"), c.number("predicted"),
                toleranceOrNaN(c), c.integer("try")));
    }

    /** A tolerance, or NaN where the claim has none (written as null, e.g. for a lower bound). */
    private static double toleranceOrNaN(JsonCursor c) {
        Double t = c.optionalNumber("tolerance");
        return t == null ? Double.NaN : t;
    }

    private static Coverage coverage(JsonCursor c) {
        c.onlyFields("regime", "count", "required", "met");
        return c.build(() -> new Coverage(c.text("regime"), c.integer("count"),
                c.integer("required"), c.bool("met")));
    }

    private static Counterexample counterexample(JsonCursor c) {
        c.onlyFields("trial", "measured", "predicted", "tolerance", "description", "shrinkSteps",
                "replay");
        JsonNode trial = c.object("trial").node().deepCopy();
        return c.build(() -> new Counterexample(trial, c.number("measured"), c.number("predicted"),
                toleranceOrNaN(c), c.text("description"), c.integer("shrinkSteps"),
                c.text("replay")));
    }

    private static Figure figure(JsonCursor c) {
        String type = c.text("type");
        switch (type) {
            case LinesFigure.TYPE:
                return lines(c);
            case ScatterFigure.TYPE:
                return scatter(c);
            case WeightsFigure.TYPE:
                return weights(c);
            case TableFigure.TYPE:
                return table(c);
            default:
                throw c.fail("field " + c.path() + ".type is \"" + type + "\" but must be one of "
                        + "lines, scatter, weights, table");
        }
    }

    private static LinesFigure lines(JsonCursor c) {
        c.onlyFields("type", "title", "xLabel", "yLabel", "xScale", "yScale", "series", "vertical",
                "horizontal");
        List<Series> series = c.list("series", ResultsJson::series);
        List<Reference> vertical = references(c, "vertical", "x");
        List<Reference> horizontal = references(c, "horizontal", "y");
        return c.build(() -> new LinesFigure(c.text("title"), c.text("xLabel"), c.text("yLabel"),
                scale(c, "xScale"), scale(c, "yScale"), series, vertical, horizontal));
    }

    private static ScatterFigure scatter(JsonCursor c) {
        c.onlyFields("type", "title", "xLabel", "yLabel", "xScale", "yScale", "identity",
                "series");
        List<Series> series = c.list("series", ResultsJson::series);
        boolean identity = !c.isAbsent("identity") && c.bool("identity");
        return c.build(() -> new ScatterFigure(c.text("title"), c.text("xLabel"), c.text("yLabel"),
                scale(c, "xScale"), scale(c, "yScale"), identity, series));
    }

    private static WeightsFigure weights(JsonCursor c) {
        c.onlyFields("type", "title", "xLabel", "yLabel", "panels");
        List<WeightsPanel> panels = c.list("panels", ResultsJson::panel);
        return c.build(() -> new WeightsFigure(c.text("title"),
                c.textOr("xLabel", WeightsFigure.DEFAULT_X_LABEL),
                c.textOr("yLabel", WeightsFigure.DEFAULT_Y_LABEL), panels));
    }

    private static WeightsPanel panel(JsonCursor c) {
        c.onlyFields("label", "u", "v");
        List<WeightsPanel.Point> u = new ArrayList<>();
        for (JsonCursor pair : c.array("u")) {
            List<JsonCursor> xy = pair.elements();
            if (xy.size() != 2) {
                throw pair.fail("field " + pair.path() + " has " + xy.size()
                        + " coordinates but a weight in the plane has 2");
            }
            u.add(new WeightsPanel.Point(xy.get(0).asNumber(), xy.get(1).asNumber()));
        }
        return c.build(() -> new WeightsPanel(c.text("label"), u, c.numbers("v")));
    }

    private static TableFigure table(JsonCursor c) {
        c.onlyFields("type", "title", "xLabel", "yLabel", "columns", "rows");
        List<List<Object>> rows = new ArrayList<>();
        for (JsonCursor row : c.array("rows")) {
            List<Object> cells = new ArrayList<>();
            for (JsonCursor cell : row.elements()) {
                cells.add(cell(cell));
            }
            rows.add(cells);
        }
        return c.build(() -> new TableFigure(c.text("title"), c.texts("columns"), rows));
    }

    private static Object cell(JsonCursor c) {
        JsonNode n = c.node();
        if (n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isTextual() && !JsonNumbers.isNonFinite(n.textValue())) {
            return n.textValue();
        }
        return c.asNumber();
    }

    private static Series series(JsonCursor c) {
        c.onlyFields("name", "x", "y");
        return c.build(() -> new Series(c.text("name"), c.numbers("x"), c.numbers("y")));
    }

    private static List<Reference> references(JsonCursor c, String field, String position) {
        if (c.isAbsent(field)) {
            return List.of();
        }
        return c.list(field, r -> {
            r.onlyFields(position, "label");
            return r.build(() -> new Reference(r.number(position), r.text("label")));
        });
    }

    private static Scale scale(JsonCursor c, String field) {
        return c.isAbsent(field) ? Scale.LINEAR : c.choice(field, Scale.class);
    }

    private static ValidityMap map(JsonCursor c) {
        c.onlyFields("claim", "title", "xLabel", "yLabel", "xScale", "yScale", "x", "y", "held",
                "value", "regime");
        List<List<Boolean>> held = new ArrayList<>();
        for (JsonCursor row : c.array("held")) {
            List<Boolean> cells = new ArrayList<>();
            for (JsonCursor cell : row.elements()) {
                if (!cell.node().isBoolean()) {
                    throw cell.fail("field " + cell.path() + " must be true or false");
                }
                cells.add(cell.node().booleanValue());
            }
            held.add(cells);
        }
        List<List<Double>> value = null;
        if (!c.isAbsent("value")) {
            value = new ArrayList<>();
            for (JsonCursor row : c.array("value")) {
                value.add(row.elements().stream()
                        .map(v -> v.node().isNull() ? Double.NaN : v.asNumber()).toList());
            }
        }
        JsonCursor r = c.object("regime").onlyFields("xMin", "xMax", "yMin", "yMax");
        Regime regime = r.build(() -> new Regime(r.number("xMin"), r.number("xMax"),
                r.number("yMin"), r.number("yMax")));
        List<List<Double>> values = value;
        return c.build(() -> new ValidityMap(c.text("claim"), c.text("title"), c.text("xLabel"),
                c.text("yLabel"), scale(c, "xScale"), scale(c, "yScale"), c.numbers("x"),
                c.numbers("y"), held, values, regime));
    }

    // ---- writing ------------------------------------------------------------------------------

    private static ObjectNode results(Results r) {
        ObjectNode o = NODES.objectNode();
        o.put("format", Results.FORMAT);
        o.set("run", run(r.run()));
        ArrayNode claims = o.putArray("claims");
        r.claims().forEach(c -> claims.add(claim(c)));
        ArrayNode maps = o.putArray("maps");
        r.maps().forEach(m -> maps.add(map(m)));
        return o;
    }

    private static ObjectNode run(RunInfo run) {
        ObjectNode o = NODES.objectNode();
        o.put("version", run.version());
        o.put("seed", run.seed());
        o.put("budget", run.budget().json());
        o.put("triesOverride", run.triesOverride());
        ObjectNode shard = o.putObject("shard");
        shard.put("index", run.shard().index());
        shard.put("count", run.shard().count());
        o.put("started", run.started().toString());
        o.set("durationSeconds", number(run.durationSeconds()));
        o.put("threads", run.threads());
        o.put("command", run.command());
        return o;
    }

    private static ObjectNode claim(ClaimResult c) {
        ObjectNode o = NODES.objectNode();
        o.put("id", c.id());
        o.put("title", c.title());
        o.put("section", c.section());
        o.put("source", c.source());
        o.put("kind", c.kind().json());
        o.put("statement", c.statement());
        o.put("assumptions", c.assumptions());
        o.put("toleranceRationale", c.toleranceRationale());
        o.put("test", c.test());
        ArrayNode tags = o.putArray("tags");
        c.tags().forEach(tags::add);
        o.put("status", c.status().json());
        o.put("message", c.message());
        o.put("tries", c.tries());
        o.put("held", c.held());
        o.put("discarded", c.discarded());
        o.set("durationSeconds", number(c.durationSeconds()));
        o.set("tolerance", c.tolerance() == null ? NODES.nullNode() : number(c.tolerance()));
        o.set("worst", c.worst() == null ? NODES.nullNode() : worst(c.worst()));
        ArrayNode coverage = o.putArray("coverage");
        c.coverage().forEach(v -> coverage.add(coverage(v)));
        o.set("counterexample", c.counterexample() == null ? NODES.nullNode()
                : counterexample(c.counterexample()));
        ArrayNode evidence = o.putArray("evidence");
        c.evidence().forEach(f -> evidence.add(figure(f)));
        return o;
    }

    private static ObjectNode worst(Worst w) {
        ObjectNode o = NODES.objectNode();
        o.set("measured", number(w.measured()));
        o.set("predicted", number(w.predicted()));
        o.set("tolerance", number(w.tolerance()));
        o.put("try", w.tryIndex());
        return o;
    }

    private static ObjectNode coverage(Coverage c) {
        ObjectNode o = NODES.objectNode();
        o.put("regime", c.regime());
        o.put("count", c.count());
        o.put("required", c.required());
        o.put("met", c.met());
        return o;
    }

    private static ObjectNode counterexample(Counterexample c) {
        ObjectNode o = NODES.objectNode();
        o.set("trial", c.trial().deepCopy());
        o.set("measured", number(c.measured()));
        o.set("predicted", number(c.predicted()));
        o.set("tolerance", number(c.tolerance()));
        o.put("description", c.description());
        o.put("shrinkSteps", c.shrinkSteps());
        o.put("replay", c.replay());
        return o;
    }

    private static ObjectNode figure(Figure f) {
        ObjectNode o = NODES.objectNode();
        o.put("type", f.type());
        o.put("title", f.title());
        if (f instanceof LinesFigure l) {
            axes(o, l.xLabel(), l.yLabel(), l.xScale(), l.yScale());
            o.set("series", series(l.series()));
            o.set("vertical", references(l.vertical(), "x"));
            o.set("horizontal", references(l.horizontal(), "y"));
        } else if (f instanceof ScatterFigure s) {
            axes(o, s.xLabel(), s.yLabel(), s.xScale(), s.yScale());
            o.put("identity", s.identity());
            o.set("series", series(s.series()));
        } else if (f instanceof WeightsFigure w) {
            o.put("xLabel", w.xLabel());
            o.put("yLabel", w.yLabel());
            ArrayNode panels = o.putArray("panels");
            w.panels().forEach(p -> panels.add(panel(p)));
        } else if (f instanceof TableFigure t) {
            ArrayNode columns = o.putArray("columns");
            t.columns().forEach(columns::add);
            ArrayNode rows = o.putArray("rows");
            for (List<Object> row : t.rows()) {
                ArrayNode cells = rows.addArray();
                row.forEach(cell -> cells.add(cell(cell)));
            }
        }
        return o;
    }

    private static JsonNode cell(Object cell) {
        if (cell instanceof Double d) {
            return number(d);
        }
        if (cell instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        return cell == null ? NODES.nullNode() : NODES.textNode((String) cell);
    }

    private static void axes(ObjectNode o, String xLabel, String yLabel, Scale x, Scale y) {
        o.put("xLabel", xLabel);
        o.put("yLabel", yLabel);
        o.put("xScale", x.json());
        o.put("yScale", y.json());
    }

    private static ArrayNode series(List<Series> series) {
        ArrayNode out = NODES.arrayNode();
        for (Series s : series) {
            ObjectNode o = out.addObject();
            o.put("name", s.name());
            o.set("x", numbers(s.x()));
            o.set("y", numbers(s.y()));
        }
        return out;
    }

    private static ArrayNode references(List<Reference> refs, String position) {
        ArrayNode out = NODES.arrayNode();
        for (Reference r : refs) {
            ObjectNode o = out.addObject();
            o.set(position, number(r.at()));
            o.put("label", r.label());
        }
        return out;
    }

    private static ObjectNode panel(WeightsPanel p) {
        ObjectNode o = NODES.objectNode();
        o.put("label", p.label());
        ArrayNode u = o.putArray("u");
        for (WeightsPanel.Point point : p.u()) {
            ArrayNode pair = u.addArray();
            pair.add(number(point.x()));
            pair.add(number(point.y()));
        }
        o.set("v", numbers(p.v()));
        return o;
    }

    private static ObjectNode map(ValidityMap m) {
        ObjectNode o = NODES.objectNode();
        o.put("claim", m.claim());
        o.put("title", m.title());
        axes(o, m.xLabel(), m.yLabel(), m.xScale(), m.yScale());
        o.set("x", numbers(m.x()));
        o.set("y", numbers(m.y()));
        ArrayNode held = o.putArray("held");
        for (List<Boolean> row : m.held()) {
            ArrayNode cells = held.addArray();
            row.forEach(cells::add);
        }
        if (m.value() == null) {
            o.putNull("value");
        } else {
            ArrayNode value = o.putArray("value");
            m.value().forEach(row -> value.add(numbers(row)));
        }
        ObjectNode regime = o.putObject("regime");
        regime.set("xMin", number(m.regime().xMin()));
        regime.set("xMax", number(m.regime().xMax()));
        regime.set("yMin", number(m.regime().yMin()));
        regime.set("yMax", number(m.regime().yMax()));
        return o;
    }

    private static ArrayNode numbers(List<Double> values) {
        ArrayNode out = NODES.arrayNode();
        values.forEach(v -> out.add(number(v)));
        return out;
    }

    private static JsonNode number(double v) {
        return Double.isFinite(v) ? NODES.numberNode(v) : NODES.textNode(JsonNumbers.spell(v));
    }
}
