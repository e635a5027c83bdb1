package org.saddlecheck.network;

/**
 * The training loss L(θ) = (1/(2P)) Σ_μ ‖y_μ − f(x_μ; θ)‖² of one network on one data set, with its
 * analytic gradient (paper, Section 2; note the ½).
 *
 * <p>An objective owns preallocated workspaces: evaluating it allocates nothing, and an instance is
 * not safe for concurrent use. {@link #copy()} gives an independent instance for another thread.
 */
public interface Objective {

    /** The number of parameters, the length of θ. */
    int dimension();

    /** L(θ). Does not modify {@code theta}. */
    double loss(double[] theta);

    /**
     * L(θ) and ∇L(θ). Writes the gradient into {@code gradient} (length {@link #dimension()}),
     * which must not alias {@code theta}; does not modify {@code theta}.
     *
     * @return L(θ)
     */
    double lossAndGradient(double[] theta, double[] gradient);

    /** An independent objective on the same data, with its own workspaces. */
    Objective copy();
}
