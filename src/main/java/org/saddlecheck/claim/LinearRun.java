package org.saddlecheck.claim;

import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.analysis.Measures;
import org.saddlecheck.analysis.ModeStrengths;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.ResolvedScenario;
import org.saddlecheck.scenario.ScenarioResolver;

/**
 * One gradient-flow run of a two-layer linear network on whitened data, measured in the mode picture
 * of the paper's Section 6.1 (Theorem 4): the mode strengths w_k(t) = q_kᵀ W(t) r_k at every
 * snapshot, their half-learning times (the first time w_k reaches s_k/2, found by
 * {@link Measures#firstCrossing}), and the loss at every snapshot.
 *
 * <p>Snapshots are placed where the measurements need them: 400 evenly over [0, T], plus, for each
 * mode k, a fine grid of step {@link #FINE_STEP}/s_k over a window around the predicted half-learning
 * time given by the caller. A crossing interpolated linearly between two snapshots Δt apart is off
 * by at most Δt, so the half-learning time of mode k is measured to within 2 s_k Δt = 2·FINE_STEP
 * in the units of the claims' error 2 s_k (t − t̂).
 *
 * <p>The scenario's dynamics are replaced by gradient flow with relative tolerance
 * {@link #TOLERANCE} to the end time T the caller gives.
 *
 * @param times the snapshot times, ascending
 * @param strengths strengths[j][k] = w_k at snapshot j
 * @param losses the loss at every snapshot
 * @param thetas θ at every snapshot
 * @param s the singular values of Σ_yx, descending
 * @param network the network
 * @param theta0 θ(0)
 * @param bases the modes of Σ_yx
 */
record LinearRun(double[] times, double[][] strengths, double[] losses, double[][] thetas,
        double[] s, Network network, double[] theta0, ModeStrengths.Bases bases) {

    /** Relative tolerance of the gradient flow (its error in 2 s_k t is below 10⁻⁴, see GradientFlow). */
    static final double TOLERANCE = 1e-9;
    /** The fine snapshot step in units of 1/s_k. */
    static final double FINE_STEP = 0.01;
    /** A budget of gradient evaluations: a broken or stiff flow ends as an error, not a hang. */
    static final int MAX_EVALUATIONS = 2_000_000;
    /** Evenly spaced snapshots over the whole run. */
    static final int COARSE_SNAPSHOTS = 400;

    /**
     * Runs {@code trial} to {@code endTime}, with fine snapshots over [lo_k, hi_k] for every mode k
     * (windows[k] = {lo, hi}, in time); {@code breaker} may replace the objective (tests use it to
     * break the dynamics on purpose; the claims pass the identity).
     */
    static LinearRun of(Trial trial, double endTime, double[][] windows,
            UnaryOperator<Objective> breaker) {
        ResolvedScenario r = ScenarioResolver.resolve(trial.scenario());
        ModeStrengths.Bases bases = ModeStrengths.of(statistic(r));
        double[] s = bases.s();
        TreeSet<Double> grid = new TreeSet<>();
        for (int j = 1; j <= COARSE_SNAPSHOTS; j++) {
            grid.add(endTime * j / COARSE_SNAPSHOTS);
        }
        for (int k = 0; k < windows.length; k++) {
            double step = FINE_STEP / s[k];
            for (double t = Math.max(step, windows[k][0]); t <= Math.min(endTime, windows[k][1]);
                    t += step) {
                grid.add(t);
            }
        }
        double[] snapshotTimes = grid.stream().mapToDouble(Double::doubleValue).toArray();
        Objective objective = breaker.apply(r.network().objective(r.data()));
        Trajectory trajectory = new org.saddlecheck.dynamics.GradientFlow(TOLERANCE)
                .withMaxEvaluations(MAX_EVALUATIONS)
                .run(objective, r.theta0(), r.plan().withSnapshots(snapshotTimes));
        List<Trajectory.Snapshot> snaps = trajectory.snapshots();
        int n = snaps.size() + 1;
        double[] times = new double[n];
        double[][] w = new double[n][];
        double[] losses = new double[n];
        double[][] thetas = new double[n][];
        DMatrixRMaj Q = bases.Q();
        DMatrixRMaj R = bases.R();
        thetas[0] = r.theta0();
        for (int j = 0; j < n; j++) {
            if (j > 0) {
                times[j] = snaps.get(j - 1).time();
                thetas[j] = snaps.get(j - 1).theta();
            }
            w[j] = ModeStrengths.strengths(ModeStrengths.W(r.network(), thetas[j]), Q, R);
            losses[j] = objective.loss(thetas[j]);
        }
        return new LinearRun(times, w, losses, thetas, s, r.network(), r.theta0(), bases);
    }

    /**
     * The matrix whose modes the run measures, the one that plays Σ_yx in W = Σ_i v_i u_iᵀ:
     * Σ_yx itself for a fully connected network, and for a convolutional network (v_i ∈ R^{N_p},
     * u_i ∈ R^k, scalar output Σ_p (W x_p)_p) the patch statistic T_pj = (1/P) Σ_μ y_μ x_μ[p·k + j],
     * which is the 1 × N_p·k matrix Σ_yx read row by row into N_p × k. With whitened inputs
     * ((1/P) XᵀX = I) the loss of the convolutional network is ½‖T − W‖²_F + const, the fully connected
     * loss with Σ_yx replaced by T, so the whole mode picture carries over (see
     * {@link org.saddlecheck.task.Patches}).
     */
    static DMatrixRMaj statistic(ResolvedScenario r) {
        DMatrixRMaj sigmaYX = r.data().sigmaYX();
        Network network = r.network();
        if (network.vSize() == sigmaYX.numRows && network.uSize() == sigmaYX.numCols) {
            return sigmaYX;
        }
        int patches = network.vSize();
        int kernel = network.uSize();
        DMatrixRMaj T = new DMatrixRMaj(patches, kernel);
        for (int p = 0; p < patches; p++) {
            for (int j = 0; j < kernel; j++) {
                T.set(p, j, sigmaYX.get(0, p * kernel + j));
            }
        }
        return T;
    }

    /** w_k along the run. */
    double[] strength(int k) {
        double[] out = new double[times.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = strengths[j][k];
        }
        return out;
    }

    /** The first time w_k reaches s_k/2 (Section 6.1's half-learning time); NaN if it never does. */
    double halfTime(int k) {
        return Measures.firstTimeAtOrAbove(times, strength(k), s[k] / 2);
    }

    /** The index of the snapshot nearest to time t. */
    int nearest(double t) {
        int best = 0;
        for (int j = 1; j < times.length; j++) {
            if (Math.abs(times[j] - t) < Math.abs(times[best] - t)) {
                best = j;
            }
        }
        return best;
    }
}
