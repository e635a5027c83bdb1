package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlecheck.task.Dataset;

/**
 * The loss of a {@link Convolutional} network summed over B samples (all P, or a minibatch). The
 * B × (N_p·k) row-major input matrix is, in the same memory, the (B·N_p) × k matrix X_p of all
 * patches, so one product applies every kernel to every patch. With Z = X_p Uᵀ ((B·N_p) × H),
 * A = σ(Z) read as a B × (N_p·H) matrix A' (entry (μ, p·H + i)) and ṽ the N_p·H vector with
 * ṽ_{p·H+i} = v_ip:
 * <pre>
 *   f        = A' ṽ                                  (B × 1)
 *   ∂L/∂ṽ    = A'ᵀ r / B                             (then ∂L/∂v_ip = (∂L/∂ṽ)_{p·H+i})
 *   ∂L/∂Z    = r_μ v_ip σ'(Z_{(μ,p), i}) / B
 *   ∇_U      = (∂L/∂Z)ᵀ X_p                          (H × k)
 * </pre>
 */
final class ConvolutionalObjective extends SampleObjective {
    private final Convolutional network;
    private final Activation sigma;
    private final int patches;
    private final int width;

    private final DMatrixRMaj U;
    private final DMatrixRMaj V;
    private final DMatrixRMaj vt;
    private final DMatrixRMaj patchView;
    private final DMatrixRMaj Z;
    private final DMatrixRMaj A;
    private final DMatrixRMaj unitView;
    private final DMatrixRMaj gradZ;
    private final DMatrixRMaj gradU;
    private final DMatrixRMaj gradVt;
    private final DMatrixRMaj gradV;

    ConvolutionalObjective(Convolutional network, Dataset data, int capacity) {
        this(network, data.X(), data.Y(), capacity);
    }

    private ConvolutionalObjective(Convolutional network, DMatrixRMaj X, DMatrixRMaj Y,
            int capacity) {
        super(network.parameterCount(), new DMatrixRMaj[] {X}, Y, capacity);
        this.network = network;
        this.sigma = network.activation();
        this.patches = network.patches();
        this.width = network.width();
        int k = network.kernel();
        int patchRows = maxRows() * patches;
        U = new DMatrixRMaj(width, k);
        V = new DMatrixRMaj(width, patches);
        vt = new DMatrixRMaj(patches * width, 1);
        patchView = new DMatrixRMaj(1, 1);
        Z = new DMatrixRMaj(patchRows, width);
        A = new DMatrixRMaj(patchRows, width);
        unitView = new DMatrixRMaj(1, 1);
        gradZ = new DMatrixRMaj(patchRows, width);
        gradU = new DMatrixRMaj(width, k);
        gradVt = new DMatrixRMaj(patches * width, 1);
        gradV = new DMatrixRMaj(width, patches);
    }

    /** Points {@code view} at {@code data} read as a rows × cols matrix; copies nothing. */
    private static void view(DMatrixRMaj view, double[] data, int rows, int cols) {
        view.data = data;
        view.numRows = rows;
        view.numCols = cols;
    }

    /** Z = X_p Uᵀ, A = σ(Z), F = A'ṽ. */
    @Override
    void forward(double[] theta, DMatrixRMaj[] inputs, DMatrixRMaj F) {
        DMatrixRMaj X = inputs[0];
        int rows = X.numRows;
        Units.split(theta, U.numCols, V.numCols, U, V);
        for (int i = 0; i < width; i++) {
            for (int p = 0; p < patches; p++) {
                vt.data[p * width + i] = V.data[i * patches + p];
            }
        }

        view(patchView, X.data, rows * patches, U.numCols);
        CommonOps_DDRM.multTransB(patchView, U, Z);
        A.reshape(Z.numRows, width, false);
        double[] z = Z.data;
        double[] a = A.data;
        for (int k = 0, n = Z.numRows * width; k < n; k++) {
            a[k] = sigma.value(z[k]);
        }

        view(unitView, A.data, rows, patches * width);
        CommonOps_DDRM.mult(unitView, vt, F);
    }

    /** ∂L/∂ṽ = A'ᵀ r / B, ∂L/∂Z = r_μ v_ip σ'(Z) / B, ∇_U = (∂L/∂Z)ᵀ X_p. */
    @Override
    void backward(double[] theta, DMatrixRMaj[] inputs, DMatrixRMaj R, double scale,
            double[] gradient) {
        CommonOps_DDRM.multTransA(scale, unitView, R, gradVt);
        for (int i = 0; i < width; i++) {
            for (int p = 0; p < patches; p++) {
                gradV.data[i * patches + p] = gradVt.data[p * width + i];
            }
        }

        gradZ.reshape(Z.numRows, width, false);
        double[] g = gradZ.data;
        double[] z = Z.data;
        for (int mu = 0, row = 0; mu < R.numRows; mu++) {
            double r = scale * R.data[mu];
            for (int p = 0; p < patches; p++, row++) {
                for (int i = 0; i < width; i++) {
                    int k = row * width + i;
                    g[k] = r * vt.data[p * width + i] * sigma.derivative(z[k]);
                }
            }
        }
        CommonOps_DDRM.multTransA(gradZ, patchView, gradU);
        Units.join(gradU, gradV, gradient);
    }

    @Override
    public MinibatchObjective copy() {
        return new ConvolutionalObjective(network, fullInputs()[0], fullY(), capacity());
    }
}
