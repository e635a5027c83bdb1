package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.Require;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.Tokens;

/**
 * Multi-head linear self-attention on in-context linear regression, in the reduced form the paper
 * uses for its attention experiments (reconstructed from the authors' earlier work on in-context
 * learning in linear attention; the paper leaves the details to its appendix). A sequence is N
 * context tokens z_n = [x_n; y_n] and a query [x_q; 0], stored as one input row in the layout of
 * {@link Tokens}; the output is the scalar prediction ŷ_q.
 *
 * <h2>Separate key and query ({@code attention})</h2>
 * Head i has a key k_i ∈ R^D applied to the context inputs x_n, a query q_i ∈ R^D applied to x_q,
 * the value y_n of each token and a scalar output weight v_i:
 * <pre>
 *   ŷ_q = Σ_i v_i (1/N) Σ_n y_n (k_iᵀ x_n)(q_iᵀ x_q) = Σ_i v_i k_iᵀ Z q_i,   Z = (1/N) Σ_n y_n x_n x_qᵀ
 * </pre>
 * the quadratic form of the paper's Eq. (13) in u_i = [k_i; q_i]: φ has the zero element and is
 * homogeneous of degree 2 for every real γ (both k and q scale), so training visits type III
 * saddles (one head is recruited per drop). Layout of unit i: u_i = (k_i1 … k_iD, q_i1 … q_iD),
 * then v_i.
 *
 * <h2>Merged key-query ({@code attention-merged})</h2>
 * Head i has one matrix W_i ∈ R^{D×D} in place of k_i q_iᵀ: φ = (1/N) Σ_n y_n x_nᵀ W_i x_q = ⟨W_i, Z⟩,
 * linear in u_i = vec(W_i) (row-major, W_ab at a·D + b). One head already expresses every map of this
 * form, so training shows a single drop (the paper's negative control). The network then equals a
 * linear two-layer network fed vec(Z); the test suite checks this against {@link FullyConnected} on
 * {@link Tokens#cubicFeatures}, which this class never calls.
 *
 * <h2>What was simplified</h2>
 * A general linear attention head reads every entry of every token through its value, key and
 * query matrices. Restricting values to the y-entry of each context token, keys to its x-entries
 * and queries to the query's x-entries drops the cross terms (for example values read from x_n, or
 * keys weighting y_n); in the reduction this form is taken from, those terms start at zero and stay
 * zero under gradient flow on this task, so the reduced form follows the same trajectories from
 * such initializations. That statement belongs to the reconstruction; this class does not model the
 * cross terms and so cannot check it.
 * There is no softmax, residual stream or normalisation, one layer only, the query does not attend
 * to itself, and the separate form has rank-one key and query per head.
 *
 * <p>The outputs here ({@link #predict}, {@link #unitTerm}) apply keys to every x_n, values to every
 * y_n and queries to x_q, token by token. The objective uses the same linearity once per sequence:
 * Σ_n y_n (k_iᵀ x_n) = k_iᵀ (Σ_n y_n x_n), so it precomputes the value-weighted context mean
 * a = (1/N) Σ_n y_n x_n and the query of every sequence ({@link AttentionObjective}).
 */
public final class LinearAttention implements Network {
    private final int dimension;
    private final int context;
    private final int heads;
    private final boolean merged;

    /**
     * @param dimension D, the dimension of x
     * @param context N, the number of context tokens
     * @param heads H
     * @param merged one key-query matrix per head instead of a rank-one key and query
     */
    public LinearAttention(int dimension, int context, int heads, boolean merged) {
        this.dimension = Require.positive("dimension D", dimension);
        this.context = Require.positive("context length N", context);
        this.heads = Require.positive("number of heads H", heads);
        this.merged = merged;
    }

    /** D. */
    public int dimension() {
        return dimension;
    }

    /** N. */
    public int context() {
        return context;
    }

    public boolean merged() {
        return merged;
    }

    @Override
    public String kind() {
        return merged ? "attention-merged" : "attention";
    }

    @Override
    public int width() {
        return heads;
    }

    /** N·(D + 1) + D, one sequence as in {@link Tokens}. */
    @Override
    public int inputSize() {
        return Tokens.rowLength(dimension, context);
    }

    @Override
    public int outputSize() {
        return 1;
    }

    /** 2D (key and query) or D² (merged key-query). */
    @Override
    public int uSize() {
        return merged ? dimension * dimension : 2 * dimension;
    }

    @Override
    public int vSize() {
        return 1;
    }

    /** Linear when merged; otherwise a zero element and degree-2 homogeneity for all real γ. */
    @Override
    public PhiTraits traits() {
        return merged ? PhiTraits.LINEAR : PhiTraits.polynomial(2);
    }

    @Override
    public LinearAttention withWidth(int newWidth) {
        return new LinearAttention(dimension, context, newWidth, merged);
    }

    /** v_i φ(x_μ; u_i) for every sequence μ, as a new P × 1 matrix. */
    @Override
    public DMatrixRMaj unitTerm(double[] theta, int unit, DMatrixRMaj X) {
        checkShapes(theta, X);
        Require.that(unit >= 0 && unit < heads, "head (" + unit + ") must be in [0, " + heads + ")");
        DMatrixRMaj out = new DMatrixRMaj(X.numRows, 1);
        double[] w = new double[dimension];
        for (int mu = 0; mu < X.numRows; mu++) {
            out.data[mu] = theta[vOffset(unit)] * phi(theta, unit, X, mu, w);
        }
        return out;
    }

    /** ŷ_q = Σ_i v_i φ(x_μ; u_i) for every sequence μ, as a new P × 1 matrix. */
    @Override
    public DMatrixRMaj predict(double[] theta, DMatrixRMaj X) {
        checkShapes(theta, X);
        DMatrixRMaj out = new DMatrixRMaj(X.numRows, 1);
        double[] w = new double[dimension];
        for (int mu = 0; mu < X.numRows; mu++) {
            double sum = 0;
            for (int i = 0; i < heads; i++) {
                sum += theta[vOffset(i)] * phi(theta, i, X, mu, w);
            }
            out.data[mu] = sum;
        }
        return out;
    }

    /**
     * φ of head i on sequence μ, token by token: (1/N) (Σ_n y_n k_iᵀ x_n)(q_iᵀ x_q), or, merged,
     * (1/N) Σ_n y_n x_nᵀ (W_i x_q). Writes the workspace {@code w} (D entries) only.
     */
    private double phi(double[] theta, int head, DMatrixRMaj X, int mu, double[] w) {
        int d = dimension;
        int u = uOffset(head);
        int row = mu * X.numCols;
        int queryAt = row + Tokens.queryOffset(d, context);
        double query = 1;
        if (merged) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) {
                    s += theta[u + a * d + b] * X.data[queryAt + b];
                }
                w[a] = s;
            }
        } else {
            query = 0;
            for (int b = 0; b < d; b++) {
                query += theta[u + d + b] * X.data[queryAt + b];
            }
            System.arraycopy(theta, u, w, 0, d);
        }
        double sum = 0;
        for (int n = 0; n < context; n++) {
            int x = row + Tokens.xOffset(d, n);
            double key = 0;
            for (int a = 0; a < d; a++) {
                key += w[a] * X.data[x + a];
            }
            sum += X.data[row + Tokens.yOffset(d, n)] * key;
        }
        sum *= query;
        return sum / context;
    }

    private void checkShapes(double[] theta, DMatrixRMaj X) {
        Require.length("θ", theta, parameterCount());
        Require.that(X.numCols == inputSize(), "token rows have " + X.numCols + " entries but D = "
                + dimension + " and N = " + context + " need " + inputSize());
    }

    /** The loss summed over sequences ({@link AttentionObjective}). */
    @Override
    public Objective objective(Dataset data) {
        checkData(data);
        return new AttentionObjective(this, data, 0);
    }

    @Override
    public MinibatchObjective minibatchObjective(Dataset data, int batchSize) {
        checkData(data);
        Require.positive("minibatch size B", batchSize);
        return new AttentionObjective(this, data, batchSize);
    }

    /**
     * The same loss through the moments of the features vec(a_μ x_qᵀ) ({@link
     * BilinearMomentObjective}), a_μ the value-weighted context mean: exact, with a cost per
     * evaluation of O(D⁴ + H·D²) instead of O(P·H·D). Only for separate keys and queries.
     *
     * @throws org.saddlecheck.InvalidInputException for merged attention, or data that do not fit
     */
    public BilinearMomentObjective momentObjective(Dataset data) {
        checkData(data);
        Require.that(!merged, "the moment form needs separate keys and queries, not " + this);
        return new BilinearMomentObjective(AttentionObjective.contextMeans(this, data.X()),
                AttentionObjective.queries(this, data.X()), data.Y(), heads, 2 * dimension + 1, 0,
                dimension, 2 * dimension);
    }

    private void checkData(Dataset data) {
        Require.that(data.inputSize() == inputSize(), "the data has " + data.inputSize()
                + " input columns but the " + kind() + " network expects token rows of "
                + inputSize() + " (D = " + dimension + ", N = " + context + ")");
        Require.that(data.outputSize() == 1, "the data has " + data.outputSize()
                + " target columns but the " + kind() + " network predicts the scalar y_q");
    }

    @Override
    public String toString() {
        return kind() + "(D=" + dimension + ", N=" + context + ", H=" + heads + ")";
    }
}
