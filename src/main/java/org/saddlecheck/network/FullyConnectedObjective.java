package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlecheck.task.Dataset;

/**
 * The loss of a {@link FullyConnected} network summed over the samples. With Z = X̃Uᵀ (P × H) the
 * pre-activations, A = σ(Z) and R = AV − Y the residuals:
 * <pre>
 *   L    = ‖R‖²_F / (2P)
 *   ∇_V  = Aᵀ R / P                       (H × D_out)
 *   ∇_U  = ((R Vᵀ) ⊙ σ'(Z))ᵀ X̃ / P       (H × |u|)
 * </pre>
 * All workspaces are allocated once, in the constructor.
 */
final class FullyConnectedObjective implements Objective {
    private final FullyConnected network;
    private final Dataset data;
    private final Activation sigma;
    private final DMatrixRMaj Xt;
    private final DMatrixRMaj Y;
    private final double inverseP;

    private final DMatrixRMaj U;
    private final DMatrixRMaj V;
    private final DMatrixRMaj Z;
    private final DMatrixRMaj A;
    private final DMatrixRMaj R;
    private final DMatrixRMaj B;
    private final DMatrixRMaj gradU;
    private final DMatrixRMaj gradV;

    FullyConnectedObjective(FullyConnected network, Dataset data) {
        this.network = network;
        this.data = data;
        this.sigma = network.activation();
        this.Xt = network.bias() ? withOnes(data.X()) : data.X();
        this.Y = data.Y();
        this.inverseP = 1.0 / data.samples();
        int p = data.samples();
        int h = network.width();
        U = new DMatrixRMaj(h, network.uSize());
        V = new DMatrixRMaj(h, network.vSize());
        Z = new DMatrixRMaj(p, h);
        A = new DMatrixRMaj(p, h);
        R = new DMatrixRMaj(p, network.outputSize());
        B = new DMatrixRMaj(p, h);
        gradU = new DMatrixRMaj(h, network.uSize());
        gradV = new DMatrixRMaj(h, network.vSize());
    }

    private static DMatrixRMaj withOnes(DMatrixRMaj X) {
        DMatrixRMaj Xt = new DMatrixRMaj(X.numRows, X.numCols + 1);
        CommonOps_DDRM.insert(X, Xt, 0, 0);
        for (int mu = 0; mu < X.numRows; mu++) {
            Xt.unsafe_set(mu, X.numCols, 1.0);
        }
        return Xt;
    }

    @Override
    public int dimension() {
        return network.parameterCount();
    }

    @Override
    public double loss(double[] theta) {
        forward(theta);
        return residualLoss();
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        forward(theta);
        double loss = residualLoss();

        // ∇_V = Aᵀ R / P
        CommonOps_DDRM.multTransA(inverseP, A, R, gradV);

        // B = (R Vᵀ) ⊙ σ'(Z), then ∇_U = Bᵀ X̃ / P
        CommonOps_DDRM.multTransB(R, V, B);
        double[] b = B.data;
        double[] z = Z.data;
        for (int k = 0, n = b.length; k < n; k++) {
            b[k] *= sigma.derivative(z[k]);
        }
        CommonOps_DDRM.multTransA(inverseP, B, Xt, gradU);

        Units.join(gradU, gradV, gradient);
        return loss;
    }

    /** Z = X̃Uᵀ, A = σ(Z), R = AV − Y. */
    private void forward(double[] theta) {
        Units.split(theta, network.uSize(), network.vSize(), U, V);
        CommonOps_DDRM.multTransB(Xt, U, Z);
        double[] z = Z.data;
        double[] a = A.data;
        for (int k = 0, n = z.length; k < n; k++) {
            a[k] = sigma.value(z[k]);
        }
        CommonOps_DDRM.mult(A, V, R);
        CommonOps_DDRM.subtractEquals(R, Y);
    }

    private double residualLoss() {
        double sum = 0;
        for (double r : R.data) {
            sum += r * r;
        }
        return 0.5 * inverseP * sum;
    }

    @Override
    public Objective copy() {
        return new FullyConnectedObjective(network, data);
    }
}
