package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.task.Dataset;

/**
 * A two-layer network of the paper's class (Eq. 1), f(x; θ) = Σ_{i=1..H} φ(x; u_i) v_i, whose units
 * θ_i = (u_i, v_i) enter only through their own term.
 *
 * <h2>Parameter layout</h2>
 * θ is one flat vector of length H·(|u| + |v|). Unit i occupies the contiguous block
 * θ[i·s, (i+1)·s) with s = {@link #unitSize()}: first u_i ({@link #uSize()} entries), then v_i
 * ({@link #vSize()} entries). Each network documents the order inside u_i and v_i. This is the layout
 * of every saved parameter vector, so another implementation can read one with a reshape to
 * H × s.
 */
public interface Network {

    /** The kind, as named in scenario files (for example {@code "linear"} or {@code "relu-conv"}). */
    String kind();

    /** H, the number of units. */
    int width();

    /** The number of columns of the input matrix X this network reads. */
    int inputSize();

    /** The number of columns of the target matrix Y, D_out. */
    int outputSize();

    /** |u|, the number of first-layer weights per unit. */
    int uSize();

    /** |v|, the number of second-layer weights per unit. */
    int vSize();

    /** The declared properties of φ in u. */
    PhiTraits traits();

    /** The same network with another width H. */
    Network withWidth(int width);

    /**
     * The term of one unit in the outputs, φ(x_μ; u_i) v_i for every row of X, as a new P × D_out
     * matrix. The outputs are the sum of these terms over the units.
     */
    DMatrixRMaj unitTerm(double[] theta, int unit, DMatrixRMaj X);

    /** The outputs f(x_μ; θ) for every row of X, as a new P × D_out matrix. */
    DMatrixRMaj predict(double[] theta, DMatrixRMaj X);

    /** The loss of this network on {@code data}, with fresh workspaces. */
    Objective objective(Dataset data);

    /**
     * The loss on {@code data} that can be restricted to minibatches of at most {@code batchSize}
     * rows, for stochastic gradient descent.
     */
    MinibatchObjective minibatchObjective(Dataset data, int batchSize);

    /** |u| + |v|. */
    default int unitSize() {
        return uSize() + vSize();
    }

    /** H·(|u| + |v|), the length of θ. */
    default int parameterCount() {
        return width() * unitSize();
    }

    /** Offset of u_i in θ. */
    default int uOffset(int unit) {
        return unit * unitSize();
    }

    /** Offset of v_i in θ. */
    default int vOffset(int unit) {
        return unit * unitSize() + uSize();
    }
}
