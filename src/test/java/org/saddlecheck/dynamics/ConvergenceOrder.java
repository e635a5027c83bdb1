package org.saddlecheck.dynamics;

import java.util.function.DoubleFunction;

/**
 * The observed order of a fixed-step method against the exact solution: the worst relative error
 * in the mode strengths w_k over snapshots every quarter time unit (exact step times for steps
 * 2^−j ≤ ¼, so both step sizes are compared at the same times), at step h and at h/2, and
 * p_obs = log₂(E(h) / E(h/2)).
 *
 * <p>Band: if E(h) = C hᵖ (1 + κh + O(h²)), then p_obs = p + log₂((1 + κh)/(1 + κh/2)) ≈
 * p + κh / (2 ln 2). A band of ±0.3 around p therefore accepts a next-order term up to
 * 2 ln 2 · 0.3 ≈ 40% of the leading one at the coarser step: "the asymptotic range". The callers pick
 * steps for which their estimate of κh is a few percent, so the band has a wide margin, yet a
 * method of the wrong order (p ± 1) falls outside it.
 */
final class ConvergenceOrder {
    static final double BAND = 0.3;

    private ConvergenceOrder() {
    }

    /** The worst relative error of w_k against the closed form at the snapshot times. */
    static double worstError(Integrator method, WhitenedModes m, double w0, double end) {
        SaxeSolution oracle = m.oracle(w0);
        double[] times = new double[(int) Math.floor(4 * end)];
        for (int i = 0; i < times.length; i++) {
            times[i] = (i + 1) * 0.25;
        }
        Trajectory run = method.run(m.objective(), m.alignedTheta(w0),
                RunPlan.until(end).withSnapshots(times));
        double worst = 0;
        for (Trajectory.Snapshot s : run.snapshots()) {
            worst = Math.max(worst, m.relativeError(oracle, s.time(), s.theta()));
        }
        return worst;
    }

    /** The errors E(h) and E(h/2) of the method built by {@code method} for a step. */
    static double[] errors(DoubleFunction<Integrator> method, double h, WhitenedModes m, double w0,
            double end) {
        return new double[] {worstError(method.apply(h), m, w0, end),
            worstError(method.apply(h / 2), m, w0, end)};
    }

    /** log₂(E(h) / E(h/2)). */
    static double observed(double[] errors) {
        return Math.log(errors[0] / errors[1]) / Math.log(2);
    }
}
