package org.saddlecheck.dynamics;

import org.saddlecheck.network.Objective;

/**
 * L(θ) = ½ Σ_j a_j θ_j², whose gradient flow θ_j(t) = θ_j(0) e^{−a_j t} and gradient descent
 * θ_j(n) = (1 − η a_j)ⁿ θ_j(0) are known exactly. Optionally returns NaN once |θ_j| exceeds a
 * limit, to model a loss that stops being defined.
 */
final class DiagonalQuadratic implements Objective {
    private final double[] a;
    private final double nanBeyond;

    DiagonalQuadratic(double... a) {
        this(Double.POSITIVE_INFINITY, a);
    }

    private DiagonalQuadratic(double nanBeyond, double[] a) {
        this.a = a.clone();
        this.nanBeyond = nanBeyond;
    }

    /** The same loss, but NaN wherever some |θ_j| exceeds {@code limit}. */
    static DiagonalQuadratic undefinedBeyond(double limit, double... a) {
        return new DiagonalQuadratic(limit, a);
    }

    @Override
    public int dimension() {
        return a.length;
    }

    @Override
    public double loss(double[] theta) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            if (Math.abs(theta[j]) > nanBeyond) {
                return Double.NaN;
            }
            sum += a[j] * theta[j] * theta[j];
        }
        return 0.5 * sum;
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        for (int j = 0; j < a.length; j++) {
            gradient[j] = a[j] * theta[j];
        }
        return loss(theta);
    }

    @Override
    public Objective copy() {
        return this;
    }
}
