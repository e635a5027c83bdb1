package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;

/**
 * The loss of a network summed over samples, L = (1/(2B)) Σ_{μ∈B} ‖y_μ − f(x_μ; θ)‖² (paper,
 * Section 2), over either all P samples or a selected minibatch of B rows. Every sample-based
 * network reuses this class and supplies only its kernel:
 * <ul>
 *   <li>{@link #forward}: the outputs F (B × D_out) of the rows of its input blocks;</li>
 *   <li>{@link #backward}: ∇L given the residuals R = F − Y of the last forward pass, written as
 *       ∇L = (1/B) Σ_μ J_μᵀ r_μ with J_μ the Jacobian of f(x_μ; θ) in θ.</li>
 * </ul>
 *
 * <h2>Input blocks</h2>
 * A network may represent a sample by one or more row-aligned matrices (its input blocks), built
 * once from the data: the inputs with a bias column for fully connected networks, the raw inputs
 * for convolutional ones, the value-weighted context mean and the query for attention. Selecting a
 * minibatch copies the chosen rows of every block, and of Y, into preallocated buffers of
 * {@link #capacity()} rows; the kernel then sees matrices with B rows. Kernels size their own
 * workspaces for {@link #maxRows()} rows and reshape them to the current row count, which never
 * reallocates. Nothing is allocated per selection or per evaluation.
 *
 * <p>Not safe for concurrent use; {@link #copy()} gives an independent instance that starts on the
 * full data.
 */
abstract class SampleObjective implements MinibatchObjective {
    private final int dimension;
    private final DMatrixRMaj[] fullInputs;
    private final DMatrixRMaj fullY;
    private final DMatrixRMaj[] batchInputs;
    private final DMatrixRMaj batchY;
    private final int capacity;

    private DMatrixRMaj[] inputs;
    private DMatrixRMaj Y;
    private final DMatrixRMaj R;

    /**
     * @param dimension the length of θ
     * @param inputs the network's input blocks for all P samples (row-aligned; not modified, and not
     *     copied: they must not change afterwards)
     * @param Y the targets, P × D_out (not modified, not copied)
     * @param capacity the largest minibatch, B_max ≥ 0 (0: full-batch only)
     */
    SampleObjective(int dimension, DMatrixRMaj[] inputs, DMatrixRMaj Y, int capacity) {
        this.dimension = dimension;
        this.fullInputs = inputs.clone();
        this.fullY = Y;
        this.capacity = Require.nonNegative("minibatch capacity", capacity);
        this.batchInputs = new DMatrixRMaj[inputs.length];
        for (int b = 0; b < inputs.length; b++) {
            Require.that(inputs[b].numRows == Y.numRows, "input block " + b + " has "
                    + inputs[b].numRows + " rows but Y has " + Y.numRows);
            batchInputs[b] = new DMatrixRMaj(capacity, inputs[b].numCols);
        }
        this.batchY = new DMatrixRMaj(capacity, Y.numCols);
        this.R = new DMatrixRMaj(maxRows(), Y.numCols);
        this.inputs = fullInputs.clone();
        this.Y = fullY;
    }

    /** max(P, capacity): the most rows a kernel ever sees. Kernels size their workspaces with it. */
    final int maxRows() {
        return Math.max(fullY.numRows, capacity);
    }

    /** P, the number of samples of the full data. */
    @Override
    public final int samples() {
        return fullY.numRows;
    }

    /** The full input blocks, for {@link #copy()}. */
    final DMatrixRMaj[] fullInputs() {
        return fullInputs.clone();
    }

    /** The full targets, for {@link #copy()}. */
    final DMatrixRMaj fullY() {
        return fullY;
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    @Override
    public final int capacity() {
        return capacity;
    }

    /**
     * Restricts the loss to rows[0 … count) of the data: copies them, in that order, into the batch
     * buffers. Allocates nothing.
     *
     * @throws InvalidInputException if count is not in [1, capacity] or a row is out of range
     */
    @Override
    public final void select(int[] rows, int count) {
        if (count < 1 || count > capacity || count > rows.length) {
            throw new InvalidInputException("minibatch size (" + count + ") must be between 1 and "
                    + "the capacity " + capacity + " and at most the " + rows.length + " rows given");
        }
        int p = fullY.numRows;
        for (int k = 0; k < count; k++) {
            if (rows[k] < 0 || rows[k] >= p) {
                throw new InvalidInputException("minibatch row " + k + " (" + rows[k]
                        + ") must be a sample index in [0, " + p + ")");
            }
        }
        for (int b = 0; b < fullInputs.length; b++) {
            copyRows(fullInputs[b], rows, count, batchInputs[b]);
            inputs[b] = batchInputs[b];
        }
        copyRows(fullY, rows, count, batchY);
        Y = batchY;
    }

    private static void copyRows(DMatrixRMaj from, int[] rows, int count, DMatrixRMaj to) {
        int c = from.numCols;
        to.reshape(count, c, false);
        for (int k = 0; k < count; k++) {
            System.arraycopy(from.data, rows[k] * c, to.data, k * c, c);
        }
    }

    @Override
    public final void selectAll() {
        System.arraycopy(fullInputs, 0, inputs, 0, fullInputs.length);
        Y = fullY;
    }

    /** L(θ) on the selected rows. Does not modify {@code theta}. */
    @Override
    public final double loss(double[] theta) {
        checkLength(theta);
        return residualsAndLoss(theta);
    }

    /** L(θ) and ∇L(θ) on the selected rows; writes {@code gradient}, does not modify {@code theta}. */
    @Override
    public final double lossAndGradient(double[] theta, double[] gradient) {
        checkLength(theta);
        checkLength(gradient);
        double loss = residualsAndLoss(theta);
        backward(theta, inputs, R, 1.0 / Y.numRows, gradient);
        return loss;
    }

    /** R = F − Y and ‖R‖²_F / (2B). */
    private double residualsAndLoss(double[] theta) {
        R.reshape(Y.numRows, Y.numCols, false);
        forward(theta, inputs, R);
        CommonOps_DDRM.subtractEquals(R, Y);
        double sum = 0;
        for (int k = 0, n = Y.numRows * Y.numCols; k < n; k++) {
            sum += R.data[k] * R.data[k];
        }
        return 0.5 * sum / Y.numRows;
    }

    private void checkLength(double[] vector) {
        if (vector.length != dimension) {
            throw new InvalidInputException("a parameter vector of length " + vector.length
                    + " was given but this objective has " + dimension + " parameters");
        }
    }

    /**
     * Writes the outputs f(x_μ; θ) of the rows of {@code inputs} into {@code F}, which is already
     * shaped B × D_out. Keeps whatever the following {@link #backward} needs in the kernel's own
     * workspaces. Modifies only {@code F} and those workspaces.
     */
    abstract void forward(double[] theta, DMatrixRMaj[] inputs, DMatrixRMaj F);

    /**
     * Writes ∇L = scale · Σ_μ J_μᵀ r_μ into {@code gradient}, given the residuals R = F − Y of the
     * last {@link #forward} on the same θ and inputs, with scale = 1/B. Modifies only
     * {@code gradient} and the kernel's workspaces.
     */
    abstract void backward(double[] theta, DMatrixRMaj[] inputs, DMatrixRMaj R, double scale,
            double[] gradient);
}
