package org.saddlecheck.claim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.saddlecheck.figures.FigureOne;
import org.saddlecheck.figures.FigureOne.Panel;
import org.saddlecheck.figures.StagedRun;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioJson;

/**
 * The data behind the paper's figures, regenerated from scenarios and written as JSON whose
 * figures are the evidence figures of the results format ({@code docs/results-format.md}), so
 * that the report draws them. The file format, {@code saddlecheck-figure/1}, is documented in
 * {@code docs/figures.md}.
 */
public final class PaperFigures {

    /** The value of the {@code format} field of figure files. */
    public static final String FORMAT = "saddlecheck-figure/1";

    /** The seed of θ(0) for every regenerated panel: one fixed run, so the file is reproducible. */
    public static final long SEED = 1;

    /** ε for the panels whose plateaus last ln(1/ε) (linear and ReLU networks). */
    public static final double LOG_EPSILON = 1e-6;

    /** ε for linear self-attention, whose plateaus last O(1/ε). */
    public static final double ATTENTION_EPSILON = 1e-3;

    /** ε for the quadratic network, inside the regime where one unit is recruited per drop. */
    public static final double QUADRATIC_EPSILON = 1e-4;

    private PaperFigures() {
    }

    /** ε of one Figure 1 panel as regenerated. */
    public static double epsilon(Panel panel) {
        return switch (panel) {
            case ATTENTION -> ATTENTION_EPSILON;
            case QUADRATIC -> QUADRATIC_EPSILON;
            default -> LOG_EPSILON;
        };
    }

    /**
     * Figure 1 for the given panels: per panel its scenario, the loss curve with the detected
     * drops and plateaus, the weights at the middle plateau and at the end, and the effective width
     * at every plateau.
     */
    public static ObjectNode figureOne(List<Panel> panels) {
        ObjectNode root = header("1", "Saddle-to-saddle dynamics in six architectures: loss curves"
                + " and first-layer weights at the middle plateau and at the end");
        ArrayNode out = root.putArray("panels");
        for (Panel p : panels) {
            Scenario scenario = FigureOne.scenario(p, epsilon(p), SEED);
            StagedRun run = StagedRun.of(scenario);
            ObjectNode panel = out.addObject();
            panel.put("id", p.kind());
            panel.set("scenario", ScenarioJson.toTree(scenario));
            panel.set("plateauWidths", widths(run.plateauWidths()));
            panel.put("finalWidth", run.finalWidth());
            panel.set("figures", figures(FigureOneClaims.evidence(run)));
        }
        return root;
    }

    static ObjectNode header(String number, String title) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("figure", number);
        root.put("title", title);
        return root;
    }

    static ArrayNode figures(List<Figure> figures) {
        ArrayNode out = Json.array();
        figures.forEach(f -> out.add(f.toJson()));
        return out;
    }

    private static ArrayNode widths(int[] widths) {
        ArrayNode out = Json.array();
        for (int w : widths) {
            out.add(w);
        }
        return out;
    }

    /** The JSON text of a figure file, pretty-printed. */
    public static String text(ObjectNode root) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a figure tree could not be written", e);
        }
    }
}
