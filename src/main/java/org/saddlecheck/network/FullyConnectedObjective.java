package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlecheck.task.Dataset;

/**
 * The loss of a {@link FullyConnected} network summed over the samples (or a minibatch of B rows,
 * see {@link SampleObjective}). With X̃ the inputs with the bias column when there is one,
 * Z = X̃Uᵀ (B × H) the pre-activations, A = σ(Z) and R = AV − Y the residuals:
 * <pre>
 *   L    = ‖R‖²_F / (2B)
 *   ∇_V  = Aᵀ R / B                       (H × D_out)
 *   ∇_U  = ((R Vᵀ) ⊙ σ'(Z))ᵀ X̃ / B       (H × |u|)
 * </pre>
 * (B is the number of rows evaluated: P for the full data.)
 * All workspaces are allocated once, in the constructor, for max(P, capacity) rows.
 */
final class FullyConnectedObjective extends SampleObjective {
    private final FullyConnected network;
    private final Activation sigma;

    private final DMatrixRMaj U;
    private final DMatrixRMaj V;
    private final DMatrixRMaj Z;
    private final DMatrixRMaj A;
    private final DMatrixRMaj gradZ;
    private final DMatrixRMaj gradU;
    private final DMatrixRMaj gradV;
    private final double[] uT;
    private final double[] vT;

    FullyConnectedObjective(FullyConnected network, Dataset data, int capacity) {
        this(network, network.bias() ? withOnes(data.X()) : data.X(), data.Y(), capacity);
    }

    private FullyConnectedObjective(FullyConnected network, DMatrixRMaj Xt, DMatrixRMaj Y,
            int capacity) {
        super(network.parameterCount(), new DMatrixRMaj[] {Xt}, Y, capacity);
        this.network = network;
        this.sigma = network.activation();
        int rows = maxRows();
        int h = network.width();
        U = new DMatrixRMaj(h, network.uSize());
        V = new DMatrixRMaj(h, network.vSize());
        Z = new DMatrixRMaj(rows, h);
        A = new DMatrixRMaj(rows, h);
        gradZ = new DMatrixRMaj(rows, h);
        gradU = new DMatrixRMaj(h, network.uSize());
        gradV = new DMatrixRMaj(h, network.vSize());
        uT = new double[network.uSize() * h];
        vT = new double[network.vSize() * h];
    }

    /** X̃ = [X, 1], a new P × (D_in + 1) matrix. */
    static DMatrixRMaj withOnes(DMatrixRMaj X) {
        DMatrixRMaj Xt = new DMatrixRMaj(X.numRows, X.numCols + 1);
        CommonOps_DDRM.insert(X, Xt, 0, 0);
        for (int mu = 0; mu < X.numRows; mu++) {
            Xt.unsafe_set(mu, X.numCols, 1.0);
        }
        return Xt;
    }

    /** Z = X̃Uᵀ, A = σ(Z), F = AV. */
    @Override
    void forward(double[] theta, DMatrixRMaj[] inputs, DMatrixRMaj F) {
        DMatrixRMaj Xt = inputs[0];
        Units.split(theta, network.uSize(), network.vSize(), U, V);
        int rows = Xt.numRows;
        int h = U.numRows;
        Kernels.transpose(U.data, h, U.numCols, uT);
        Z.reshape(rows, h, false);
        Kernels.multiply(Xt.data, rows, Xt.numCols, uT, h, Z.data);
        A.reshape(Z.numRows, Z.numCols, false);
        double[] z = Z.data;
        double[] a = A.data;
        for (int k = 0, n = Z.numRows * Z.numCols; k < n; k++) {
            a[k] = sigma.value(z[k]);
        }
        Kernels.multiply(A.data, rows, h, V.data, V.numCols, F.data);
    }

    /** ∇_V = Aᵀ R / B; then ∇_Z = (R Vᵀ) ⊙ σ'(Z) (times B) and ∇_U = ∇_Zᵀ X̃ / B. */
    @Override
    void backward(double[] theta, DMatrixRMaj[] inputs, DMatrixRMaj R, double scale,
            double[] gradient) {
        int rows = R.numRows;
        int h = V.numRows;
        int outputs = V.numCols;
        Kernels.multiplyTransA(A.data, rows, h, R.data, outputs, gradV.data);
        scale(gradV.data, scale);
        Kernels.transpose(V.data, h, outputs, vT);
        gradZ.reshape(rows, h, false);
        Kernels.multiply(R.data, rows, outputs, vT, h, gradZ.data);
        double[] g = gradZ.data;
        double[] z = Z.data;
        for (int k = 0, n = gradZ.numRows * gradZ.numCols; k < n; k++) {
            g[k] *= sigma.derivative(z[k]);
        }
        Kernels.multiplyTransA(gradZ.data, rows, h, inputs[0].data, gradU.numCols, gradU.data);
        scale(gradU.data, scale);
        Units.join(gradU, gradV, gradient);
    }

    private static void scale(double[] x, double factor) {
        for (int k = 0; k < x.length; k++) {
            x[k] *= factor;
        }
    }

    @Override
    public MinibatchObjective copy() {
        return new FullyConnectedObjective(network, fullInputs()[0], fullY(), capacity());
    }
}
