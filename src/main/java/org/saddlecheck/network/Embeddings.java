package org.saddlecheck.network;

import java.util.EnumSet;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;

/**
 * The constructions of the paper's Theorem 1 (Section 4): a fixed point θ* of a width-(H−1)
 * network embeds into the width-H network as a fixed point implementing the same map. θ* is copied
 * into units 0 … H−2 (the parameter layout puts units in contiguous blocks, so this is a copy of
 * θ* into the first entries) and unit H−1 and some readouts are set as follows, for a chosen unit i:
 * <ul>
 *   <li>(i) duplication, any φ: u_H = u*_i, v_H = γ v*_i, v_i = (1 − γ) v*_i;</li>
 *   <li>(ii) zero unit, φ with a zero element: u_H = 0, v_H = 0;</li>
 *   <li>(iii) homogeneous scaling, φ homogeneous of degree p ≥ 1: u_H = γ_u u*_i,
 *       v_H = γ_v v*_i, v_i = (1 − γ_u^p γ_v) v*_i, with γ_u ≥ 0 unless φ is homogeneous for
 *       negative factors too;</li>
 *   <li>(iv) linear combination, φ linear in u: u_H = Σ_j γ_uj u*_j, v_H = Σ_j γ_vj v*_j,
 *       v_j = v*_j − γ_uj Σ_k γ_vk v*_k for j = 1 … H−1.</li>
 * </ul>
 * The paper states (iii) for degree 1. The same argument gives every degree p: φ(γ_u u) =
 * γ_u^p φ(u) keeps the map, and ∇_u φ(γ_u u) = γ_u^{p−1} ∇_u φ(u) makes the new unit's gradient a
 * multiple of unit i's, which is zero at θ*. For p = 1 the formula is the paper's.
 *
 * <p>Which constructions apply is derived from the network's {@link PhiTraits} alone
 * ({@link #applicable}). Asking for one that does not apply throws {@link InvalidInputException}
 * naming it; {@link #forced()} builds it anyway, which a specificity check needs to show that an
 * inapplicable construction breaks the fixed point. A forced scaling of a φ that is not
 * homogeneous uses p = 1, the paper's formula.
 */
public final class Embeddings {

    /** The four constructions of Theorem 1. */
    public enum Construction {
        /** (i): any φ. */
        DUPLICATION("duplication"),
        /** (ii): φ with a zero element. */
        ZERO_UNIT("zero unit"),
        /** (iii): φ homogeneous of degree p ≥ 1. */
        HOMOGENEOUS_SCALING("homogeneous scaling"),
        /** (iv): φ linear in u. */
        LINEAR_COMBINATION("linear combination");

        private final String description;

        Construction(String description) {
            this.description = description;
        }

        /** Whether Theorem 1 gives this construction for φ with these traits. */
        public boolean appliesTo(PhiTraits traits) {
            return switch (this) {
                case DUPLICATION -> true;
                case ZERO_UNIT -> traits.zeroElement();
                case HOMOGENEOUS_SCALING -> traits.homogeneityDegree() >= 1;
                case LINEAR_COMBINATION -> traits.linear();
            };
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private final Network narrow;
    private final Network wide;
    private final boolean checked;

    private Embeddings(Network narrow, Network wide, boolean checked) {
        this.narrow = narrow;
        this.wide = wide;
        this.checked = checked;
    }

    /**
     * Embeddings from {@code narrow} (width H−1) into {@code wide} (width H), checked against the
     * traits.
     *
     * @throws InvalidInputException if the two are not the same network one unit apart
     */
    public static Embeddings of(Network narrow, Network wide) {
        Require.that(narrow.kind().equals(wide.kind()) && narrow.uSize() == wide.uSize()
                && narrow.vSize() == wide.vSize() && narrow.inputSize() == wide.inputSize()
                && narrow.width() + 1 == wide.width(), "the " + wide + " network is not the "
                + narrow + " network with one more unit");
        return new Embeddings(narrow, wide, true);
    }

    /** The constructions that apply to φ with these traits. */
    public static EnumSet<Construction> applicable(PhiTraits traits) {
        EnumSet<Construction> set = EnumSet.noneOf(Construction.class);
        for (Construction c : Construction.values()) {
            if (c.appliesTo(traits)) {
                set.add(c);
            }
        }
        return set;
    }

    /** The same embeddings without the applicability checks: builds what the formulas say. */
    public Embeddings forced() {
        return new Embeddings(narrow, wide, false);
    }

    /** (i): u_H = u*_i, v_H = γ v*_i, v_i = (1 − γ) v*_i. Returns a new width-H θ. */
    public double[] duplicate(double[] thetaStar, int unit, double gamma) {
        double[] theta = embed(thetaStar, unit);
        System.arraycopy(thetaStar, narrow.uOffset(unit), theta, newU(), narrow.uSize());
        scaleReadout(thetaStar, unit, gamma, theta, newV());
        scaleReadout(thetaStar, unit, 1 - gamma, theta, wide.vOffset(unit));
        return theta;
    }

    /** (ii): u_H = 0 (the zero element), v_H = 0. Returns a new width-H θ. */
    public double[] zeroUnit(double[] thetaStar) {
        require(Construction.ZERO_UNIT);
        return embed(thetaStar, 0);
    }

    /**
     * (iii): u_H = γ_u u*_i, v_H = γ_v v*_i, v_i = (1 − γ_u^p γ_v) v*_i with p the homogeneity
     * degree. Returns a new width-H θ.
     *
     * @throws InvalidInputException if φ is not homogeneous, or γ_u &lt; 0 and φ is homogeneous only
     *     for positive factors (unless {@link #forced()})
     */
    public double[] scale(double[] thetaStar, int unit, double gammaU, double gammaV) {
        require(Construction.HOMOGENEOUS_SCALING);
        PhiTraits traits = wide.traits();
        if (checked && gammaU < 0 && !traits.negativeScalings()) {
            throw new InvalidInputException("homogeneous scaling with γ_u (" + gammaU + ") < 0 does"
                    + " not apply to the " + wide.kind() + " network, whose φ is homogeneous only"
                    + " for positive factors");
        }
        double[] theta = embed(thetaStar, unit);
        int p = Math.max(traits.homogeneityDegree(), 1);
        for (int d = 0; d < narrow.uSize(); d++) {
            theta[newU() + d] = gammaU * thetaStar[narrow.uOffset(unit) + d];
        }
        scaleReadout(thetaStar, unit, gammaV, theta, newV());
        scaleReadout(thetaStar, unit, 1 - Math.pow(gammaU, p) * gammaV, theta, wide.vOffset(unit));
        return theta;
    }

    /**
     * (iv): u_H = Σ_j γ_uj u*_j, v_H = Σ_j γ_vj v*_j, v_j = v*_j − γ_uj Σ_k γ_vk v*_k. Returns a
     * new width-H θ.
     *
     * @param gammaU γ_u, one factor per unit of θ* (H−1)
     * @param gammaV γ_v, one factor per unit of θ* (H−1)
     * @throws InvalidInputException if φ is not linear (unless {@link #forced()})
     */
    public double[] combine(double[] thetaStar, double[] gammaU, double[] gammaV) {
        require(Construction.LINEAR_COMBINATION);
        int h = narrow.width();
        Require.length("γ_u", gammaU, h);
        Require.length("γ_v", gammaV, h);
        double[] theta = embed(thetaStar, 0);
        int uSize = narrow.uSize();
        int vSize = narrow.vSize();
        double[] mixedV = new double[vSize];
        for (int j = 0; j < h; j++) {
            for (int d = 0; d < uSize; d++) {
                theta[newU() + d] += gammaU[j] * thetaStar[narrow.uOffset(j) + d];
            }
            for (int d = 0; d < vSize; d++) {
                mixedV[d] += gammaV[j] * thetaStar[narrow.vOffset(j) + d];
            }
        }
        System.arraycopy(mixedV, 0, theta, newV(), vSize);
        for (int j = 0; j < h; j++) {
            for (int d = 0; d < vSize; d++) {
                theta[wide.vOffset(j) + d] -= gammaU[j] * mixedV[d];
            }
        }
        return theta;
    }

    /** θ* in the first H−1 units, zeros in unit H; checks θ* and the unit index. */
    private double[] embed(double[] thetaStar, int unit) {
        Require.length("θ*", thetaStar, narrow.parameterCount());
        Require.that(unit >= 0 && unit < narrow.width(), "unit (" + unit + ") must be in [0, "
                + narrow.width() + ")");
        double[] theta = new double[wide.parameterCount()];
        System.arraycopy(thetaStar, 0, theta, 0, thetaStar.length);
        return theta;
    }

    private void scaleReadout(double[] thetaStar, int unit, double factor, double[] theta, int at) {
        for (int d = 0; d < narrow.vSize(); d++) {
            theta[at + d] = factor * thetaStar[narrow.vOffset(unit) + d];
        }
    }

    private int newU() {
        return wide.uOffset(wide.width() - 1);
    }

    private int newV() {
        return wide.vOffset(wide.width() - 1);
    }

    private void require(Construction construction) {
        if (checked && !construction.appliesTo(wide.traits())) {
            throw new InvalidInputException("the " + construction + " construction of Theorem 1"
                    + " does not apply to the " + wide.kind() + " network, whose φ has " + wide.traits());
        }
    }
}
