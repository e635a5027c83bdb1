package org.saddlecheck.claim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.saddlecheck.figures.FigureOne;
import org.saddlecheck.figures.FigureOne.Panel;
import org.saddlecheck.figures.FigureTwo;
import org.saddlecheck.figures.LowRankInit;
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

    /** ε for the spectrum sweep of the linear network, small enough to resolve close modes. */
    public static final double SPECTRUM_EPSILON = 1e-10;

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

    /**
     * Figure 2: (A) width sweeps, (B) spectrum sweeps, for the linear network and linear
     * self-attention; (C) large low-rank initializations; (D) a ladder of isotropic scales. Each
     * panel holds the loss curves of its sweep and a table of drop times and plateau flatness.
     * {@code quick} keeps the linear panels only, with fewer values (for tests).
     */
    public static ObjectNode figureTwo(boolean quick) {
        ObjectNode root = header("2", "Width, spectrum and initialization: loss curves and drop"
                + " times of the linear network and linear self-attention");
        ArrayNode out = root.putArray("panels");
        int[] widths = quick ? new int[] {10, 50} : new int[] {5, 10, 20, 50, 100};
        double[] kappas = quick ? new double[] {0, 2} : new double[] {0, 0.5, 1, 2};
        List<Sweep> a = new java.util.ArrayList<>();
        for (int h : widths) {
            a.add(new Sweep("H = " + h, FigureTwo.linearWidth(h, LOG_EPSILON, SEED)));
        }
        panel(out, "2A-linear", "Width sweep, linear network", a);
        List<Sweep> b = new java.util.ArrayList<>();
        for (double k : kappas) {
            b.add(new Sweep("κ = " + ManifoldGradientClaims.number(k),
                    FigureTwo.linearSpectrum(k, SPECTRUM_EPSILON, SEED)));
        }
        panel(out, "2B-linear", "Spectrum sweep, linear network", b);
        List<Sweep> c = new java.util.ArrayList<>();
        c.add(new Sweep("rank 1 + ε = 1e-6", LowRankInit.scenario(1, LOG_EPSILON, SEED)));
        c.add(new Sweep("rank 2, ε = 0", LowRankInit.scenario(2, 0, SEED)));
        panel(out, "2C", "Large low-rank initialization", c);
        List<Sweep> d = new java.util.ArrayList<>();
        double[] ladder = quick ? new double[] {1e-8, 1e-4} : new double[] {1e-8, 1e-6, 1e-4, 1e-2};
        for (double e : ladder) {
            d.add(new Sweep("ε = " + ManifoldGradientClaims.number(e),
                    FigureOne.scenario(Panel.LINEAR_FC, e, SEED)));
        }
        panel(out, "2D", "Isotropic initialization scale", d);
        if (!quick) {
            List<Sweep> ah = new java.util.ArrayList<>();
            for (int h : new int[] {2, 5, 10, 20}) {
                ah.add(new Sweep("heads = " + h, FigureTwo.attentionHeads(h, ATTENTION_EPSILON,
                        SEED)));
            }
            panel(out, "2A-attention", "Width sweep, linear self-attention", ah);
            List<Sweep> ak = new java.util.ArrayList<>();
            for (double k : kappas) {
                ak.add(new Sweep("κ = " + ManifoldGradientClaims.number(k),
                        FigureTwo.attentionSpectrum(k, ATTENTION_EPSILON, SEED)));
            }
            panel(out, "2B-attention", "Spectrum sweep, linear self-attention", ak);
        }
        return root;
    }

    /** One run of a sweep and its label. */
    record Sweep(String label, Scenario scenario) {
    }

    private static void panel(ArrayNode out, String id, String title, List<Sweep> sweep) {
        ObjectNode panel = out.addObject();
        panel.put("id", id);
        ArrayNode scenarios = panel.putArray("scenarios");
        List<Figure.Series> curves = new java.util.ArrayList<>();
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (Sweep s : sweep) {
            StagedRun run = StagedRun.of(s.scenario());
            scenarios.add(ScenarioJson.toTree(s.scenario()));
            curves.add(new Figure.Series(s.label(), run.trajectory().times(),
                    FigureOneClaims.positive(run.trajectory().losses())));
            double[] times = run.stages().dropTimes();
            StringBuilder drops = new StringBuilder();
            for (double t : times) {
                drops.append(drops.length() == 0 ? "" : ", ").append(ManifoldGradientClaims.number(t));
            }
            StringBuilder flat = new StringBuilder();
            for (org.saddlecheck.analysis.Stages.Plateau p : run.stages().plateaus()) {
                flat.append(flat.length() == 0 ? "" : ", ")
                        .append(ManifoldGradientClaims.number(p.flatness()));
            }
            rows.add(List.of(s.label(), times.length, drops.toString(), flat.toString(),
                    java.util.Arrays.toString(run.plateauWidths())));
        }
        panel.set("figures", figures(List.of(
                new Figure.Lines(title + ": loss", "$t$", "$L$", false, true, curves, List.of(),
                        List.of()),
                new Figure.Table(title + ": stages", List.of("run", "drops", "drop times",
                        "plateau flatness", "effective width per plateau"), rows))));
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
