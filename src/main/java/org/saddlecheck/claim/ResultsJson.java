package org.saddlecheck.claim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's results in the format {@value RunResults#FORMAT} ({@code docs/results-format.md}):
 * {@code DIR/results.json}, and {@code DIR/counterexamples/<id>.json} for each claim with a
 * counterexample (a trial file that {@code replay} reads). Every file is replaced atomically.
 */
public final class ResultsJson {

    /** The name of the results file inside the output folder. */
    public static final String RESULTS_FILE = "results.json";
    /** The folder of counterexample files inside the output folder. */
    public static final String COUNTEREXAMPLES = "counterexamples";

    private ResultsJson() {
    }

    /**
     * Writes the results and the counterexamples into {@code outDir}.
     *
     * @param outDir the output folder, as the user named it (used in replay commands)
     * @return the results file
     */
    public static Path write(RunResults results, Path outDir) throws IOException {
        for (RunResults.ClaimRecord r : results.claims()) {
            if (r.search() != null && r.search().counterexample() != null) {
                TrialJson.write(r.search().counterexample().trial(), counterexampleFile(outDir,
                        r.id()));
            }
        }
        Path file = outDir.resolve(RESULTS_FILE);
        Json.writeAtomically(toJson(results, outDir), file);
        return file;
    }

    /** Where the counterexample of claim {@code id} is written. */
    public static Path counterexampleFile(Path outDir, String id) {
        return outDir.resolve(COUNTEREXAMPLES).resolve(id + ".json");
    }

    /** The results as JSON; replay commands name files under {@code outDir}. */
    public static ObjectNode toJson(RunResults results, Path outDir) {
        ObjectNode root = Json.object();
        root.put("format", RunResults.FORMAT);
        root.set("run", run(results.run()));
        ArrayNode claims = root.putArray("claims");
        for (RunResults.ClaimRecord r : results.claims()) {
            claims.add(claim(r, outDir));
        }
        ArrayNode maps = root.putArray("maps");
        results.maps().forEach(m -> maps.add(m.toJson()));
        return root;
    }

    private static ObjectNode run(RunResults.Run run) {
        ObjectNode o = Json.object();
        o.put("version", run.version());
        o.put("seed", run.seed());
        o.put("budget", run.budget());
        if (run.triesOverride() == null) {
            o.putNull("triesOverride");
        } else {
            o.put("triesOverride", run.triesOverride());
        }
        ObjectNode shard = o.putObject("shard");
        shard.put("index", run.shardIndex());
        shard.put("count", run.shardCount());
        o.put("started", run.started().toString());
        o.set("durationSeconds", Json.number(run.seconds()));
        o.put("threads", run.threads());
        o.put("command", run.command());
        return o;
    }

    private static ObjectNode claim(RunResults.ClaimRecord r, Path outDir) {
        ObjectNode o = Json.object();
        Spec spec = r.spec();
        o.put("id", r.id());
        o.put("title", spec == null ? r.id() : spec.title());
        o.put("section", spec == null ? null : spec.section());
        o.put("source", spec == null ? null : spec.source());
        o.put("kind", spec == null ? null : spec.kind().json());
        o.put("statement", spec == null ? null : spec.statement());
        o.put("assumptions", spec == null ? null : spec.assumptions());
        o.put("toleranceRationale", spec == null ? null : spec.tolerance());
        o.put("test", r.test());
        ArrayNode tags = o.putArray("tags");
        if (spec != null) {
            spec.tags().forEach(tags::add);
        }
        o.put("status", r.status());
        o.put("message", r.message());
        SearchResult s = r.search();
        o.put("tries", s == null ? 0 : s.tries());
        o.put("held", s == null ? 0 : s.held());
        o.put("discarded", s == null ? 0 : s.discarded());
        o.set("durationSeconds", Json.number(s == null ? 0 : s.seconds()));
        o.set("tolerance", Json.numberOrNull(tolerance(s)));
        o.set("worst", worst(s));
        o.set("coverage", coverage(s));
        o.set("counterexample", counterexample(r, outDir));
        ArrayNode evidence = o.putArray("evidence");
        if (s != null) {
            s.evidence().forEach(f -> evidence.add(f.toJson()));
        }
        return o;
    }

    /** The tolerance of the counterexample, else of the worst try, else NaN (none). */
    private static double tolerance(SearchResult s) {
        if (s == null) {
            return Double.NaN;
        }
        if (s.counterexample() != null) {
            return s.counterexample().outcome().tolerance();
        }
        return s.worst() == null ? Double.NaN : s.worst().outcome().tolerance();
    }

    private static com.fasterxml.jackson.databind.JsonNode worst(SearchResult s) {
        if (s == null || s.worst() == null) {
            return Json.NODES.nullNode();
        }
        Outcome w = s.worst().outcome();
        ObjectNode o = Json.object();
        o.set("measured", Json.number(w.measured()));
        o.set("predicted", Json.number(w.predicted()));
        o.set("tolerance", Json.numberOrNull(w.tolerance()));
        o.put("try", s.worst().tryIndex());
        return o;
    }

    private static ArrayNode coverage(SearchResult s) {
        ArrayNode out = Json.array();
        List<Coverage.Count> counts = s == null ? new ArrayList<>() : s.coverage();
        for (Coverage.Count c : counts) {
            ObjectNode o = out.addObject();
            o.put("regime", c.regime());
            o.put("count", c.count());
            o.put("required", c.required());
            o.put("met", c.met());
        }
        return out;
    }

    private static com.fasterxml.jackson.databind.JsonNode counterexample(
            RunResults.ClaimRecord r, Path outDir) {
        SearchResult s = r.search();
        if (s == null || s.counterexample() == null) {
            return Json.NODES.nullNode();
        }
        SearchResult.Counterexample ce = s.counterexample();
        Outcome out = ce.outcome();
        ObjectNode o = Json.object();
        o.set("trial", TrialJson.toJson(ce.trial()));
        o.set("measured", Json.number(out.measured()));
        o.set("predicted", Json.number(out.predicted()));
        o.set("tolerance", Json.numberOrNull(out.tolerance()));
        o.put("description", out.description());
        o.put("shrinkSteps", ce.shrinkSteps());
        o.put("replay", Verification.replayCommand(
                counterexampleFile(outDir, r.id()).toString(), r.id()));
        return o;
    }
}
