package org.saddlecheck.claim;

import java.util.function.UnaryOperator;
import org.saddlecheck.network.Objective;

/** Objectives broken on purpose, to show that the dynamics claims can fail. */
final class BrokenObjectives {

    private BrokenObjectives() {
    }

    /** ∇L times {@code factor}: gradient flow on it runs {@code factor} times too fast. */
    static UnaryOperator<Objective> scaledGradient(double factor) {
        return inner -> new Objective() {
            @Override
            public int dimension() {
                return inner.dimension();
            }

            @Override
            public double loss(double[] theta) {
                return inner.loss(theta);
            }

            @Override
            public double lossAndGradient(double[] theta, double[] gradient) {
                double loss = inner.lossAndGradient(theta, gradient);
                for (int k = 0; k < gradient.length; k++) {
                    gradient[k] *= factor;
                }
                return loss;
            }

            @Override
            public Objective copy() {
                return scaledGradient(factor).apply(inner.copy());
            }
        };
    }

    /**
     * A unit-coupling bug: every unit receives the mean of all units' gradients, so the units move
     * together and W = Σ v_i u_iᵀ can only grow along one direction. Units are blocks of
     * {@code unitSize} weights laid out one after another, as in every network of the project.
     */
    static UnaryOperator<Objective> meanUnitGradient(int unitSize) {
        return inner -> new Objective() {
            private final double[] mean = new double[unitSize];
            private final int width = inner.dimension() / unitSize;

            @Override
            public int dimension() {
                return inner.dimension();
            }

            @Override
            public double loss(double[] theta) {
                return inner.loss(theta);
            }

            @Override
            public double lossAndGradient(double[] theta, double[] gradient) {
                double loss = inner.lossAndGradient(theta, gradient);
                java.util.Arrays.fill(mean, 0);
                for (int i = 0; i < width; i++) {
                    for (int k = 0; k < unitSize; k++) {
                        mean[k] += gradient[i * unitSize + k] / width;
                    }
                }
                for (int i = 0; i < width; i++) {
                    System.arraycopy(mean, 0, gradient, i * unitSize, unitSize);
                }
                return loss;
            }

            @Override
            public Objective copy() {
                return meanUnitGradient(unitSize).apply(inner.copy());
            }
        };
    }

    /**
     * A wrong vector field: ∇L − λθ/(1 + ‖θ‖²), as if every small weight had an extra growth rate
     * λ. Mode k then escapes at rate s_k + λ instead of s_k; far from 0 the term fades, so the run
     * does not become stiff.
     */
    static UnaryOperator<Objective> extraGrowth(double lambda) {
        return inner -> new Objective() {
            @Override
            public int dimension() {
                return inner.dimension();
            }

            @Override
            public double loss(double[] theta) {
                return inner.loss(theta);
            }

            @Override
            public double lossAndGradient(double[] theta, double[] gradient) {
                double loss = inner.lossAndGradient(theta, gradient);
                double squared = 0;
                for (double x : theta) {
                    squared += x * x;
                }
                for (int k = 0; k < gradient.length; k++) {
                    gradient[k] -= lambda * theta[k] / (1 + squared);
                }
                return loss;
            }

            @Override
            public Objective copy() {
                return extraGrowth(lambda).apply(inner.copy());
            }
        };
    }
}
