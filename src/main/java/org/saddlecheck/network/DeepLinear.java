package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.Require;
import org.saddlecheck.task.Dataset;

/**
 * A three-layer linear network f(x) = W_3 W_2 W_1 x, optionally with a skip connection S x that
 * bypasses all three layers: f(x) = (W_3 W_2 W_1 + S) x (paper, Section 7 and the conjecture on
 * deep networks; Theorems 1 and 3 hold at any depth, the dynamics are analysed for two layers only).
 * A hidden unit of layer 1 is row j of W_1 with column j of W_2; of layer 2, row j of W_2 with
 * column j of W_3.
 *
 * <h2>Layout of θ</h2>
 * W_1 (H_1 × D_in), W_2 (H_2 × H_1), W_3 (D_out × H_2), each row-major, then S (D_out × D_in) when
 * there is a skip connection.
 *
 * <h2>Loss and gradient</h2>
 * With the second moments Σ_xx, Σ_yx and W = W_3 W_2 W_1 + S,
 * L = ½ tr(W Σ_xx Wᵀ) − tr(W Σ_yxᵀ) + ½ tr Σ_yy (the paper's loss with the ½), G = W Σ_xx − Σ_yx,
 * ∂L/∂W_1 = (W_3 W_2)ᵀ G, ∂L/∂W_2 = W_3ᵀ G W_1ᵀ, ∂L/∂W_3 = G (W_2 W_1)ᵀ, ∂L/∂S = G.
 *
 * <p>Limitation: not a {@link Network} (whose units belong to one hidden layer); it is an
 * {@link Objective} only, run by the integrators directly.
 */
public final class DeepLinear implements Objective {
    private final int dIn;
    private final int h1;
    private final int h2;
    private final int dOut;
    private final boolean skip;
    private final double[] sxx;
    private final double[] syx;
    private final double syy;
    private final Dataset data;
    // workspaces
    private final double[] a21;
    private final double[] a32;
    private final double[] w;
    private final double[] g;
    private final double[] gw1t;

    /**
     * @param data the samples (X: P × D_in, Y: P × D_out); not modified
     * @param h1 H_1, units of the first hidden layer
     * @param h2 H_2, units of the second hidden layer
     * @param skip whether a skip connection S x is added
     */
    public DeepLinear(Dataset data, int h1, int h2, boolean skip) {
        this.data = data;
        this.dIn = data.X().numCols;
        this.dOut = data.Y().numCols;
        this.h1 = Require.positive("width H_1", h1);
        this.h2 = Require.positive("width H_2", h2);
        this.skip = skip;
        DMatrixRMaj xx = data.sigmaXX();
        DMatrixRMaj yx = data.sigmaYX();
        this.sxx = xx.data.clone();
        this.syx = yx.data.clone();
        double yy = 0;
        for (int mu = 0; mu < data.samples(); mu++) {
            for (int k = 0; k < dOut; k++) {
                yy += data.Y().get(mu, k) * data.Y().get(mu, k);
            }
        }
        this.syy = yy / data.samples();
        this.a21 = new double[h2 * dIn];
        this.a32 = new double[dOut * h1];
        this.w = new double[dOut * dIn];
        this.g = new double[dOut * dIn];
        this.gw1t = new double[dOut * h1];
    }

    /** The length of θ. */
    @Override
    public int dimension() {
        return h1 * dIn + h2 * h1 + dOut * h2 + (skip ? dOut * dIn : 0);
    }

    /** Offset of W_1, W_2, W_3 and S (layer 1 … 4) in θ. */
    public int offset(int layer) {
        return switch (layer) {
            case 1 -> 0;
            case 2 -> h1 * dIn;
            case 3 -> h1 * dIn + h2 * h1;
            case 4 -> h1 * dIn + h2 * h1 + dOut * h2;
            default -> throw new org.saddlecheck.InvalidInputException("layer (" + layer
                    + ") must be 1, 2, 3 or 4 (the skip connection)");
        };
    }

    /** H_1. */
    public int width1() {
        return h1;
    }

    /** H_2. */
    public int width2() {
        return h2;
    }

    /** D_in. */
    public int inputs() {
        return dIn;
    }

    /** D_out. */
    public int outputs() {
        return dOut;
    }

    /** Writes W = W_3 W_2 W_1 (+ S) into {@code out} (D_out × D_in, row-major). */
    public void endToEnd(double[] theta, double[] out) {
        multiply(theta, offset(2), h2, h1, theta, offset(1), dIn, a21);
        multiply(theta, offset(3), dOut, h2, a21, 0, dIn, out);
        if (skip) {
            for (int k = 0; k < dOut * dIn; k++) {
                out[k] += theta[offset(4) + k];
            }
        }
    }

    @Override
    public double loss(double[] theta) {
        endToEnd(theta, w);
        return lossOf(w);
    }

    private double lossOf(double[] wm) {
        double quad = 0;
        double lin = 0;
        for (int a = 0; a < dOut; a++) {
            for (int b = 0; b < dIn; b++) {
                double wab = wm[a * dIn + b];
                lin += wab * syx[a * dIn + b];
                for (int c = 0; c < dIn; c++) {
                    quad += wab * sxx[b * dIn + c] * wm[a * dIn + c];
                }
            }
        }
        return 0.5 * quad - lin + 0.5 * syy;
    }

    /** L(θ) and ∇L(θ) (see the class); writes the gradient, does not modify θ. */
    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        endToEnd(theta, w);
        for (int a = 0; a < dOut; a++) {
            for (int b = 0; b < dIn; b++) {
                double s = -syx[a * dIn + b];
                for (int c = 0; c < dIn; c++) {
                    s += w[a * dIn + c] * sxx[c * dIn + b];
                }
                g[a * dIn + b] = s;
            }
        }
        // a32 = W3 W2 (D_out × H1); dW1 = a32ᵀ G
        multiply(theta, offset(3), dOut, h2, theta, offset(2), h1, a32);
        for (int j = 0; j < h1; j++) {
            for (int b = 0; b < dIn; b++) {
                double s = 0;
                for (int a = 0; a < dOut; a++) {
                    s += a32[a * h1 + j] * g[a * dIn + b];
                }
                gradient[offset(1) + j * dIn + b] = s;
            }
        }
        // dW2 = W3ᵀ (G W1ᵀ)
        for (int a = 0; a < dOut; a++) {
            for (int j = 0; j < h1; j++) {
                double s = 0;
                for (int b = 0; b < dIn; b++) {
                    s += g[a * dIn + b] * theta[offset(1) + j * dIn + b];
                }
                gw1t[a * h1 + j] = s;
            }
        }
        for (int i = 0; i < h2; i++) {
            for (int j = 0; j < h1; j++) {
                double s = 0;
                for (int a = 0; a < dOut; a++) {
                    s += theta[offset(3) + a * h2 + i] * gw1t[a * h1 + j];
                }
                gradient[offset(2) + i * h1 + j] = s;
            }
        }
        // dW3 = G (W2 W1)ᵀ
        multiply(theta, offset(2), h2, h1, theta, offset(1), dIn, a21);
        for (int a = 0; a < dOut; a++) {
            for (int i = 0; i < h2; i++) {
                double s = 0;
                for (int b = 0; b < dIn; b++) {
                    s += g[a * dIn + b] * a21[i * dIn + b];
                }
                gradient[offset(3) + a * h2 + i] = s;
            }
        }
        if (skip) {
            System.arraycopy(g, 0, gradient, offset(4), dOut * dIn);
        }
        return lossOf(w);
    }

    @Override
    public Objective copy() {
        return new DeepLinear(data, h1, h2, skip);
    }

    /** out (m × n) = A (m × k, at θ offset a) B (k × n, at offset b); plain loops, in order. */
    private static void multiply(double[] av, int a, int m, int k, double[] bv, int b, int n,
            double[] out) {
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int q = 0; q < k; q++) {
                    s += av[a + r * k + q] * bv[b + q * n + c];
                }
                out[r * n + c] = s;
            }
        }
    }
}
