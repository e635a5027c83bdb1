package org.saddlecheck.network;

/**
 * An objective that can be restricted to a minibatch of rows, for stochastic gradient descent:
 * after {@link #select}, {@link #loss} and {@link #lossAndGradient} use only the selected rows,
 * L_B(θ) = (1/(2B)) Σ_{μ∈B} ‖y_μ − f(x_μ; θ)‖². Selecting copies B rows into preallocated buffers;
 * nothing is allocated per step.
 */
public interface MinibatchObjective extends Objective {

    /** The largest batch this objective was built for. */
    int capacity();

    /** P, the number of data rows a minibatch is drawn from (rows are numbered 0 … P − 1). */
    int samples();

    /**
     * Restricts the following evaluations to the data rows {@code rows[0 … count)} (repeats allowed).
     * Does not keep a reference to {@code rows}.
     */
    void select(int[] rows, int count);

    /** Returns to the full data set. */
    void selectAll();
}
