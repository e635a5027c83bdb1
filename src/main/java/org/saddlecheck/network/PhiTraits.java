package org.saddlecheck.network;

/**
 * The declared properties of a network's unit function φ(x; u) as a function of the unit's
 * first-layer weights u (paper, Section 3 and Theorems 1 and 3). Which embeddings of fixed points
 * and which invariant manifolds apply to a network is derived from these declarations alone.
 *
 * @param zeroElement φ(x; 0) = 0 for every x (the zero element u₀ is the zero vector here)
 * @param homogeneityDegree p such that φ(x; γu) = γ^p φ(x; u) for every γ &gt; 0, or 0 when φ is
 *     not homogeneous
 * @param negativeScalings whether that identity also holds for γ &lt; 0 (true for linear, square
 *     and cube; false for ReLU, which is only positively homogeneous)
 * @param linear φ is linear in u: homogeneous of degree 1 for all γ and additive
 */
public record PhiTraits(
        boolean zeroElement, int homogeneityDegree, boolean negativeScalings, boolean linear) {

    /** φ linear in u, as in linear fully connected and convolutional networks (type I). */
    public static final PhiTraits LINEAR = new PhiTraits(true, 1, true, true);

    /** φ positively homogeneous of degree 1, as ReLU (type II). */
    public static final PhiTraits POSITIVELY_HOMOGENEOUS = new PhiTraits(true, 1, false, false);

    public PhiTraits {
        if (homogeneityDegree < 0) {
            throw new IllegalArgumentException(
                    "homogeneityDegree (" + homogeneityDegree + ") must not be negative");
        }
        if (linear && (homogeneityDegree != 1 || !negativeScalings)) {
            throw new IllegalArgumentException("a linear φ is homogeneous of degree 1 for all γ");
        }
    }

    /** A φ with a zero element that is homogeneous of degree p for every real γ (square, cube). */
    public static PhiTraits polynomial(int degree) {
        return new PhiTraits(true, degree, true, degree == 1);
    }

    /** A φ with a zero element and no homogeneity (tanh, x·tanh(x)). */
    public static PhiTraits zeroElementOnly() {
        return new PhiTraits(true, 0, false, false);
    }

    /** Homogeneous of degree exactly 1 (Theorem 1 (iii) and Theorem 3 (iii) apply). */
    public boolean homogeneousOfDegreeOne() {
        return homogeneityDegree == 1;
    }

    /**
     * The kind of saddle the theory says training visits (Section 3): linear φ grows the rank,
     * degree-1 homogeneous φ the number of rays, and a φ with a zero element the number of non-zero
     * units. Returns {@code null} when none applies.
     */
    public SaddleType saddleType() {
        if (linear) {
            return SaddleType.RANK;
        }
        if (homogeneousOfDegreeOne()) {
            return SaddleType.RAYS;
        }
        if (zeroElement) {
            return SaddleType.UNITS;
        }
        return null;
    }
}
