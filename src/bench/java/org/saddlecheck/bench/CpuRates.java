package org.saddlecheck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.saddlecheck.network.Objective;

/**
 * Gradient evaluations timed in thread CPU time instead of wall time, for a machine shared with
 * other jobs, where JMH's wall-clock scores mostly measure the wait for a core. For each scenario of
 * {@link PeerScenario} and each of its objectives (the sample form, and the moment form where the
 * network has one): warm-up, then the best of 7 batches of the CPU microseconds per evaluation.
 * Usage: {@code java -cp target/benchmarks.jar org.saddlecheck.bench.CpuRates [scenario …]}.
 */
public final class CpuRates {
    private CpuRates() {
    }

    public static void main(String[] args) {
        String[] names = args.length > 0 ? args : PeerScenario.NAMES;
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (String name : names) {
            PeerScenario s = PeerScenario.of(name);
            rate(name, "samples", s, s.objective(), bean);
            rate(name, "fast", s, s.fastObjective(), bean);
        }
    }

    private static void rate(String name, String form, PeerScenario s, Objective objective,
            ThreadMXBean bean) {
        double[] theta = s.theta0.clone();
        for (int j = 0; j < theta.length; j++) {
            theta[j] *= 0.1 / PeerScenario.rms(s.theta0);
        }
        double[] gradient = new double[theta.length];
        double sink = 0;
        long warm = bean.getCurrentThreadCpuTime() + 3_000_000_000L;
        int batch = 1;
        while (bean.getCurrentThreadCpuTime() < warm) {
            for (int k = 0; k < batch; k++) {
                sink += objective.lossAndGradient(theta, gradient);
            }
            batch = Math.min(batch * 2, 1 << 14);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 7; rep++) {
            long t0 = bean.getCurrentThreadCpuTime();
            for (int k = 0; k < 2000; k++) {
                sink += objective.lossAndGradient(theta, gradient);
            }
            best = Math.min(best, (bean.getCurrentThreadCpuTime() - t0) * 1e-3 / 2000);
        }
        System.out.printf(Locale.ROOT, "{\"scenario\":\"%s\",\"objective\":\"%s\","
                + "\"cpu_us_per_gradient\":%.2f,\"sink\":%.3g}%n", name, form, best, sink);
    }
}
