package org.saddlecheck.network;

/**
 * A loss whose gradient is smooth except on K switching surfaces s_k(θ) = 0, such as the ReLU
 * networks' kinks (paper, Section 2, Table of networks: φ(x; u) = relu(uᵀx̃)). A point's
 * activation pattern is a_k = [s_k(θ) &gt; 0]. For each pattern a there is a smooth region loss
 * L_a, defined on all of θ-space, that equals L wherever the pattern of θ is a; the gradient of L
 * is that of L_a there. Integrating the flow of one L_a at a time, and switching a where some s_k
 * changes sign, never asks an integrator to step across a discontinuity of the vector field.
 *
 * <p>Where the flow slides along the intersection of several surfaces s_k = 0, k ∈ K, its field
 * is built from the region fields with the activations of K switched on one at a time
 * ({@code org.saddlecheck.dynamics.PiecewiseFlow}). That family is the whole Filippov convex hull
 * only if, on the intersection, ∇L_a is affine in the activations a_k, k ∈ K: implementations
 * must have this property. ReLU has it: a unit's term for sample n is a_in z_in v_i, which
 * vanishes where z_in = 0 whatever a_in, so the residuals do not depend on the a_k of K there
 * and the gradient is linear in each. A fractional activation a_in = α ∈ [0, 1] is then
 * relu'(0) = α.
 *
 * <p>Instances own workspaces, as every {@link Objective}: not safe for concurrent use.
 */
public interface PiecewiseObjective extends Objective {

    /** K, the number of switching functions. */
    int switches();

    /** s_k(θ). Does not modify {@code theta}. */
    double switchingValue(double[] theta, int k);

    /**
     * ds_k/dt = ∇s_k(θ)·θ̇ along a motion with velocity {@code thetaDot}. Modifies neither array.
     */
    double switchingRate(double[] theta, double[] thetaDot, int k);

    /** Writes the pattern a_k = [s_k(θ) &gt; 0] of θ into {@code active} (length K). */
    void pattern(double[] theta, boolean[] active);

    /**
     * L_a(θ) and ∇L_a(θ) for the frozen pattern a = {@code active}. Writes the gradient into
     * {@code gradient}; modifies neither {@code theta} nor {@code active}.
     *
     * @return L_a(θ)
     */
    double regionLossAndGradient(double[] theta, boolean[] active, double[] gradient);
}
