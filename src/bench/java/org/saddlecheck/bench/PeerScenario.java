package org.saddlecheck.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.analysis.StageDetector;
import org.saddlecheck.analysis.Stages;
import org.saddlecheck.dynamics.GradientFlow;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.SaxeSolution;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.LinearAttention;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.InContextRegression;
import org.saddlecheck.task.QuadraticTarget;
import org.saddlecheck.task.Tokens;

/**
 * The three scenarios compared against other tools, with their explicit data, θ(0) and the loss
 * thresholds whose crossing times are the "drop times" every method must reproduce:
 * <ul>
 *   <li>{@code linear}: D_in = D_out = 32, H = 128, whitened data with s_k = 1/k, ε = 1e-4. The loss
 *       is ½‖W − M‖² (Σ_xx = I), and threshold k is the loss with modes 1 … k−1 learned, mode k half
 *       learned (w_k = s_k/2) and the later ones at 0: ½ Σ_{j&gt;k} s_j² + s_k²/8. The run ends at
 *       threshold 32, the half-learning time of the slowest mode.</li>
 *   <li>{@code quadratic}: σ(z) = z², D = 16, H = 64, y = Σ_k λ_k x_k² with λ_k = 1/k, k ≤ 4,
 *       P = 400 samples (exact statistics), ε = 1e-2.</li>
 *   <li>{@code attention}: separate key and query, D = 8, 16 heads, N = 32 context tokens,
 *       P = 256 sequences, input spectrum Λ_a = 1/√(a+1), ε = 1e-2.</li>
 * </ul>
 * For the last two the thresholds are the midpoints ½(L_before + L_after) of the first three drops
 * that the stage detector finds on a tight-tolerance reference run.
 */
final class PeerScenario {
    /** Fixed seeds: every tool sees the same numbers. */
    private static final long DATA_SEED = 20251223L;
    private static final long INIT_SEED = 20251224L;

    final String name;
    final Network network;
    final Dataset data;
    final double[] theta0;
    final double horizon;
    /** Input blocks as the peers read them (X for fully connected; A and X_q for attention). */
    final DMatrixRMaj[] blocks;
    double[] thresholds;
    String thresholdSource = "theory: ½ Σ_{j>k} s_j² + s_k²/8";

    private PeerScenario(String name, Network network, Dataset data, double epsilon, double horizon,
            DMatrixRMaj[] blocks) {
        this.name = name;
        this.network = network;
        this.data = data;
        this.horizon = horizon;
        this.blocks = blocks;
        SplittableRandom random = new SplittableRandom(INIT_SEED);
        theta0 = new double[network.parameterCount()];
        for (int j = 0; j < theta0.length; j++) {
            theta0[j] = epsilon * random.nextGaussian();
        }
    }

    static final String[] NAMES = {"linear", "quadratic", "attention"};

    static PeerScenario of(String name) {
        switch (name) {
            case "linear": {
                BenchCase c = BenchCase.of("linear", "32x32x128");
                double eps = 1e-4;
                double sMin = c.s[c.s.length - 1];
                double end = 2 * SaxeSolution.asymptoticHalfLearningTime(sMin, 128, eps);
                PeerScenario p = new PeerScenario(name, c.network, c.data, eps, end,
                        new DMatrixRMaj[] {c.data.X()});
                p.thresholds = new double[c.s.length];
                for (int k = 0; k < c.s.length; k++) {
                    double rest = 0;
                    for (int j = k + 1; j < c.s.length; j++) {
                        rest += c.s[j] * c.s[j];
                    }
                    p.thresholds[k] = 0.5 * rest + c.s[k] * c.s[k] / 8;
                }
                return p;
            }
            case "quadratic": {
                QuadraticTarget q = QuadraticTarget.generate(16, 200,
                        lambdas(System.getProperty("lambda", "1,-0.6,-0.3,-0.1")), true, DATA_SEED);
                Network net = new FullyConnected(Activation.SQUARE, 16, 1, 64, false);
                return new PeerScenario(name, net, q.data(), 1e-2,
                        Double.parseDouble(System.getProperty("horizon", "300")),
                        new DMatrixRMaj[] {q.data().X()});
            }
            case "attention": {
                double[] spectrum = new double[8];
                for (int a = 0; a < 8; a++) {
                    spectrum[a] = 1 / Math.sqrt(a + 1);
                }
                InContextRegression r = InContextRegression.generate(8, 32, 256, spectrum, true,
                        DATA_SEED);
                LinearAttention net = new LinearAttention(8, 32, 16, false);
                return new PeerScenario(name, net, r.data(), 1e-2,
                        Double.parseDouble(System.getProperty("horizon", "200")), attentionBlocks(r));
            }
            default:
                throw new InvalidInputException("no peer scenario '" + name + "'");
        }
    }

    private static double[] lambdas(String list) {
        return Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** A (context means (1/N) Σ_n y_n x_n) and X_q (queries), P × D each. */
    private static DMatrixRMaj[] attentionBlocks(InContextRegression r) {
        int d = r.dimension();
        int n = r.context();
        DMatrixRMaj tokens = r.data().X();
        DMatrixRMaj A = new DMatrixRMaj(tokens.numRows, d);
        DMatrixRMaj Xq = new DMatrixRMaj(tokens.numRows, d);
        for (int mu = 0; mu < tokens.numRows; mu++) {
            int row = mu * tokens.numCols;
            for (int t = 0; t < n; t++) {
                double y = tokens.data[row + Tokens.yOffset(d, t)];
                for (int a = 0; a < d; a++) {
                    A.data[mu * d + a] += y * tokens.data[row + Tokens.xOffset(d, t) + a] / n;
                }
            }
            System.arraycopy(tokens.data, row + Tokens.queryOffset(d, n), Xq.data, mu * d, d);
        }
        return new DMatrixRMaj[] {A, Xq};
    }

    /** The root mean square of x. */
    static double rms(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return Math.sqrt(sum / x.length);
    }

    /** The sample-by-sample objective (the reference runs use it). */
    Objective objective() {
        return network.objective(data);
    }

    /**
     * The objective of the timed runs: the moment form where the network has one (the quadratic
     * network and separate-key attention, {@link org.saddlecheck.network.BilinearMomentObjective};
     * the linear network's default is already its second-moment form).
     */
    Objective fastObjective() {
        if (network instanceof FullyConnected f && f.activation() == Activation.SQUARE) {
            return f.momentObjective(data);
        }
        if (network instanceof LinearAttention a && !a.merged()) {
            return a.momentObjective(data);
        }
        return network.objective(data);
    }

    /** Log-spaced records per decade of the comparison runs (property saddlecheck.records). */
    static final int RECORDS_PER_DECADE = Integer.getInteger("saddlecheck.records",
            RunPlan.DEFAULT_POINTS_PER_DECADE);

    /**
     * Stops at the first step end whose loss is at or below the last threshold; records
     * {@link #RECORDS_PER_DECADE} per decade and at every 1% change of the loss.
     */
    RunPlan plan() {
        double last = thresholds[thresholds.length - 1];
        RunPlan defaults = RunPlan.until(horizon);
        return defaults.withStopRule((t, loss, theta) -> loss <= last)
                .withRecording(defaults.firstTime(), RECORDS_PER_DECADE, defaults.lossChange());
    }

    /** Sets the thresholds of a scenario without theoretical levels from a reference run. */
    void thresholdsFromReference(double tolerance) {
        if (thresholds != null) {
            return;
        }
        Trajectory ref = new GradientFlow(tolerance).run(objective(), theta0, RunPlan.until(horizon));
        Stages stages = new StageDetector(StageDetector.Settings.DEFAULT.withMinRelativeDepth(0.02))
                .stagesOf(ref.times(), ref.losses());
        thresholds = new double[3];
        if (stages.dropCount() >= 3) {
            thresholdSource = "midpoints of the first three detected drops";
            for (int k = 0; k < 3; k++) {
                Stages.Drop d = stages.drops().get(k);
                thresholds[k] = 0.5 * (d.levelBefore() + d.levelAfter());
            }
        } else {
            thresholdSource = "the loss fallen by 1/4, 1/2, 3/4 of L(0) - L(horizon)"
                    + " (the stage detector resolved only " + stages.dropCount() + " drops)";
            double l0 = ref.loss(0);
            double l1 = ref.finalLoss();
            for (int k = 0; k < 3; k++) {
                thresholds[k] = l0 - (k + 1) * (l0 - l1) / 4;
            }
        }
    }

    /**
     * The first times at which the loss falls to each threshold, by linear interpolation between
     * consecutive records; NaN for a threshold never reached.
     */
    double[] crossings(double[] times, double[] losses) {
        double[] out = new double[thresholds.length];
        Arrays.fill(out, Double.NaN);
        int k = 0;
        for (int i = 1; i < times.length && k < thresholds.length; i++) {
            while (k < thresholds.length && losses[i] <= thresholds[k]) {
                double l0 = losses[i - 1];
                double l1 = losses[i];
                double f = l0 == l1 ? 1 : (l0 - thresholds[k]) / (l0 - l1);
                out[k] = times[i - 1] + Math.max(0, Math.min(1, f)) * (times[i] - times[i - 1]);
                k++;
            }
        }
        return out;
    }

    /** max_k |t_k − t_k^ref| / t_k^ref, or +∞ if a drop is missing. */
    static double worstRelativeError(double[] drops, double[] reference) {
        double worst = 0;
        for (int k = 0; k < reference.length; k++) {
            double e = Math.abs(drops[k] - reference[k]) / reference[k];
            worst = Double.isNaN(e) ? Double.POSITIVE_INFINITY : Math.max(worst, e);
        }
        return worst;
    }
}
