package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.Require;
import org.saddlecheck.task.Dataset;

/**
 * The two-layer fully connected network f(x; θ) = Σ_i σ(u_iᵀ x̃) v_i of the paper's Table of
 * networks: linear, ReLU, quadratic (σ(z) = z²), cubic, tanh and x·tanh(x).
 *
 * <p>Layout of unit i: u_i = (u_i1 … u_iD_in[, b_i]) then v_i = (v_i1 … v_iD_out). With a bias, x̃ is
 * x with a constant 1 appended, so the bias b_i is the last entry of u_i and φ stays homogeneous in
 * u (the paper folds the bias into the input the same way).
 */
public final class FullyConnected implements Network {
    private final Activation activation;
    private final int inputs;
    private final int outputs;
    private final int width;
    private final boolean bias;

    /**
     * @param activation σ
     * @param inputs D_in, columns of X
     * @param outputs D_out, columns of Y
     * @param width H
     * @param bias whether a constant 1 is appended to every input
     */
    public FullyConnected(Activation activation, int inputs, int outputs, int width, boolean bias) {
        this.activation = activation;
        this.inputs = Require.positive("inputs D_in", inputs);
        this.outputs = Require.positive("outputs D_out", outputs);
        this.width = Require.positive("width H", width);
        this.bias = bias;
    }

    public Activation activation() {
        return activation;
    }

    public boolean bias() {
        return bias;
    }

    @Override
    public String kind() {
        return activation.id();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int outputSize() {
        return outputs;
    }

    @Override
    public int uSize() {
        return bias ? inputs + 1 : inputs;
    }

    @Override
    public int vSize() {
        return outputs;
    }

    @Override
    public PhiTraits traits() {
        return activation.traits();
    }

    @Override
    public FullyConnected withWidth(int newWidth) {
        return new FullyConnected(activation, inputs, outputs, newWidth, bias);
    }

    @Override
    public DMatrixRMaj unitTerm(double[] theta, int unit, DMatrixRMaj X) {
        checkShapes(theta, X);
        Require.that(unit >= 0 && unit < width, "unit (" + unit + ") must be in [0, " + width + ")");
        DMatrixRMaj out = new DMatrixRMaj(X.numRows, outputs);
        addUnitTerm(theta, unit, X, out);
        return out;
    }

    @Override
    public DMatrixRMaj predict(double[] theta, DMatrixRMaj X) {
        checkShapes(theta, X);
        DMatrixRMaj out = new DMatrixRMaj(X.numRows, outputs);
        for (int i = 0; i < width; i++) {
            addUnitTerm(theta, i, X, out);
        }
        return out;
    }

    /** out += σ(u_iᵀ x̃_μ) v_i for every row μ. */
    private void addUnitTerm(double[] theta, int unit, DMatrixRMaj X, DMatrixRMaj out) {
        int u = uOffset(unit);
        int v = vOffset(unit);
        for (int mu = 0; mu < X.numRows; mu++) {
            double z = bias ? theta[u + inputs] : 0;
            for (int d = 0; d < inputs; d++) {
                z += theta[u + d] * X.unsafe_get(mu, d);
            }
            double phi = activation.value(z);
            for (int k = 0; k < outputs; k++) {
                out.unsafe_set(mu, k, out.unsafe_get(mu, k) + phi * theta[v + k]);
            }
        }
    }

    private void checkShapes(double[] theta, DMatrixRMaj X) {
        Require.length("θ", theta, parameterCount());
        Require.that(X.numCols == inputs, "X has " + X.numCols + " columns but the " + kind()
                + " network expects " + inputs + " inputs");
    }

    /**
     * The loss on {@code data}. A linear network without bias uses the exact second-moment form
     * {@link LinearStatisticsObjective}, whose cost does not depend on P; every other network sums
     * over the samples ({@link FullyConnectedObjective}).
     *
     * @throws org.saddlecheck.InvalidInputException if the data's column counts do not fit
     */
    @Override
    public Objective objective(Dataset data) {
        checkData(data);
        if (activation == Activation.LINEAR && !bias) {
            return new LinearStatisticsObjective(this, data);
        }
        return new FullyConnectedObjective(this, data, 0);
    }

    /**
     * The sample-by-sample loss restricted to minibatches of at most {@code batchSize} rows
     * ({@link FullyConnectedObjective}); it starts on the full data. Also for the linear network,
     * since a minibatch has no precomputed statistics.
     */
    @Override
    public MinibatchObjective minibatchObjective(Dataset data, int batchSize) {
        checkData(data);
        Require.positive("minibatch size B", batchSize);
        return new FullyConnectedObjective(this, data, batchSize);
    }

    /** The sample-by-sample loss, also for a linear network (to test it against the statistics). */
    public Objective sampleObjective(Dataset data) {
        checkData(data);
        return new FullyConnectedObjective(this, data, 0);
    }

    /**
     * The same loss through the moments of the features vec(x xᵀ) ({@link BilinearMomentObjective}):
     * exact, with a cost per evaluation of O(D_in⁴ + H·D_in²) instead of O(P·H·D_in). Only for the
     * quadratic network (σ(z) = z²) with one output and no bias, whose output is xᵀ(Σ_i v_i u_i u_iᵀ)x.
     *
     * @throws org.saddlecheck.InvalidInputException for any other network, or data that do not fit
     */
    public BilinearMomentObjective momentObjective(Dataset data) {
        checkData(data);
        Require.that(activation == Activation.SQUARE && outputs == 1 && !bias, "the moment form"
                + " needs the quadratic network with one output and no bias, not " + this);
        return new BilinearMomentObjective(data.X(), data.X(), data.Y(), width, inputs + 1, 0, 0,
                inputs);
    }

    private void checkData(Dataset data) {
        Require.that(data.inputSize() == inputs, "the data has " + data.inputSize()
                + " input columns but the " + kind() + " network expects " + inputs);
        Require.that(data.outputSize() == outputs, "the data has " + data.outputSize()
                + " target columns but the " + kind() + " network expects " + outputs);
    }

    @Override
    public String toString() {
        return kind() + "(D_in=" + inputs + ", D_out=" + outputs + ", H=" + width
                + (bias ? ", bias" : "") + ")";
    }
}
