package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;
import org.saddlecheck.task.Dataset;

/**
 * The exact loss of a network whose φ is linear in u, written with the data's second moments, so
 * that one evaluation costs O(H·D_in·D_out) whatever the number of samples P. Such a network
 * computes f(x) = W x with W = Vᵀ U = Σ_i v_i u_iᵀ: the linear fully connected network
 * (W is D_out × D_in) and the linear convolutional network (W is N_p × k, and f = ⟨W, x⟩ reads the
 * same numbers as the 1 × N_p·k map applied to x, so the statistics below use W reshaped to
 * D_out × D_in and the gradient products use it as |v| × |u|; the reshape copies nothing). With
 * G = W Σ_xx − Σ_yx and M = Σ_yx Σ_xx⁺ the least-squares map:
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
    private final Network network;
    private final Dataset data;
    private final DMatrixRMaj sigmaXX;
    private final DMatrixRMaj sigmaYX;
    private final DMatrixRMaj M;
    private final double irreducibleLoss;

    private final int h;
    private final int uSize;
    private final int vSize;
    private final int inputs;
    private final int outputs;
    private final double[] sxx;
    private final double[] syx;
    private final double[] w;
    private final double[] g;
    private final double[] gT;

    /**
     * @param network a network with {@link PhiTraits#linear()} φ whose map is x ↦ (VᵀU) x with
     *     |v|·|u| = D_out·D_in
     */
    LinearStatisticsObjective(Network network, Dataset data) {
        this.network = network;
        this.data = data;
        this.sigmaXX = data.sigmaXX();
        this.sigmaYX = data.sigmaYX();
        DMatrixRMaj pinv = new DMatrixRMaj(sigmaXX.numRows, sigmaXX.numCols);
        CommonOps_DDRM.pinv(sigmaXX, pinv);
        this.M = new DMatrixRMaj(sigmaYX.numRows, sigmaYX.numCols);
        CommonOps_DDRM.mult(sigmaYX, pinv, M);
        double fitted = 0;
        for (int k = 0; k < M.data.length; k++) {
            fitted += M.data[k] * sigmaYX.data[k];
        }
        this.irreducibleLoss = Math.max(0, 0.5 * (CommonOps_DDRM.trace(data.sigmaYY()) - fitted));

        int h = network.width();
        int uSize = network.uSize();
        int vSize = network.vSize();
        Require.that(network.traits().linear() && uSize * vSize == sigmaYX.getNumElements(),
                "the " + network.kind() + " network is not linear in W = VᵀU with "
                + sigmaYX.numRows + "·" + sigmaYX.numCols + " entries");
        this.h = h;
        this.uSize = uSize;
        this.vSize = vSize;
        this.inputs = sigmaYX.numCols;
        this.outputs = sigmaYX.numRows;
        this.sxx = sigmaXX.data;
        this.syx = sigmaYX.data;
        w = new double[vSize * uSize];
        g = new double[vSize * uSize];
        gT = new double[uSize * vSize];
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
        Kernels.transpose(g, vSize, uSize, gT);
        int s = uSize + vSize;
        for (int i = 0; i < h; i++) {
            int unit = i * s;
            // ∂L/∂u_i = Gᵀ v_i = Σ_a v_ia G[a, :], and ∂L/∂v_i = G u_i = Σ_b u_ib Gᵀ[b, :]
            Kernels.rowTimesMatrix(theta, unit + uSize, vSize, g, uSize, gradient, unit);
            Kernels.rowTimesMatrix(theta, unit, uSize, gT, vSize, gradient, unit + uSize);
        }
        return loss;
    }

    /**
     * W = VᵀU = Σ_i v_i u_iᵀ and G = WΣ_xx − Σ_yx, read straight from θ's unit blocks; both left
     * in the workspaces shaped |v| × |u| (the statistics read the same numbers as D_out × D_in).
     */
    private void residual(double[] theta) {
        if (theta.length != network.parameterCount()) {
            throw new InvalidInputException("a parameter vector of length "
                    + theta.length + " was given but this objective has "
                    + network.parameterCount() + " parameters");
        }
        Kernels.outerProductSum(theta, h, uSize, vSize, w);
        Kernels.multiply(w, outputs, inputs, sxx, inputs, g);
        for (int k = 0, n = g.length; k < n; k++) {
            g[k] -= syx[k];
        }
    }

    /** ½⟨W − M, G⟩, summed without forming W − M. */
    private double reducibleLoss() {
        double sum = 0;
        double[] m = M.data;
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
