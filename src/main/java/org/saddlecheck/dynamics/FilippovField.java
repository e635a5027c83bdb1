package org.saddlecheck.dynamics;

import org.saddlecheck.SaddlecheckException;
import org.saddlecheck.network.PiecewiseObjective;

/**
 * The vector field of a {@link PiecewiseObjective}'s flow while it slides along the intersection of
 * the switching surfaces s_k = 0, k ∈ K (Filippov's convex method; A. F. Filippov,
 * <i>Differential Equations with Discontinuous Righthand Sides</i>, 1988, Section 2.4). With the
 * pattern a frozen outside K and the activations of K set to 0, write f₀ = −∇L_a and, for each
 * l ∈ K, d_l = −∇L_{a + e_l} − f₀, the change of the field when a_l alone is switched on. The sliding
 * field is
 * <pre>
 *   F(θ) = f₀ + Σ_{l∈K} α_l d_l,      Σ_{l∈K} (∇s_k·d_l) α_l = −∇s_k·f₀   for every k ∈ K,
 * </pre>
 * so that ∇s_k·F = 0: no surface of K is left. For one surface this is α f⁺ + (1 − α) f⁻ with
 * α = ∇s·f⁻ / (∇s·f⁻ − ∇s·f⁺). For several it is the whole Filippov set (the convex hull of the
 * 2^|K| one-sided fields) only when the field is affine in the activations of K on their
 * intersection, as {@link PiecewiseObjective} requires; then α ∈ [0, 1]^K picks a member of it.
 *
 * <p>The fractions are solved at every θ, on the surfaces or off them, so each s_k is a first
 * integral of θ̇ = F: the constraint is built into the field (index reduction) rather than restored
 * by projection. F is a linear combination of one-sided fields at the same θ, so every identity
 * that is linear in the field and holds for each of them (for ReLU, Euler's identity per unit)
 * holds for F. Each evaluation costs |K| + 1 region gradients and allocates nothing; the
 * workspaces grow when K does. Not safe for concurrent use; the pattern array is shared with the
 * caller, which must keep a_k = 0 for k ∈ K.
 */
final class FilippovField implements PiecewiseFlow.Sliding {
    private final PiecewiseObjective objective;
    private final boolean[] active;
    private final double[] base;
    private int[] surfaces = new int[0];
    private double[][] columns = new double[0][];
    private double[] matrix = new double[0];
    private double[] fractions = new double[0];
    private double[] diagonal = new double[0];
    private int count;

    /** @param active the pattern a, shared with the caller and read at every evaluation */
    FilippovField(PiecewiseObjective objective, boolean[] active) {
        this.objective = objective;
        this.active = active;
        this.base = new double[objective.dimension()];
    }

    /** |K|. */
    @Override
    public int count() {
        return count;
    }

    /** The j-th surface of K. */
    @Override
    public int surface(int j) {
        return surfaces[j];
    }

    /** α of the j-th surface of K at the last evaluation. */
    @Override
    public double fraction(int j) {
        return fractions[j];
    }

    /** d_j at the last evaluation. */
    @Override
    public double[] jump(int j) {
        return columns[j];
    }

    /**
     * Whether the j-th surface of K attracted the flow at the last evaluation: its one-sided fields
     * point towards each other across it, ∇s_j·d_j &lt; 0 (the other fractions held). When this
     * fails with α_j inside [0, 1], both one-sided fields are tangent to the surface or point
     * away from it, and the flow may stay on it or leave to either side: solutions are no longer
     * unique.
     */
    boolean attracting(int j) {
        return diagonal[j] < 0;
    }

    /** Whether k ∈ K. */
    boolean contains(int k) {
        return indexOf(k) >= 0;
    }

    /** Adds k to K and sets a_k = 0 (its fraction replaces it). */
    void add(int k) {
        if (count == surfaces.length) {
            grow(count + 1);
        }
        surfaces[count++] = k;
        active[k] = false;
    }

    /** Removes k from K and sets a_k to {@code side}, the side the flow leaves to. */
    void remove(int k, boolean side) {
        int j = indexOf(k);
        surfaces[j] = surfaces[--count];
        active[k] = side;
    }

    /**
     * Writes F(θ) into {@code thetaDot} and keeps the fractions α; with K empty, the region field
     * −∇L_a. Modifies neither θ nor (on return) the pattern.
     *
     * @return the number of region gradients evaluated
     * @throws SaddlecheckException if the fractions are not determined (a singular system: the
     *     rates of the s_k do not depend on the activations of K), naming the time
     */
    int evaluate(double time, double[] theta, double[] thetaDot) {
        objective.regionLossAndGradient(theta, active, base);
        for (int j = 0; j < base.length; j++) {
            base[j] = -base[j];
        }
        for (int l = 0; l < count; l++) {
            double[] d = columns[l];
            active[surfaces[l]] = true;
            objective.regionLossAndGradient(theta, active, d);
            active[surfaces[l]] = false;
            for (int j = 0; j < d.length; j++) {
                d[j] = -d[j] - base[j];
            }
        }
        if (count > 0) {
            solveFractions(time, theta);
        }
        for (int j = 0; j < base.length; j++) {
            double f = base[j];
            for (int l = 0; l < count; l++) {
                f += fractions[l] * columns[l][j];
            }
            thetaDot[j] = f;
        }
        return count + 1;
    }

    /** The index j of the fraction farthest outside [0, 1], or −1 if all lie in it. */
    int farthestOutside() {
        int worst = -1;
        double excess = 0;
        for (int j = 0; j < count; j++) {
            double e = Math.max(-fractions[j], fractions[j] - 1);
            if (e > excess) {
                excess = e;
                worst = j;
            }
        }
        return worst;
    }

    /**
     * Solves M α = b, M_kl = ∇s_k·d_l, b_k = −∇s_k·f₀, by Gaussian elimination with partial
     * pivoting, in place (M and b are rebuilt at every evaluation).
     */
    private void solveFractions(double time, double[] theta) {
        int m = count;
        for (int k = 0; k < m; k++) {
            for (int l = 0; l < m; l++) {
                matrix[k * m + l] = objective.switchingRate(theta, columns[l], surfaces[k]);
            }
            diagonal[k] = matrix[k * m + k];
            fractions[k] = -objective.switchingRate(theta, base, surfaces[k]);
        }

        // elimination: pick the largest pivot of each column, then clear below it
        for (int c = 0; c < m; c++) {
            int p = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(matrix[r * m + c]) > Math.abs(matrix[p * m + c])) {
                    p = r;
                }
            }
            if (!(matrix[p * m + c] != 0)) {
                throw undetermined(time);
            }
            swapRows(c, p, m);
            for (int r = c + 1; r < m; r++) {
                double factor = matrix[r * m + c] / matrix[c * m + c];
                for (int l = c; l < m; l++) {
                    matrix[r * m + l] -= factor * matrix[c * m + l];
                }
                fractions[r] -= factor * fractions[c];
            }
        }

        // back substitution
        for (int r = m - 1; r >= 0; r--) {
            double x = fractions[r];
            for (int l = r + 1; l < m; l++) {
                x -= matrix[r * m + l] * fractions[l];
            }
            fractions[r] = x / matrix[r * m + r];
            if (!Double.isFinite(fractions[r])) {
                throw undetermined(time);
            }
        }
    }

    private void swapRows(int a, int b, int m) {
        if (a == b) {
            return;
        }
        for (int l = 0; l < m; l++) {
            double t = matrix[a * m + l];
            matrix[a * m + l] = matrix[b * m + l];
            matrix[b * m + l] = t;
        }
        double t = fractions[a];
        fractions[a] = fractions[b];
        fractions[b] = t;
    }

    private SaddlecheckException undetermined(double time) {
        StringBuilder which = new StringBuilder();
        for (int j = 0; j < count; j++) {
            which.append(j == 0 ? "" : ", ").append(surfaces[j]);
        }
        return new SaddlecheckException("the sliding motion along switching functions [" + which
                + "] is undetermined at t = " + Recorder.number(time) + ": their rates do not"
                + " depend on the activations (singular system for the fractions)");
    }

    private int indexOf(int k) {
        for (int j = 0; j < count; j++) {
            if (surfaces[j] == k) {
                return j;
            }
        }
        return -1;
    }

    /** Grows the workspaces to hold {@code size} surfaces (only when K reaches a new size). */
    private void grow(int size) {
        int[] s = new int[size];
        System.arraycopy(surfaces, 0, s, 0, count);
        surfaces = s;
        double[][] c = new double[size][];
        System.arraycopy(columns, 0, c, 0, columns.length);
        for (int l = columns.length; l < size; l++) {
            c[l] = new double[base.length];
        }
        columns = c;
        matrix = new double[size * size];
        fractions = new double[size];
        diagonal = new double[size];
    }
}
