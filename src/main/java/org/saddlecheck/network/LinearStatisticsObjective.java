package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlecheck.task.Dataset;

/**
 * The exact loss of the linear fully connected network written with the data's second moments,
 * so that one evaluation costs O(H·D_in·D_out) whatever the number of samples P. With
 * W = Vᵀ U (D_out × D_in), G = W Σ_xx − Σ_yx and M = Σ_yx Σ_xx⁺ the least-squares map:
 * <pre>
 *   L    = ½ ⟨W − M, G⟩ + L_irr,     L_irr = ½ (tr Σ_yy − ⟨M, Σ_yx⟩)
 *   ∇_U  = V G                        (H × D_in;  ∂L/∂u_i = Gᵀ v_i)
 *   ∇_V  = U Gᵀ                       (H × D_out; ∂L/∂v_i = G u_i)
 * </pre>
 * This equals the sample loss (1/(2P)) Σ ‖y_μ − W x_μ‖² because (W − M) Σ_xx = G. Writing the
 * reducible part as ½⟨W − M, G⟩ avoids the cancellation of expanding the square, so the loss keeps
 * its relative accuracy on late plateaus. L_irr is the irreducible loss.
 */
public final class LinearStatisticsObjective implements Objective {
    private final FullyConnected network;
    private final Dataset data;
    private final DMatrixRMaj sigmaXX;
    private final DMatrixRMaj sigmaYX;
    private final DMatrixRMaj M;
    private final double irreducibleLoss;

    private final DMatrixRMaj U;
    private final DMatrixRMaj V;
    private final DMatrixRMaj W;
    private final DMatrixRMaj G;
    private final DMatrixRMaj gradU;
    private final DMatrixRMaj gradV;

    LinearStatisticsObjective(FullyConnected network, Dataset data) {
        this.network = network;
        this.data = data;
        this.sigmaXX = data.sigmaXX();
        this.sigmaYX = data.sigmaYX();
        DMatrixRMaj pinv = new DMatrixRMaj(sigmaXX.numRows, sigmaXX.numCols);
        CommonOps_DDRM.pinv(sigmaXX, pinv);
        this.M = new DMatrixRMaj(sigmaYX.numRows, sigmaYX.numCols);
        CommonOps_DDRM.mult(sigmaYX, pinv, M);
        double fitted = 0;
        for (int k = 0, n = M.getNumElements(); k < n; k++) {
            fitted += M.data[k] * sigmaYX.data[k];
        }
        this.irreducibleLoss = Math.max(0, 0.5 * (CommonOps_DDRM.trace(data.sigmaYY()) - fitted));

        int h = network.width();
        int dIn = network.inputSize();
        int dOut = network.outputSize();
        U = new DMatrixRMaj(h, dIn);
        V = new DMatrixRMaj(h, dOut);
        W = new DMatrixRMaj(dOut, dIn);
        G = new DMatrixRMaj(dOut, dIn);
        gradU = new DMatrixRMaj(h, dIn);
        gradV = new DMatrixRMaj(h, dOut);
    }

    /** L_irr, the loss of the best linear map; the floor under every plateau. */
    public double irreducibleLoss() {
        return irreducibleLoss;
    }

    @Override
    public int dimension() {
        return network.parameterCount();
    }

    @Override
    public double loss(double[] theta) {
        residual(theta);
        return reducibleLoss() + irreducibleLoss;
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        residual(theta);
        double loss = reducibleLoss() + irreducibleLoss;
        CommonOps_DDRM.mult(V, G, gradU);
        CommonOps_DDRM.multTransB(U, G, gradV);
        Units.join(gradU, gradV, gradient);
        return loss;
    }

    /** W = VᵀU and G = WΣ_xx − Σ_yx. */
    private void residual(double[] theta) {
        Units.split(theta, U.numCols, V.numCols, U, V);
        CommonOps_DDRM.multTransA(V, U, W);
        CommonOps_DDRM.mult(W, sigmaXX, G);
        CommonOps_DDRM.subtractEquals(G, sigmaYX);
    }

    /** ½⟨W − M, G⟩, summed without forming W − M. */
    private double reducibleLoss() {
        double sum = 0;
        double[] w = W.data;
        double[] m = M.data;
        double[] g = G.data;
        for (int k = 0, n = g.length; k < n; k++) {
            sum += (w[k] - m[k]) * g[k];
        }
        return 0.5 * sum;
    }

    @Override
    public Objective copy() {
        return new LinearStatisticsObjective(network, data);
    }
}
