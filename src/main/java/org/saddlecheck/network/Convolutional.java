package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;
import org.saddlecheck.task.Dataset;

/**
 * The two-layer convolutional network of the paper's table of networks (Section 2, Eq. 1) with
 * non-overlapping patches: the input x ∈ R^{N_p·k} is cut into N_p patches x_p = x[p·k, (p+1)·k)
 * (stride k, no bias), each kernel u_i ∈ R^k is applied to every patch, and a readout
 * v_i ∈ R^{N_p} weighs the patches:
 * <pre>
 *   f(x; θ) = Σ_i Σ_p v_ip σ(u_iᵀ x_p)          (scalar output)
 * </pre>
 * so φ(x; u) = [σ(uᵀx_1) … σ(uᵀx_{N_p})] and the unit term is v_iᵀ φ(x; u_i). The kinds are
 * {@code linear-conv} (σ(z) = z, type I saddles: the rank of W = Σ_i v_i u_iᵀ grows) and
 * {@code relu-conv} (type II: the number of kernel rays grows). φ inherits its traits from σ.
 *
 * <p>Layout of unit i: u_i = (u_i1 … u_ik) then v_i = (v_i1 … v_iN_p).
 */
public final class Convolutional implements Network {
    private final Activation activation;
    private final int patches;
    private final int kernel;
    private final int width;

    /**
     * @param activation σ, {@link Activation#LINEAR} or {@link Activation#RELU}
     * @param patches N_p, the number of patches
     * @param kernel k, the kernel size and stride
     * @param width H, the number of kernels
     * @throws InvalidInputException for another activation or a size that is not positive
     */
    public Convolutional(Activation activation, int patches, int kernel, int width) {
        if (activation != Activation.LINEAR && activation != Activation.RELU) {
            throw new InvalidInputException("activation " + activation.id() + " is not available"
                    + " for convolutional networks; use linear or relu");
        }
        this.activation = activation;
        this.patches = Require.positive("number of patches N_p", patches);
        this.kernel = Require.positive("kernel size k", kernel);
        this.width = Require.positive("width H", width);
    }

    public Activation activation() {
        return activation;
    }

    /** N_p. */
    public int patches() {
        return patches;
    }

    /** k. */
    public int kernel() {
        return kernel;
    }

    @Override
    public String kind() {
        return activation.id() + "-conv";
    }

    @Override
    public int width() {
        return width;
    }

    /** N_p · k. */
    @Override
    public int inputSize() {
        return patches * kernel;
    }

    @Override
    public int outputSize() {
        return 1;
    }

    @Override
    public int uSize() {
        return kernel;
    }

    @Override
    public int vSize() {
        return patches;
    }

    @Override
    public PhiTraits traits() {
        return activation.traits();
    }

    @Override
    public Convolutional withWidth(int newWidth) {
        return new Convolutional(activation, patches, kernel, newWidth);
    }

    /** Σ_p v_ip σ(u_iᵀ x_μp) for every row μ of X, as a new P × 1 matrix. */
    @Override
    public DMatrixRMaj unitTerm(double[] theta, int unit, DMatrixRMaj X) {
        checkShapes(theta, X);
        Require.that(unit >= 0 && unit < width, "unit (" + unit + ") must be in [0, " + width + ")");
        DMatrixRMaj out = new DMatrixRMaj(X.numRows, 1);
        addUnitTerm(theta, unit, X, out);
        return out;
    }

    /** f(x_μ; θ) = Σ_i Σ_p v_ip σ(u_iᵀ x_μp) for every row μ of X, as a new P × 1 matrix. */
    @Override
    public DMatrixRMaj predict(double[] theta, DMatrixRMaj X) {
        checkShapes(theta, X);
        DMatrixRMaj out = new DMatrixRMaj(X.numRows, 1);
        for (int i = 0; i < width; i++) {
            addUnitTerm(theta, i, X, out);
        }
        return out;
    }

    /** out_μ += Σ_p v_ip σ(u_iᵀ x_μp), patch by patch. */
    private void addUnitTerm(double[] theta, int unit, DMatrixRMaj X, DMatrixRMaj out) {
        int u = uOffset(unit);
        int v = vOffset(unit);
        for (int mu = 0; mu < X.numRows; mu++) {
            double sum = 0;
            for (int p = 0; p < patches; p++) {
                double z = 0;
                for (int d = 0; d < kernel; d++) {
                    z += theta[u + d] * X.unsafe_get(mu, p * kernel + d);
                }
                sum += theta[v + p] * activation.value(z);
            }
            out.data[mu] += sum;
        }
    }

    private void checkShapes(double[] theta, DMatrixRMaj X) {
        Require.length("θ", theta, parameterCount());
        Require.that(X.numCols == inputSize(), "X has " + X.numCols + " columns but the " + kind()
                + " network expects N_p·k = " + inputSize() + " inputs");
    }

    /**
     * The loss on {@code data}. The linear network uses the exact second-moment form
     * {@link LinearStatisticsObjective} (f = ⟨W, x⟩ with W = Σ_i v_i u_iᵀ read as an N_p × k
     * matrix); the ReLU network sums over the samples ({@link ConvolutionalObjective}).
     *
     * @throws InvalidInputException if the data's column counts do not fit
     */
    @Override
    public Objective objective(Dataset data) {
        checkData(data);
        if (activation == Activation.LINEAR) {
            return new LinearStatisticsObjective(this, data);
        }
        return new ConvolutionalObjective(this, data, 0);
    }

    /** The sample-by-sample loss, restricted to minibatches of at most {@code batchSize} rows. */
    @Override
    public MinibatchObjective minibatchObjective(Dataset data, int batchSize) {
        checkData(data);
        Require.positive("minibatch size B", batchSize);
        return new ConvolutionalObjective(this, data, batchSize);
    }

    /** The sample-by-sample loss, also for the linear network (to test it against the statistics). */
    public Objective sampleObjective(Dataset data) {
        checkData(data);
        return new ConvolutionalObjective(this, data, 0);
    }

    private void checkData(Dataset data) {
        Require.that(data.inputSize() == inputSize(), "the data has " + data.inputSize()
                + " input columns but the " + kind() + " network expects N_p·k = " + inputSize());
        Require.that(data.outputSize() == 1, "the data has " + data.outputSize()
                + " target columns but the " + kind() + " network has a scalar output");
    }

    @Override
    public String toString() {
        return kind() + "(N_p=" + patches + ", k=" + kernel + ", H=" + width + ")";
    }
}
