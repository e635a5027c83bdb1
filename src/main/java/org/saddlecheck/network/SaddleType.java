package org.saddlecheck.network;

/** The three types of visited saddles of the paper's Section 3, named by what grows at each drop. */
public enum SaddleType {
    /** Type I: φ linear in u; the rank of W = Σ v_i u_iᵀ grows. */
    RANK,
    /** Type II: φ positively homogeneous of degree 1; the number of distinct rays grows. */
    RAYS,
    /** Type III: φ has a zero element; the number of non-zero units grows. */
    UNITS
}
