package org.saddlecheck.network;

import java.util.Arrays;
import java.util.EnumSet;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;

/**
 * The invariant manifolds of the paper's Theorem 3 (Section 5), how far θ is from each, and the
 * merges that implement the same map with one unit fewer once θ is on one:
 * <ul>
 *   <li>(i) {@link Kind#EQUAL_UNITS}, any φ: θ_i = θ_j. Merge: drop θ_j, v_i ← v_i + v_j
 *       (= 2v_i on the manifold).</li>
 *   <li>(ii) {@link Kind#ZERO_UNIT}, φ with a zero element: θ_i = 0. Merge: drop θ_i.</li>
 *   <li>(iii) {@link Kind#PROPORTIONAL_UNITS}, φ homogeneous of degree 1: θ_i = γ θ_j (u and v
 *       scaled together; γ ≥ 0 when φ is only positively homogeneous). Then
 *       φ(γu_j) γv_j = γ² φ(u_j) v_j, so the merge drops θ_i and sets v_j ← (1 + γ²) v_j. For a
 *       degree p ≠ 1 the gradients of the two units are γ^p-, not γ-proportional, and the manifold
 *       is not invariant.</li>
 *   <li>(iv) {@link Kind#LINEAR_DEPENDENCE}, φ linear in u: θ_i = Σ_{j≠i} γ_j θ_j. Then
 *       φ(u_i) v_i = Σ_j φ(u_j) γ_j v_i, so the merge drops θ_i and sets v_j ← v_j + γ_j v_i;
 *       only u_i = Σ γ_j u_j is needed for that.</li>
 * </ul>
 * Distances are relative to ‖θ‖ (Euclidean), so they compare across scales; θ = 0 lies on every
 * manifold and has distance 0. Which manifolds apply is derived from {@link PhiTraits} alone.
 */
public final class Manifolds {

    /** The four invariant manifolds of Theorem 3. */
    public enum Kind {
        /** (i) two equal units. */
        EQUAL_UNITS,
        /** (ii) a zero unit. */
        ZERO_UNIT,
        /** (iii) two proportional units. */
        PROPORTIONAL_UNITS,
        /** (iv) linearly dependent units. */
        LINEAR_DEPENDENCE;

        /** Whether Theorem 3 makes this manifold invariant for φ with these traits. */
        public boolean appliesTo(PhiTraits traits) {
            return switch (this) {
                case EQUAL_UNITS -> true;
                case ZERO_UNIT -> traits.zeroElement();
                case PROPORTIONAL_UNITS -> traits.homogeneousOfDegreeOne();
                case LINEAR_DEPENDENCE -> traits.linear();
            };
        }
    }

    private Manifolds() {
    }

    /** The manifolds that are invariant for φ with these traits. */
    public static EnumSet<Kind> applicable(PhiTraits traits) {
        EnumSet<Kind> set = EnumSet.noneOf(Kind.class);
        for (Kind k : Kind.values()) {
            if (k.appliesTo(traits)) {
                set.add(k);
            }
        }
        return set;
    }

    /** ‖θ_i − θ_j‖ / ‖θ‖. */
    public static double equalDistance(Network network, double[] theta, int i, int j) {
        checkUnits(network, theta, i, j);
        double sum = 0;
        int s = network.unitSize();
        for (int k = 0; k < s; k++) {
            double d = theta[i * s + k] - theta[j * s + k];
            sum += d * d;
        }
        return relative(Math.sqrt(sum), theta);
    }

    /** ‖θ_i‖ / ‖θ‖. */
    public static double zeroDistance(Network network, double[] theta, int i) {
        checkUnits(network, theta, i, i);
        return relative(unitNorm(network, theta, i), theta);
    }

    /**
     * γ minimising ‖θ_i − γθ_j‖: ⟨θ_i, θ_j⟩ / ‖θ_j‖² (0 when θ_j = 0), clipped at 0 when φ is
     * homogeneous only for positive factors.
     */
    public static double proportionality(Network network, double[] theta, int i, int j) {
        checkUnits(network, theta, i, j);
        int s = network.unitSize();
        double dot = 0;
        double norm = 0;
        for (int k = 0; k < s; k++) {
            dot += theta[i * s + k] * theta[j * s + k];
            norm += theta[j * s + k] * theta[j * s + k];
        }
        double gamma = norm > 0 ? dot / norm : 0;
        return network.traits().negativeScalings() ? gamma : Math.max(gamma, 0);
    }

    /** min_γ ‖θ_i − γθ_j‖ / ‖θ‖ over the γ of {@link #proportionality}. */
    public static double proportionalDistance(Network network, double[] theta, int i, int j) {
        double gamma = proportionality(network, theta, i, j);
        int s = network.unitSize();
        double sum = 0;
        for (int k = 0; k < s; k++) {
            double d = theta[i * s + k] - gamma * theta[j * s + k];
            sum += d * d;
        }
        return relative(Math.sqrt(sum), theta);
    }

    /**
     * σ_{r+1} / σ_1 of the H × (|u| + |v|) matrix whose rows are the units: 0 exactly when the
     * units span at most r dimensions (0 for θ = 0 or r ≥ min(H, |u| + |v|)).
     */
    public static double dependenceDistance(Network network, double[] theta, int rank) {
        Require.length("θ", theta, network.parameterCount());
        Require.nonNegative("rank r", rank);
        int h = network.width();
        int s = network.unitSize();
        DMatrixRMaj units = new DMatrixRMaj(h, s, true, theta);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(h, s, false, false, true);
        if (!svd.decompose(units)) {
            throw new InvalidInputException("the singular value decomposition of the " + h + "×" + s
                    + " unit matrix did not converge");
        }
        double[] sigma = svd.getSingularValues().clone();
        int n = Math.min(h, s);
        Arrays.sort(sigma, 0, n);
        if (rank >= n || sigma[n - 1] == 0) {
            return 0;
        }
        return sigma[n - 1 - rank] / sigma[n - 1];
    }

    /**
     * γ (length H, γ_i = 0) minimising ‖u_i − Σ_{j≠i} γ_j u_j‖, by the pseudo-inverse of the
     * matrix of the other units' u (the minimum-norm solution when they are dependent).
     */
    public static double[] dependence(Network network, double[] theta, int i) {
        checkUnits(network, theta, i, i);
        int h = network.width();
        Require.that(h >= 2, "a linear dependence needs at least two units, but the width is " + h);
        int uSize = network.uSize();
        DMatrixRMaj others = new DMatrixRMaj(uSize, h - 1);
        DMatrixRMaj target = new DMatrixRMaj(uSize, 1);
        for (int j = 0, c = 0; j < h; j++) {
            for (int d = 0; d < uSize; d++) {
                if (j == i) {
                    target.data[d] = theta[network.uOffset(j) + d];
                } else {
                    others.set(d, c, theta[network.uOffset(j) + d]);
                }
            }
            if (j != i) {
                c++;
            }
        }
        DMatrixRMaj pinv = new DMatrixRMaj(h - 1, uSize);
        CommonOps_DDRM.pinv(others, pinv);
        DMatrixRMaj gamma = new DMatrixRMaj(h - 1, 1);
        CommonOps_DDRM.mult(pinv, target, gamma);
        double[] result = new double[h];
        for (int j = 0, c = 0; j < h; j++) {
            if (j != i) {
                result[j] = gamma.data[c++];
            }
        }
        return result;
    }

    /** On (i): drops unit j and sets v_i ← v_i + v_j. Returns a new width-(H−1) θ. */
    public static double[] mergeEqual(Network network, double[] theta, int i, int j) {
        checkUnits(network, theta, i, j);
        Require.that(i != j, "merging a unit (" + i + ") with itself");
        double[] merged = theta.clone();
        for (int d = 0; d < network.vSize(); d++) {
            merged[network.vOffset(i) + d] += theta[network.vOffset(j) + d];
        }
        return drop(network, merged, j);
    }

    /** On (ii): drops unit i. Returns a new width-(H−1) θ. */
    public static double[] removeUnit(Network network, double[] theta, int i) {
        checkUnits(network, theta, i, i);
        return drop(network, theta, i);
    }

    /**
     * On (iii), θ_i = γθ_j with γ from {@link #proportionality}: drops unit i and sets
     * v_j ← (1 + γ²) v_j. Returns a new width-(H−1) θ.
     *
     * @throws InvalidInputException if the manifold does not apply to the network's φ
     */
    public static double[] mergeProportional(Network network, double[] theta, int i, int j) {
        require(network, Kind.PROPORTIONAL_UNITS);
        Require.that(i != j, "merging a unit (" + i + ") with itself");
        double gamma = proportionality(network, theta, i, j);
        double[] merged = theta.clone();
        for (int d = 0; d < network.vSize(); d++) {
            merged[network.vOffset(j) + d] *= 1 + gamma * gamma;
        }
        return drop(network, merged, i);
    }

    /**
     * On (iv), u_i = Σ_{j≠i} γ_j u_j: drops unit i and sets v_j ← v_j + γ_j v_i. Returns a new
     * width-(H−1) θ.
     *
     * @param gamma γ, length H; γ_i is not read
     * @throws InvalidInputException if φ is not linear
     */
    public static double[] mergeDependent(Network network, double[] theta, int i, double[] gamma) {
        require(network, Kind.LINEAR_DEPENDENCE);
        checkUnits(network, theta, i, i);
        Require.length("γ", gamma, network.width());
        double[] merged = theta.clone();
        for (int j = 0; j < network.width(); j++) {
            if (j != i) {
                for (int d = 0; d < network.vSize(); d++) {
                    merged[network.vOffset(j) + d] += gamma[j] * theta[network.vOffset(i) + d];
                }
            }
        }
        return drop(network, merged, i);
    }

    /** θ without unit i: the units keep their order. */
    private static double[] drop(Network network, double[] theta, int i) {
        int s = network.unitSize();
        double[] narrow = new double[theta.length - s];
        System.arraycopy(theta, 0, narrow, 0, i * s);
        System.arraycopy(theta, (i + 1) * s, narrow, i * s, theta.length - (i + 1) * s);
        return narrow;
    }

    private static double unitNorm(Network network, double[] theta, int i) {
        double sum = 0;
        int s = network.unitSize();
        for (int k = 0; k < s; k++) {
            sum += theta[i * s + k] * theta[i * s + k];
        }
        return Math.sqrt(sum);
    }

    private static double relative(double distance, double[] theta) {
        double norm = 0;
        for (double t : theta) {
            norm += t * t;
        }
        return norm == 0 ? 0 : distance / Math.sqrt(norm);
    }

    private static void checkUnits(Network network, double[] theta, int i, int j) {
        Require.length("θ", theta, network.parameterCount());
        int h = network.width();
        Require.that(i >= 0 && i < h && j >= 0 && j < h, "units (" + i + ", " + j
                + ") must be in [0, " + h + ")");
    }

    private static void require(Network network, Kind kind) {
        if (!kind.appliesTo(network.traits())) {
            throw new InvalidInputException("the manifold " + kind + " of Theorem 3 is not invariant"
                    + " for the " + network.kind() + " network, whose φ has " + network.traits());
        }
    }
}
