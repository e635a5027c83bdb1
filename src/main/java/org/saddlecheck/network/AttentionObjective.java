package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.Tokens;

/**
 * The loss of a {@link LinearAttention} network summed over B sequences (all P, or a minibatch).
 * The input blocks are built once from the tokens: A (P × D), the value-weighted context means
 * a_μ = (1/N) Σ_n y_n x_n (keys are linear, so Σ_n y_n k_iᵀ x_n = k_iᵀ (N a_μ)), and X_q (P × D), the
 * queries. With r the residuals:
 * <pre>
 *   separate key and query, K and Q the H × D matrices of keys and queries:
 *     S = A Kᵀ,  T = X_q Qᵀ,  Φ = S ⊙ T  (B × H),   f = Φ v
 *     ∇_v = Φᵀ r / B,  ∇_K = ((r vᵀ) ⊙ T)ᵀ A / B,  ∇_Q = ((r vᵀ) ⊙ S)ᵀ X_q / B
 *   merged, W_i the D × D key-query matrices side by side in W' (D × H·D, W'_{a, i·D+b} = (W_i)_ab):
 *     C = A W' (B × H·D),  Φ_μi = Σ_b C_{μ, i·D+b} (x_q)_μb,   f = Φ v
 *     ∇_v = Φᵀ r / B,  ∇_{W_i} = v_i Aᵀ diag(r) X_q / B
 * </pre>
 */
final class AttentionObjective extends SampleObjective {
    private final LinearAttention network;
    private final int d;
    private final int heads;

    private final DMatrixRMaj K;
    private final DMatrixRMaj Q;
    private final DMatrixRMaj v;
    private final DMatrixRMaj S;
    private final DMatrixRMaj T;
    private final DMatrixRMaj Phi;
    private final DMatrixRMaj C;
    private final DMatrixRMaj gradK;
    private final DMatrixRMaj gradQ;
    private final DMatrixRMaj gradV;

    private final DMatrixRMaj Wcat;
    private final DMatrixRMaj WX;
    private final DMatrixRMaj rXq;
    private final DMatrixRMaj G;
    private final double[] kT;
    private final double[] qT;

    AttentionObjective(LinearAttention network, Dataset data, int capacity) {
        this(network, contextMeans(network, data.X()), queries(network, data.X()), data.Y(),
                capacity);
    }

    private AttentionObjective(LinearAttention network, DMatrixRMaj A, DMatrixRMaj Xq,
            DMatrixRMaj Y, int capacity) {
        super(network.parameterCount(), new DMatrixRMaj[] {A, Xq}, Y, capacity);
        this.network = network;
        this.d = network.dimension();
        this.heads = network.width();
        int rows = maxRows();
        boolean merged = network.merged();
        int h = heads;
        v = new DMatrixRMaj(h, 1);
        Phi = new DMatrixRMaj(rows, h);
        gradV = new DMatrixRMaj(h, 1);
        K = new DMatrixRMaj(merged ? 0 : h, d);
        Q = new DMatrixRMaj(merged ? 0 : h, d);
        S = new DMatrixRMaj(merged ? 0 : rows, h);
        T = new DMatrixRMaj(merged ? 0 : rows, h);
        C = new DMatrixRMaj(merged ? 0 : rows, h);
        gradK = new DMatrixRMaj(merged ? 0 : h, d);
        gradQ = new DMatrixRMaj(merged ? 0 : h, d);
        Wcat = new DMatrixRMaj(merged ? d : 0, h * d);
        WX = new DMatrixRMaj(merged ? rows : 0, h * d);
        rXq = new DMatrixRMaj(merged ? rows : 0, d);
        G = new DMatrixRMaj(merged ? d : 0, d);
        kT = new double[merged ? 0 : d * h];
        qT = new double[merged ? 0 : d * h];
    }

    /** a_μ = (1/N) Σ_n y_n x_n for every sequence, a new P × D matrix. */
    static DMatrixRMaj contextMeans(LinearAttention network, DMatrixRMaj tokens) {
        int d = network.dimension();
        int n = network.context();
        DMatrixRMaj A = new DMatrixRMaj(tokens.numRows, d);
        for (int mu = 0; mu < tokens.numRows; mu++) {
            int row = mu * tokens.numCols;
            for (int t = 0; t < n; t++) {
                double y = tokens.data[row + Tokens.yOffset(d, t)];
                int x = row + Tokens.xOffset(d, t);
                for (int a = 0; a < d; a++) {
                    A.data[mu * d + a] += y * tokens.data[x + a];
                }
            }
            for (int a = 0; a < d; a++) {
                A.data[mu * d + a] /= n;
            }
        }
        return A;
    }

    /** The queries x_q of every sequence, a new P × D matrix. */
    static DMatrixRMaj queries(LinearAttention network, DMatrixRMaj tokens) {
        int d = network.dimension();
        int q = Tokens.queryOffset(d, network.context());
        DMatrixRMaj Xq = new DMatrixRMaj(tokens.numRows, d);
        for (int mu = 0; mu < tokens.numRows; mu++) {
            System.arraycopy(tokens.data, mu * tokens.numCols + q, Xq.data, mu * d, d);
        }
        return Xq;
    }

    @Override
    void forward(double[] theta, DMatrixRMaj[] inputs, DMatrixRMaj F) {
        if (network.merged()) {
            forwardMerged(theta, inputs[0], inputs[1]);
        } else {
            forwardSeparate(theta, inputs[0], inputs[1]);
        }
        CommonOps_DDRM.mult(Phi, v, F);
    }

    /** S = A Kᵀ, T = X_q Qᵀ, Φ = S ⊙ T. */
    private void forwardSeparate(double[] theta, DMatrixRMaj A, DMatrixRMaj Xq) {
        int s = network.unitSize();
        for (int i = 0; i < heads; i++) {
            System.arraycopy(theta, i * s, K.data, i * d, d);
            System.arraycopy(theta, i * s + d, Q.data, i * d, d);
            v.data[i] = theta[i * s + 2 * d];
        }
        int rows = A.numRows;
        S.reshape(rows, heads, false);
        T.reshape(rows, heads, false);
        Phi.reshape(rows, heads, false);
        Kernels.transpose(K.data, heads, d, kT);
        Kernels.transpose(Q.data, heads, d, qT);
        Kernels.multiply(A.data, rows, d, kT, heads, S.data);
        Kernels.multiply(Xq.data, rows, d, qT, heads, T.data);
        for (int k = 0, n = rows * heads; k < n; k++) {
            Phi.data[k] = S.data[k] * T.data[k];
        }
    }

    /** C = A W', Φ_μi = Σ_b C_{μ, i·D+b} (x_q)_μb. */
    private void forwardMerged(double[] theta, DMatrixRMaj A, DMatrixRMaj Xq) {
        int s = network.unitSize();
        int hd = heads * d;
        for (int i = 0; i < heads; i++) {
            for (int a = 0; a < d; a++) {
                System.arraycopy(theta, i * s + a * d, Wcat.data, a * hd + i * d, d);
            }
            v.data[i] = theta[i * s + d * d];
        }
        CommonOps_DDRM.mult(A, Wcat, WX);
        int rows = A.numRows;
        Phi.reshape(rows, heads, false);
        for (int mu = 0; mu < rows; mu++) {
            for (int i = 0; i < heads; i++) {
                double sum = 0;
                for (int b = 0; b < d; b++) {
                    sum += WX.data[mu * hd + i * d + b] * Xq.data[mu * d + b];
                }
                Phi.data[mu * heads + i] = sum;
            }
        }
    }

    @Override
    void backward(double[] theta, DMatrixRMaj[] inputs, DMatrixRMaj R, double scale,
            double[] gradient) {
        CommonOps_DDRM.multTransA(scale, Phi, R, gradV);
        if (network.merged()) {
            backwardMerged(inputs[0], inputs[1], R, scale, gradient);
        } else {
            backwardSeparate(inputs[0], inputs[1], R, scale, gradient);
        }
    }

    /** ∇_K = ((r vᵀ) ⊙ T)ᵀ A / B and ∇_Q = ((r vᵀ) ⊙ S)ᵀ X_q / B. */
    private void backwardSeparate(DMatrixRMaj A, DMatrixRMaj Xq, DMatrixRMaj R, double scale,
            double[] gradient) {
        int rows = A.numRows;
        C.reshape(rows, heads, false);
        weightedResiduals(R, scale, T, rows);
        Kernels.multiplyTransA(C.data, rows, heads, A.data, d, gradK.data);
        weightedResiduals(R, scale, S, rows);
        Kernels.multiplyTransA(C.data, rows, heads, Xq.data, d, gradQ.data);
        int s = network.unitSize();
        for (int i = 0; i < heads; i++) {
            System.arraycopy(gradK.data, i * d, gradient, i * s, d);
            System.arraycopy(gradQ.data, i * d, gradient, i * s + d, d);
            gradient[i * s + 2 * d] = gradV.data[i];
        }
    }

    /** C = scale · (r vᵀ) ⊙ M over the first {@code rows} rows. Modifies only C. */
    private void weightedResiduals(DMatrixRMaj R, double scale, DMatrixRMaj M, int rows) {
        for (int mu = 0; mu < rows; mu++) {
            double r = scale * R.data[mu];
            int row = mu * heads;
            for (int i = 0; i < heads; i++) {
                C.data[row + i] = r * v.data[i] * M.data[row + i];
            }
        }
    }

    /** G = Aᵀ diag(r) X_q / B, then ∇_{W_i} = v_i G. */
    private void backwardMerged(DMatrixRMaj A, DMatrixRMaj Xq, DMatrixRMaj R, double scale,
            double[] gradient) {
        int rows = A.numRows;
        rXq.reshape(rows, d, false);
        for (int mu = 0; mu < rows; mu++) {
            double r = scale * R.data[mu];
            for (int b = 0; b < d; b++) {
                rXq.data[mu * d + b] = r * Xq.data[mu * d + b];
            }
        }
        CommonOps_DDRM.multTransA(A, rXq, G);
        int s = network.unitSize();
        int dd = d * d;
        for (int i = 0; i < heads; i++) {
            double vi = v.data[i];
            for (int k = 0; k < dd; k++) {
                gradient[i * s + k] = vi * G.data[k];
            }
            gradient[i * s + dd] = gradV.data[i];
        }
    }

    @Override
    public MinibatchObjective copy() {
        DMatrixRMaj[] inputs = fullInputs();
        return new AttentionObjective(network, inputs[0], inputs[1], fullY(), capacity());
    }
}
