package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.saddlecheck.SaddlecheckException;
import org.saddlecheck.analysis.StageDetector;
import org.saddlecheck.analysis.Stages;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.CriticalPoints;
import org.saddlecheck.network.Hessian;
import org.saddlecheck.network.Magnitudes;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.scenario.DataSpec;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.InitSpec;
import org.saddlecheck.scenario.NetworkSpec;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;
import org.saddlecheck.task.Dataset;

/**
 * The saddles of the paper's Section 4, by their Hessians: the origin of a linear network is a
 * strict saddle with eigenvalues ±s_k (each H times) and zeros; the origin of the quadratic
 * network and of attention is a degenerate saddle (gradient and Hessian vanish); and in a linear
 * network wide enough to fit its target, the saddle where the top k &lt; rank modes are learned,
 * balanced, has most negative Hessian eigenvalue exactly −s_{k+1}.
 *
 * <h2>The most negative eigenvalue at a rank-k saddle</h2>
 * With Σ_xx = I, L = ½‖W − Σ_yx‖² + const and W = VᵀU (rows of U, V the units). At a critical
 * point with residual Σ_yx − W = Σ_{j&gt;k} s_j q_j r_jᵀ, the second-order change along
 * (δU, δV) is ½‖δVᵀU + VᵀδU‖² − Σ_{j&gt;k} s_j (δV q_j)·(δU r_j). The first term is ≥ 0 and
 * |(δV q_j)·(δU r_j)| ≤ ½(|δV q_j|² + |δU r_j|²), so the form is ≥ −(s_{k+1}/2)‖δθ‖²: every
 * eigenvalue is ≥ −s_{k+1}. Equality: a direction in the units left free by the saddle
 * (δU = o r_{k+1}ᵀ, δV = o q_{k+1}ᵀ with o ⟂ the units' span, which exists when H &gt; k)
 * makes the first term 0 and the second −s_{k+1}|o|². So λ_min = −s_{k+1} exactly.
 */
public final class SaddleClaims {

    private SaddleClaims() {
    }

    /** The claims of this family, in catalogue order. */
    public static List<Claim> claims() {
        return List.of(linearOrigin(), degenerateOrigin(), rankSaddles(), visitedIndex());
    }

    /** Evidence: the Hessian index at the plateaus that training visits, for other networks. */
    static Claim visitedIndex() {
        return Claim.in(SaddleClaims.class, "saddle.visited-fixed-point-index")
                .trials(visitTrials())
                .regimes(t -> {
                    List<String> out = regimes(t);
                    out.add(t.scenario().network().kind().startsWith("relu") ? "type-II"
                            : "type-III");
                    return out;
                })
                .coverage(Coverage.none().require("type-II", 0.15).require("type-III", 0.15))
                .maxDiscarded(0.75)
                .check(SaddleClaims::checkVisited)
                .evidence(t -> List.of(visitTable(t)))
                .shrinkBudget(20)
                .build();
    }

    /** The origin of a linear network: eigenvalues ±s_k, H times each, and zeros. */
    static Claim linearOrigin() {
        return Claim.in(SaddleClaims.class, "saddle.linear-origin-spectrum")
                .trials(trials(List.of("linear"), 1, 4, false))
                .regimes(SaddleClaims::regimes)
                .coverage(Coverage.none().require("bias", 0.12).require("width-1", 0.05)
                        .require("wide", 0.3))
                .check(t -> checkOrigin(AnyNetwork.network(t.scenario().network()),
                        dataset(t)))
                .evidence(t -> List.of(spectrum(t)))
                .build();
    }

    /** The origin of the quadratic network and attention: gradient and Hessian vanish. */
    static Claim degenerateOrigin() {
        return Claim.in(SaddleClaims.class, "saddle.degenerate-origin")
                .trials(trials(List.of("quadratic", "attention"), 1, 4, false))
                .regimes(SaddleClaims::regimes)
                .coverage(Coverage.none().require("quadratic", 0.2).require("attention", 0.2))
                .check(t -> checkDegenerate(AnyNetwork.network(t.scenario().network()),
                        dataset(t)))
                .build();
    }

    /** A balanced rank-k saddle of a wide linear network has λ_min = −s_{k+1}. */
    static Claim rankSaddles() {
        return Claim.in(SaddleClaims.class, "saddle.linear-rank-k-most-negative-eigenvalue")
                .trials(rankTrials())
                .regimes(t -> {
                    List<String> out = regimes(t);
                    out.add(t.integer("k") == 0 ? "origin" : "learned-modes");
                    return out;
                })
                .coverage(Coverage.none().require("learned-modes", 0.3).require("origin", 0.1)
                        .require(Generators.TIED, 0.05))
                .check(t -> checkRankSaddle(AnyNetwork.network(t.scenario().network()),
                        dataset(t), t.integer("k"), (long) t.parameter("rotation")))
                .evidence(t -> List.of(spectrum(t)))
                .build();
    }

    // ---------------------------------------------------------------- trials

    /** Snapshots per run, log-spaced in time, among which plateau middles are picked. */
    private static final int SNAPSHOTS = 80;

    /**
     * ReLU (fully connected and convolutional), quadratic and attention networks with H in [2, 4],
     * θ(0) = ε·N(0, 1) with ε in [10⁻³, 10⁻²]: gradient descent (η = 0.05) to t = 80 for ReLU,
     * the flow (r = 10⁻⁹) to t = 2/ε for the others, whose plateaus last about 1/ε.
     */
    private static Gen<Trial> visitTrials() {
        Gen<NetworkSpec> networks = AnyNetwork.specs(List.of("relu", "quadratic", "attention",
                "relu-conv"), 2, 4, true);
        Gen<Long> seeds = Generators.seeds();
        Gen<Double> scales = Gen.scales(-2, -3, 1);
        return c -> {
            NetworkSpec spec = networks.draw(c);
            double epsilon = scales.draw(c);
            DataSpec data = AnyNetwork.data(spec, seeds.draw(c), 24);
            boolean relu = spec.kind().startsWith("relu");
            DynamicsSpec dynamics = relu
                    ? DynamicsSpec.gradientDescent(80, 0.05)
                    : DynamicsSpec.flow(2 / epsilon, 1e-9);
            return Trial.of(new Scenario(spec, data, InitSpec.gaussian(epsilon, seeds.draw(c)),
                    dynamics));
        };
    }

    private static Gen<Trial> trials(List<String> kinds, int fewest, int most, boolean bias) {
        Gen<NetworkSpec> networks = AnyNetwork.specs(kinds, fewest, most, true);
        Gen<Long> seeds = Generators.seeds();
        return c -> {
            NetworkSpec spec = networks.draw(c);
            DataSpec data = AnyNetwork.data(spec, seeds.draw(c), 12);
            return Trial.of(new Scenario(spec, data, InitSpec.gaussian(1, 0), null));
        };
    }

    /**
     * Linear networks without bias, D_in and D_out in [2, 3], whitened data with a generated
     * spectrum of r modes, H in [r, r + 2] (wide enough to fit), k in [1, r − 1] (k = 0, the
     * origin, with probability 1/5 and whenever r = 1).
     */
    private static Gen<Trial> rankTrials() {
        Gen<Integer> dims = Gen.integers(2, 3);
        Gen<Long> seeds = Generators.seeds();
        return c -> {
            int dIn = dims.draw(c);
            int dOut = dims.draw(c);
            double[] s = Generators.spectra(Math.min(dIn, dOut)).draw(c);
            int h = s.length + Gen.integers(0, 2).draw(c);
            NetworkSpec spec = new NetworkSpec("linear", h, dIn, dOut, false, 0, 0, 0, 0);
            DataSpec data = DataSpec.generated(DataSpec.WHITENED, seeds.draw(c), dIn + 8, s);
            Trial t = Trial.of(new Scenario(spec, data, InitSpec.gaussian(1, 0), null));
            int k = s.length > 1 && c.flag(0.8) ? Gen.integers(1, s.length - 1).draw(c) : 0;
            return t.with("k", k)
                    .with("rotation", seeds.draw(c));
        };
    }

    private static List<String> regimes(Trial t) {
        NetworkSpec n = t.scenario().network();
        List<String> out = new ArrayList<>();
        out.add(n.kind());
        if (n.bias()) {
            out.add("bias");
        }
        out.add(n.width() == 1 ? "width-1" : "wide");
        double[] s = t.scenario().data().spectrum();
        if (s != null && n.kind().equals("linear")) {
            out.addAll(Generators.spectrumRegimes(s, n.inputs(), n.outputs()));
        }
        return out;
    }

    private static Dataset dataset(Trial t) {
        return AnyNetwork.dataset(t.scenario().data(), t.scenario().network());
    }

    // ---------------------------------------------------------------- checks

    /** One visited plateau: its middle time, loss, gradient norm, λ_min and index. */
    record Visit(double time, double loss, double gradient, double lowest, int index) {
    }

    /**
     * Runs the trial, finds its plateaus after the first (the first is the origin) with the stage
     * detector, and at the snapshot nearest each plateau's middle computes ‖∇L‖ and the Hessian's
     * eigenvalues. The index counts eigenvalues below −τ, τ = 10⁻⁶‖H‖_F plus the round-off bound
     * of {@link #eigenvalueError} (central differences of a non-polynomial loss have a truncation
     * error of order ε^{2/3}‖H‖ that the round-off bound does not cover). Not asserted.
     */
    static List<Visit> visits(Trial t) {
        Network network = AnyNetwork.network(t.scenario().network());
        Dataset data = dataset(t);
        DynamicsSpec d = t.scenario().dynamics();
        double[] times = new double[SNAPSHOTS];
        for (int k = 0; k < SNAPSHOTS; k++) {
            times[k] = d.endTime() * Math.pow(1e-3, 1 - (k + 1.0) / SNAPSHOTS);
        }
        double[] theta0 = ScenarioResolver.initialTheta(
                t.scenario().init(), network.parameterCount());
        Trajectory run;
        try {
            run = ScenarioResolver.integrator(d).run(
                    network.objective(data), theta0,
                    RunPlan.until(d.endTime()).withSnapshots(times));
        } catch (SaddlecheckException e) {
            return null;
        }
        Stages stages =
                StageDetector.detect(run);
        List<Visit> out = new ArrayList<>();
        List<Stages.Plateau> plateaus = stages.plateaus();
        for (int p = 1; p < plateaus.size(); p++) {
            double middle = 0.5 * (plateaus.get(p).start() + plateaus.get(p).end());
            Trajectory.Snapshot nearest = null;
            for (Trajectory.Snapshot s : run.snapshots()) {
                if (nearest == null
                        || Math.abs(s.time() - middle) < Math.abs(nearest.time() - middle)) {
                    nearest = s;
                }
            }
            if (nearest == null) {
                continue;
            }
            double[] theta = nearest.theta();
            Objective f = network.objective(data);
            double[] g = new double[theta.length];
            double loss = f.lossAndGradient(theta, g);
            DMatrixRMaj H = Hessian.of(f, theta);
            double[] lambda = Hessian.eigenvalues(H);
            double tau = 1e-6 * NormOps_DDRM.normF(H) + eigenvalueError(network, data, theta, H);
            out.add(new Visit(nearest.time(), loss, NormOps_DDRM.normF(new DMatrixRMaj(g)),
                    lambda[0], Hessian.index(lambda, tau)));
        }
        return out;
    }

    private static Outcome checkVisited(Trial t) {
        List<Visit> visits = visits(t);
        if (visits == null) {
            return Outcome.discard("the run failed (divergence or a stalled step)");
        }
        if (visits.isEmpty()) {
            return Outcome.discard("the run visited no plateau after the first");
        }
        StringBuilder sb = new StringBuilder();
        int largest = 0;
        for (Visit v : visits) {
            largest = Math.max(largest, v.index());
            sb.append(String.format(Locale.ROOT, " t = %s: L = %s, ‖∇L‖ = %s, λ_min = %s, index %d;",
                    ManifoldGradientClaims.number(v.time()), ManifoldGradientClaims.number(v.loss()),
                    ManifoldGradientClaims.number(v.gradient()),
                    ManifoldGradientClaims.number(v.lowest()), v.index()));
        }
        int dim = AnyNetwork.network(t.scenario().network()).parameterCount();
        return Outcome.atMost(largest, dim, "Plateaus visited by a " + t.scenario().network().kind()
                + " network (H = " + t.scenario().network().width() + "), measured, not asserted:"
                + sb);
    }

    private static Figure visitTable(Trial t) {
        List<Visit> visits = visits(t);
        List<List<Object>> rows = new ArrayList<>();
        if (visits != null) {
            for (Visit v : visits) {
                rows.add(List.of(v.time(), v.loss(), v.gradient(), v.lowest(), v.index()));
            }
        }
        return new Figure.Table("Hessian at the plateaus the run visited", List.of("time $t$",
                "$L$", "$\\|\\nabla L\\|$", "$\\lambda_{\\min}$", "index"), rows);
    }

    /**
     * At θ = 0 the computed Hessian's sorted eigenvalues against ±s_k(C), each H times, and
     * zeros, with C = (1/P) Yᵀ X̃ computed from the data (the bias column included), within
     * {@link #eigenvalueError}.
     */
    static Outcome checkOrigin(Network network, Dataset data) {
        double[] theta = new double[network.parameterCount()];
        double[] s = singularValues(crossMoment(network, data));
        double[] predicted = new double[theta.length];
        int k = 0;
        for (int i = 0; i < network.width(); i++) {
            for (double sk : s) {
                predicted[k++] = sk;
                predicted[k++] = -sk;
            }
        }
        Arrays.sort(predicted);
        DMatrixRMaj H = Hessian.of(network.objective(data), theta);
        double[] lambda = Hessian.eigenvalues(H);
        double worst = 0;
        for (int j = 0; j < lambda.length; j++) {
            worst = Math.max(worst, Math.abs(lambda[j] - predicted[j]));
        }
        double tolerance = eigenvalueError(network, data, theta, H);
        return Outcome.within(worst, 0, tolerance, String.format(Locale.ROOT,
                "At θ = 0 of a linear network (D̃ = %d, D_out = %d, H = %d), the Hessian's"
                        + " eigenvalues differ from ±s_k (s = %s, each H times) and zeros by at most"
                        + " %s (bound %s).", network.uSize(), network.outputSize(), network.width(),
                Arrays.toString(round(s)), ManifoldGradientClaims.number(worst),
                ManifoldGradientClaims.number(tolerance)));
    }

    /**
     * At θ = 0 of the quadratic network or attention, the gradient and every entry of the
     * difference Hessian must be exactly 0: every term of ∇L has a factor v_i or σ'(u_iᵀx) = 2u_iᵀx
     * (attention: v_i, k_i or q_i) that is exactly 0 at θ = 0 and stays 0 when one coordinate is
     * moved by ±h, or (the quadratic's ∂L/∂v_i = (1/P) Σ (hx)² r) is bitwise the same at +h and −h.
     */
    static Outcome checkDegenerate(Network network, Dataset data) {
        double[] theta = new double[network.parameterCount()];
        Objective f = network.objective(data);
        double[] g = new double[theta.length];
        f.lossAndGradient(theta, g);
        double largest = 0;
        for (double x : g) {
            largest = Math.max(largest, Math.abs(x));
        }
        DMatrixRMaj H = Hessian.of(f, theta);
        double hessian = CommonOps_DDRM.elementMaxAbs(H);
        double worst = Math.max(largest, hessian);
        return Outcome.within(worst, 0, 0, String.format(Locale.ROOT, "At θ = 0 of a %s network"
                + " (H = %d), the largest gradient entry is %s and the largest Hessian entry %s.",
                network.kind(), network.width(), ManifoldGradientClaims.number(largest),
                ManifoldGradientClaims.number(hessian)));
    }

    /**
     * At the balanced rank-k critical point U = O diag(√s_1..k) R_kᵀ, V = O diag(√s_1..k) Q_kᵀ
     * (O an H × k matrix with orthonormal columns from the seed, Σ_yx = Q diag(s) Rᵀ computed
     * from the data), the smallest Hessian eigenvalue against −s_{k+1}, within
     * {@link #eigenvalueError}.
     */
    static Outcome checkRankSaddle(Network network, Dataset data, int k, long rotation) {
        DMatrixRMaj C = crossMoment(network, data);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(C.numRows, C.numCols, true, true, false);
        svd.decompose(C.copy());
        DMatrixRMaj Q = svd.getU(null, false);
        DMatrixRMaj R = svd.getV(null, false);
        double[] s = svd.getSingularValues();
        Integer[] order = new Integer[s.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
        DMatrixRMaj O = orthonormalColumns(network.width(), k, rotation);
        double[] theta = new double[network.parameterCount()];
        for (int i = 0; i < network.width(); i++) {
            for (int m = 0; m < k; m++) {
                int j = order[m];
                double scale = O.get(i, m) * Math.sqrt(s[j]);
                for (int d = 0; d < network.uSize(); d++) {
                    theta[network.uOffset(i) + d] += scale * R.get(d, j);
                }
                for (int d = 0; d < network.vSize(); d++) {
                    theta[network.vOffset(i) + d] += scale * Q.get(d, j);
                }
            }
        }
        double predicted = -s[order[k]];
        DMatrixRMaj H = Hessian.of(network.objective(data), theta);
        double[] lambda = Hessian.eigenvalues(H);
        double tolerance = eigenvalueError(network, data, theta, H);
        int index = Hessian.index(lambda, tolerance);
        return Outcome.within(lambda[0], predicted, tolerance, String.format(Locale.ROOT,
                "At the balanced saddle of a linear network (D_in = %d, D_out = %d, H = %d) with the"
                        + " top %d of %d modes learned, λ_min = %s against −s_{k+1} = %s (bound %s);"
                        + " index %d.", network.inputSize(), network.outputSize(), network.width(), k,
                s.length, ManifoldGradientClaims.number(lambda[0]),
                ManifoldGradientClaims.number(predicted), ManifoldGradientClaims.number(tolerance),
                index));
    }

    /**
     * The bound on |λ̃ − λ| for the Hessian of {@link Hessian#of(Objective, double[])} at θ,
     * where the gradient is a polynomial of degree ≤ 2 along every coordinate (linear networks:
     * L is quadratic in each single weight), so central differences have no truncation error.
     * Entry (k, j) is (g_k(θ + h e_j) − g_k(θ − h e_j))/(2h); each g_k is off by at most its
     * {@link Magnitudes} bound δ_k, and the quotient rounds twice more, so
     * |E_kj| ≤ (δ_k(θ + h e_j) + δ_k(θ − h e_j))/(2h) + γ_3|H_kj|; symmetrising does not increase
     * the larger of E_kj, E_jk. By Weyl's inequality the eigenvalues move by at most ‖E‖_F, and
     * the symmetric eigensolver (backward stable) adds at most γ_{10n}‖H‖_F.
     */
    static double eigenvalueError(Network network, Dataset data, double[] theta, DMatrixRMaj H) {
        int n = theta.length;
        double[] point = theta.clone();
        DMatrixRMaj E = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            double h = Hessian.STEP_FACTOR * Math.max(Math.abs(theta[j]), 1.0);
            h = (theta[j] + h) - theta[j];
            point[j] = theta[j] + h;
            Magnitudes up = Magnitudes.of(network, data, point);
            point[j] = theta[j] - h;
            Magnitudes down = Magnitudes.of(network, data, point);
            point[j] = theta[j];
            for (int k = 0; k < n; k++) {
                E.set(k, j, (up.entry(k) + down.entry(k)) / (2 * h)
                        + Magnitudes.gamma(3) * Math.abs(H.get(k, j)));
            }
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                double e = Math.max(E.get(k, j), E.get(j, k));
                sum += e * e;
            }
        }
        return Math.sqrt(sum) + Magnitudes.gamma(10 * n) * NormOps_DDRM.normF(H);
    }

    /** C = (1/P) Yᵀ X̃ (X̃ = X with a column of ones when the network has a bias). */
    static DMatrixRMaj crossMoment(Network network, Dataset data) {
        DMatrixRMaj X = data.X();
        DMatrixRMaj Y = data.Y();
        int p = X.numRows;
        DMatrixRMaj C = new DMatrixRMaj(Y.numCols, network.uSize());
        for (int a = 0; a < Y.numCols; a++) {
            for (int b = 0; b < network.uSize(); b++) {
                double sum = 0;
                for (int mu = 0; mu < p; mu++) {
                    sum += Y.get(mu, a) * (b < X.numCols ? X.get(mu, b) : 1);
                }
                C.set(a, b, sum / p);
            }
        }
        return C;
    }

    private static double[] singularValues(DMatrixRMaj C) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(C.numRows, C.numCols, false, false, true);
        svd.decompose(C.copy());
        return svd.getSingularValues().clone();
    }

    /** An H × k matrix with orthonormal columns: the Q of a seeded Gaussian matrix. */
    private static DMatrixRMaj orthonormalColumns(int h, int k, long seed) {
        if (k == 0) {
            return new DMatrixRMaj(h, 0);
        }
        SplittableRandom r = new SplittableRandom(seed);
        DMatrixRMaj G = new DMatrixRMaj(h, k);
        for (int a = 0; a < G.data.length; a++) {
            G.data[a] = CriticalPoints.gaussian(r);
        }
        // Modified Gram–Schmidt on the columns (k ≤ h ≤ 5, well conditioned with probability 1).
        for (int c = 0; c < k; c++) {
            for (int b = 0; b < c; b++) {
                double dot = 0;
                for (int a = 0; a < h; a++) {
                    dot += G.get(a, b) * G.get(a, c);
                }
                for (int a = 0; a < h; a++) {
                    G.add(a, c, -dot * G.get(a, b));
                }
            }
            double norm = 0;
            for (int a = 0; a < h; a++) {
                norm += G.get(a, c) * G.get(a, c);
            }
            norm = Math.sqrt(norm);
            for (int a = 0; a < h; a++) {
                G.set(a, c, G.get(a, c) / norm);
            }
        }
        return G;
    }

    private static double[] round(double[] s) {
        double[] out = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            out[k] = Math.round(s[k] * 1e4) / 1e4;
        }
        return out;
    }

    // ---------------------------------------------------------------- evidence

    /** The computed Hessian eigenvalues at θ = 0. */
    private static Figure spectrum(Trial t) {
        Network network = AnyNetwork.network(t.scenario().network());
        DMatrixRMaj H = Hessian.of(network.objective(dataset(t)),
                new double[network.parameterCount()]);
        double[] lambda = Hessian.eigenvalues(H);
        double[] index = new double[lambda.length];
        for (int k = 0; k < index.length; k++) {
            index[k] = k + 1;
        }
        return new Figure.Scatter("Hessian eigenvalues at $\\theta = 0$", "rank", "$\\lambda$",
                false, false, false, List.of(new Figure.Series("eigenvalues", index, lambda)));
    }
}
