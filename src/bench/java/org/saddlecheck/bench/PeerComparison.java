package org.saddlecheck.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.SaddlecheckException;
import org.saddlecheck.analysis.StageDetector;
import org.saddlecheck.dynamics.DormandPrince54Flow;
import org.saddlecheck.dynamics.GradientFlow;
import org.saddlecheck.dynamics.Integrator;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.Objective;

/**
 * This project's side of the comparison with other tools (bench/run.sh). Commands:
 * <ul>
 *   <li>{@code export DIR}: for each scenario of {@link PeerScenario}, writes its data blocks, targets
 *       and θ(0) as CSV, its thresholds, and the drop times of a reference run at relative
 *       tolerance {@value #REFERENCE_TOLERANCE}.</li>
 *   <li>{@code search DIR NAME}: runs the method of property {@code saddlecheck.method} at relative
 *       tolerances 1e-1, 3e-2, …, 1e-10 and reports the loosest whose drop times are all within 1%
 *       of the reference, timed inside the process after one warm-up run at the same tolerance
 *       (the mean of up to 20 runs within about a second).</li>
 *   <li>{@code once DIR NAME r}: one run at tolerance r with no warm-up (for whole-process times).</li>
 *   <li>{@code curve DIR NAME}: the stages and loss curve of a scenario (to choose its horizon).</li>
 * </ul>
 * Each result is one JSON line on standard output.
 */
public final class PeerComparison {
    /** Tight enough that its drop times are 10⁻⁴ relative of those at 10⁻¹² (measured on linear). */
    static final double REFERENCE_TOLERANCE = 1e-11;
    static final double ACCURACY = 0.01;
    /**
     * The method of the timed runs (property saddlecheck.method): {@code dop853} for
     * {@link GradientFlow}, {@code dp54} for {@link DormandPrince54Flow}.
     */
    /** The most runs averaged for the in-process time of the chosen setting. */
    static final int TIMED_REPEATS = 20;
    static final String METHOD = System.getProperty("saddlecheck.method", "dop853");

    private PeerComparison() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "export":
                for (String name : PeerScenario.NAMES) {
                    export(dir.resolve(name), PeerScenario.of(name));
                }
                break;
            case "curve":
                curve(PeerScenario.of(args[2]));
                break;
            case "search":
                search(dir.resolve(args[2]), args[2]);
                break;
            case "once":
                once(dir.resolve(args[2]), args[2], Double.parseDouble(args[3]));
                break;
            default:
                throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** Prints the stages and about 60 points of the loss curve at r = 1e-8 to the horizon. */
    private static void curve(PeerScenario x) {
        Trajectory t = new GradientFlow(1e-8).run(x.objective(), x.theta0, RunPlan.until(x.horizon));
        System.out.println(StageDetector.detect(t.times(), t.losses()));
        for (int i = 0; i < t.size(); i += Math.max(1, t.size() / 60)) {
            System.out.printf(Locale.ROOT, "%.4g %.4g%n", t.time(i), t.loss(i));
        }
        System.out.println("gradient evaluations " + t.gradientEvaluations());
    }

    private static void export(Path dir, PeerScenario s) throws IOException {
        Files.createDirectories(dir);
        long start = System.nanoTime();
        s.thresholdsFromReference(REFERENCE_TOLERANCE);
        Trajectory ref = new GradientFlow(REFERENCE_TOLERANCE).run(s.objective(), s.theta0, s.plan());
        double[] drops = s.crossings(ref.times(), ref.losses());
        for (int b = 0; b < s.blocks.length; b++) {
            write(dir.resolve("X" + b + ".csv"), s.blocks[b]);
        }
        write(dir.resolve("Y.csv"), s.data.Y());
        Files.writeString(dir.resolve("theta0.csv"), line(s.theta0));
        Files.writeString(dir.resolve("thresholds.csv"), line(s.thresholds));
        Files.writeString(dir.resolve("reference.csv"), line(drops));
        String kind = s.network.kind();
        Files.writeString(dir.resolve("meta.txt"), String.format(Locale.ROOT,
                "kind=%s%nwidth=%d%nusize=%d%nvsize=%d%nhorizon=%.17g%nreference_evaluations=%d%n"
                + "thresholds_from=%s%n", kind, s.network.width(), s.network.uSize(),
                s.network.vSize(), s.horizon,
                ref.gradientEvaluations(), s.thresholdSource));
        System.out.printf(Locale.ROOT, "{\"scenario\":\"%s\",\"exported\":true,\"drops\":%d,"
                + "\"reference_s\":%.2f,\"last_drop\":%.6g}%n", s.name, drops.length,
                (System.nanoTime() - start) * 1e-9, drops[drops.length - 1]);
    }

    private static PeerScenario load(Path dir, String name) throws IOException {
        PeerScenario s = PeerScenario.of(name);
        s.thresholds = read(dir.resolve("thresholds.csv"));
        return s;
    }

    private static void search(Path dir, String name) throws IOException {
        PeerScenario s = load(dir, name);
        double[] reference = read(dir.resolve("reference.csv"));
        double[] ladder = {1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5, 3e-6, 1e-6, 3e-7,
            1e-7, 3e-8, 1e-8, 1e-9,
            1e-10};
        StringBuilder tried = new StringBuilder();
        for (double r : ladder) {
            Result warm = run(s, r, reference);
            tried.append(String.format(Locale.ROOT, "%s[%.0e,%.4g]", tried.length() == 0 ? "" : ",",
                    r, warm.error));
            if (warm.error <= ACCURACY) {
                Result timed = run(s, r, reference, TIMED_REPEATS);
                System.out.println(timed.json(name, r, tried.toString()));
                return;
            }
        }
        System.out.println("{\"scenario\":\"" + name + "\",\"failed\":true}");
    }

    private static void once(Path dir, String name, double r) throws IOException {
        PeerScenario s = load(dir, name);
        Result one = run(s, r, read(dir.resolve("reference.csv")));
        System.out.println(one.json(name, r, ""));
    }

    /** CPU seconds of the whole process (all threads: JIT and GC included). */
    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() * 1e-9;
    }

    private record Result(double seconds, double cpu, double threadCpu, long evaluations, long steps,
            long losses, double error) {
        String json(String name, double r, String tried) {
            return String.format(Locale.ROOT, "{\"scenario\":\"%s\",\"method\":\"saddlecheck-" + METHOD + "\","
                    + "\"setting\":%.3g,\"seconds\":%.6f,\"cpu\":%.6f,\"thread_cpu\":%.6f,"
                    + "\"gradients\":%d,\"steps\":%d,"
                    + "\"losses\":%d,\"records_per_decade\":%d,"
                    + "\"error\":%.6g,\"tried\":[%s]}", name, r, seconds, cpu, threadCpu, evaluations, steps, losses,
                    PeerScenario.RECORDS_PER_DECADE, error,
                    tried);
        }
    }

    /** One run, timed alone (search runs and whole-process runs). */
    private static Result run(PeerScenario s, double r, double[] reference) {
        return run(s, r, reference, 1);
    }

    /**
     * The mean over {@code repeats} runs, or over as many as fit in about a second of wall time
     * (at least one) when the first run is short: the process CPU clock of the JVM advances in
     * steps of about 10 ms, too coarse for runs of a few milliseconds. The objective is built
     * inside the timed region: for the moment forms that is the accumulation of the moments and a
     * Cholesky factorization, work the peers do not do.
     */
    private static Result run(PeerScenario s, double r, double[] reference, int repeats) {
        RunPlan plan = s.plan();
        double cpu = cpuSeconds();
        long thread = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Trajectory t;
        int done = 0;
        try {
            do {
                Objective objective = s.fastObjective();
                Integrator method = METHOD.equals("dp54") ? new DormandPrince54Flow(r)
                        : new GradientFlow(r);
                t = method.run(objective, s.theta0, plan);
                done++;
            } while (done < repeats && System.nanoTime() - start < 1_000_000_000L);
        } catch (SaddlecheckException e) {
            System.err.println("r = " + r + ": " + e.getMessage());
            return new Result(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, Double.POSITIVE_INFINITY);
        }
        double seconds = (System.nanoTime() - start) * 1e-9 / done;
        cpu = (cpuSeconds() - cpu) / done;
        double threadCpu = (java.lang.management.ManagementFactory.getThreadMXBean()
                .getCurrentThreadCpuTime() - thread) * 1e-9 / done;
        double error = PeerScenario.worstRelativeError(s.crossings(t.times(), t.losses()), reference);
        return new Result(seconds, cpu, threadCpu, t.gradientEvaluations(), t.steps(), t.lossEvaluations(),
                error);
    }

    private static void write(Path file, DMatrixRMaj m) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < m.numRows; i++) {
            double[] row = Arrays.copyOfRange(m.data, i * m.numCols, (i + 1) * m.numCols);
            b.append(line(row));
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    private static String line(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.17g", v))
                .collect(Collectors.joining(",")) + "\n";
    }

    private static double[] read(Path file) throws IOException {
        return Arrays.stream(Files.readString(file).trim().split(",")).mapToDouble(Double::parseDouble)
                .toArray();
    }
}
