package org.saddlecheck.task;

import org.saddlecheck.Require;

/**
 * Spectra for the data generators: the singular values s_1 ≥ s_2 ≥ … of Σ_yx that decide the order
 * and the timing of the drops in linear networks (paper, Section 6, Figure 2).
 */
public final class Spectra {
    private Spectra() {
    }

    /**
     * The power law of the paper's Figure 2: s_n = n^(−κ) / Σ_{m=1..count} m^(−κ), n = 1 … count,
     * normalised to sum to 1. κ = 1 with three values gives 6/11, 3/11, 2/11; κ = 0 gives equal
     * values.
     *
     * @throws org.saddlecheck.InvalidInputException if count is not positive or κ is negative or
     *     not finite
     */
    public static double[] powerLaw(int count, double kappa) {
        Require.positive("number of singular values", count);
        Require.finite("exponent κ", kappa);
        Require.that(kappa >= 0, "exponent κ (" + kappa + ") must not be negative; "
                + "the singular values are listed largest first");
        double[] s = new double[count];
        double sum = 0;
        for (int n = 1; n <= count; n++) {
            s[n - 1] = Math.pow(n, -kappa);
            sum += s[n - 1];
        }
        for (int n = 0; n < count; n++) {
            s[n] /= sum;
        }
        return s;
    }

    /**
     * A spectrum with ties: {@code values[j]} repeated {@code multiplicities[j]} times, in order. A
     * singular value of multiplicity r adds rank r in one drop (paper, Section 6.1).
     *
     * @throws org.saddlecheck.InvalidInputException if the lengths differ, a multiplicity is not
     *     positive, or the values are not a valid spectrum (see {@link #check})
     */
    public static double[] withTies(double[] values, int[] multiplicities) {
        Require.that(values.length == multiplicities.length, "there are " + values.length
                + " values but " + multiplicities.length + " multiplicities");
        check("tied values", values);
        int total = 0;
        for (int j = 0; j < multiplicities.length; j++) {
            total += Require.positive("multiplicity of value " + j, multiplicities[j]);
        }
        double[] s = new double[total];
        int k = 0;
        for (int j = 0; j < values.length; j++) {
            for (int m = 0; m < multiplicities[j]; m++) {
                s[k++] = values[j];
            }
        }
        return s;
    }

    /**
     * Checks that {@code s} is a spectrum of singular values: not empty, finite, non-negative and
     * non-increasing (largest first; ties allowed).
     *
     * @return {@code s}
     * @throws org.saddlecheck.InvalidInputException naming {@code role} and the first bad entry
     */
    public static double[] check(String role, double[] s) {
        Require.that(s.length > 0, role + " is empty; give at least one singular value");
        Require.finite(role, s);
        for (int k = 0; k < s.length; k++) {
            Require.that(s[k] >= 0, role + "[" + k + "] (" + s[k] + ") must not be negative");
            if (k > 0) {
                Require.that(s[k] <= s[k - 1], role + "[" + k + "] (" + s[k] + ") is larger than "
                        + role + "[" + (k - 1) + "] (" + s[k - 1] + "); list them largest first");
            }
        }
        return s;
    }
}
