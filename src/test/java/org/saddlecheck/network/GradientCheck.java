package org.saddlecheck.network;

/**
 * Compares an analytic gradient with central differences of the loss, coordinate by coordinate,
 * against a bound derived from the difference step.
 *
 * <h2>The bound</h2>
 * With step h, D_h = (L(θ + h e_j) − L(θ − h e_j)) / (2h). For a loss smooth along the coordinate,
 * D_h = g_j + c h² + O(h⁴) with c = L'''/6, so the truncation error of D_h is a third of
 * τ = |D_{2h} − D_h| = 3|c| h² + O(h⁴). When the coordinate line crosses one kink of the loss
 * within distance 2h (a ReLU unit switching, where L'' jumps by J), the error of D_h is at most
 * J h/4 while τ ≥ J h/8. In both cases |g_j − D_h| ≤ 3τ in exact arithmetic (the O(h⁴) remainder
 * is far below the round-off term for O(1) derivatives at h ≈ 6·10⁻⁶). Each loss evaluation errs
 * by at most δL ({@link Magnitudes#lossError()}), which moves D_h by at most δL/h and the computed
 * τ by at most 1.5 δL/h, and the analytic gradient itself errs by at most δg_j
 * ({@link Magnitudes#entry(int)}). So
 * <pre>
 *   |g_j − D_h| ≤ 3τ + 5.5 δL/h + δg_j,   checked as ≤ 3τ + 6 δL/h + δg_j.
 * </pre>
 * The step balances truncation (∝ h²) against round-off (∝ 1/h): h_j = ε^{1/3} max(|θ_j|, 1) with
 * ε = 2⁻⁵², made exactly representable as (θ_j + h) − θ_j.
 */
final class GradientCheck {
    private static final double STEP_FACTOR = Math.cbrt(Math.ulp(1.0));

    /** The outcome: the largest error and the largest ratio of error to bound over coordinates. */
    record Result(double largestError, double largestRatio, int worstCoordinate) {
        boolean passed() {
            return largestRatio <= 1;
        }
    }

    private GradientCheck() {
    }

    /**
     * Checks {@code objective}'s gradient at θ; does not modify θ.
     *
     * @param lossError δL, a bound on the round-off of one loss evaluation near θ
     * @param magnitudes the gradient's round-off bounds δg_j at θ
     */
    static Result check(Objective objective, double[] theta, double lossError, Magnitudes magnitudes) {
        double[] gradient = new double[theta.length];
        objective.lossAndGradient(theta, gradient);
        double[] shifted = theta.clone();
        double largestError = 0;
        double largestRatio = 0;
        int worst = -1;
        for (int j = 0; j < theta.length; j++) {
            double h = step(theta[j]);
            double dh = difference(objective, shifted, j, h);
            double d2h = difference(objective, shifted, j, 2 * h);
            double error = Math.abs(gradient[j] - dh);
            double bound = 3 * Math.abs(d2h - dh) + 6 * lossError / h + magnitudes.entry(j);
            double ratio = error / bound;
            largestError = Math.max(largestError, error);
            if (!(ratio <= largestRatio)) {
                largestRatio = ratio;
                worst = j;
            }
        }
        return new Result(largestError, largestRatio, worst);
    }

    /** h_j = ε^{1/3} max(|θ_j|, 1), rounded so that θ_j ± h is exact. */
    static double step(double thetaJ) {
        double h = STEP_FACTOR * Math.max(Math.abs(thetaJ), 1);
        return (thetaJ + h) - thetaJ;
    }

    /**
     * (L(θ + h e_j) − L(θ − h e_j)) / (2h), dividing by the distance between the two points as
     * stored (θ_j − h may round when θ_j &lt; 0; the asymmetry, at most one ulp of θ_j, moves D_h by
     * about ε|θ_j L''|, far below δL/h). Restores θ_j.
     */
    private static double difference(Objective objective, double[] theta, int j, double h) {
        double original = theta[j];
        double up = original + h;
        double down = original - h;
        theta[j] = up;
        double plus = objective.loss(theta);
        theta[j] = down;
        double minus = objective.loss(theta);
        theta[j] = original;
        return (plus - minus) / (up - down);
    }
}
