package org.saddlecheck.network;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.task.Dataset;
import org.saddlecheck.task.Tokens;

/**
 * Named generators of test inputs for networks, all driven by an explicit SplittableRandom so that
 * a seed replays a case bit for bit.
 */
final class Generators {
    private Generators() {
    }

    /** A standard normal draw (Box–Muller on two uniforms of the stream). */
    static double gaussian(SplittableRandom random) {
        double a = random.nextDouble();
        double b = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-a)) * Math.cos(2 * Math.PI * b);
    }

    /** A rows × cols matrix of independent N(0, 1) entries. */
    static DMatrixRMaj gaussianMatrix(int rows, int cols, SplittableRandom random) {
        DMatrixRMaj M = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < M.data.length; k++) {
            M.data[k] = gaussian(random);
        }
        return M;
    }

    /** A rows × cols matrix of independent integers uniform in [−bound, bound]. */
    static DMatrixRMaj integerMatrix(int rows, int cols, int bound, SplittableRandom random) {
        DMatrixRMaj M = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < M.data.length; k++) {
            M.data[k] = random.nextInt(2 * bound + 1) - bound;
        }
        return M;
    }

    /** P samples with N(0, 1) inputs and targets, shaped for {@code network}. */
    static Dataset gaussianData(Network network, int samples, SplittableRandom random) {
        return new Dataset(gaussianMatrix(samples, network.inputSize(), random),
                gaussianMatrix(samples, network.outputSize(), random));
    }

    /** θ with independent N(0, scale²) entries. */
    static double[] gaussianTheta(Network network, double scale, SplittableRandom random) {
        double[] theta = new double[network.parameterCount()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = scale * gaussian(random);
        }
        return theta;
    }

    /** θ whose entries are multiples of 1/4 in [−1, 1]: exactly representable, small products. */
    static double[] dyadicTheta(Network network, SplittableRandom random) {
        double[] theta = new double[network.parameterCount()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = (random.nextInt(9) - 4) / 4.0;
        }
        return theta;
    }

    /** The data set made of rows[0 … count) of {@code data}, in that order. */
    static Dataset rows(Dataset data, int[] rows, int count) {
        DMatrixRMaj X = new DMatrixRMaj(count, data.inputSize());
        DMatrixRMaj Y = new DMatrixRMaj(count, data.outputSize());
        for (int k = 0; k < count; k++) {
            System.arraycopy(data.X().data, rows[k] * X.numCols, X.data, k * X.numCols, X.numCols);
            System.arraycopy(data.Y().data, rows[k] * Y.numCols, Y.data, k * Y.numCols, Y.numCols);
        }
        return new Dataset(X, Y);
    }

    /**
     * In-context linear regression in the layout of {@link Tokens}: per
     * sequence a fresh w ~ N(0, I_D), inputs x_n, x_q ~ N(0, I_D), values y_n = wᵀx_n and target
     * y_q = wᵀx_q.
     */
    static Dataset inContextRegression(int dimension, int context, int sequences,
            SplittableRandom random) {
        int length = Tokens.rowLength(dimension, context);
        DMatrixRMaj tokens = new DMatrixRMaj(sequences, length);
        DMatrixRMaj Y = new DMatrixRMaj(sequences, 1);
        double[] w = new double[dimension];
        for (int mu = 0; mu < sequences; mu++) {
            for (int a = 0; a < dimension; a++) {
                w[a] = gaussian(random);
            }
            for (int n = 0; n <= context; n++) {
                int x = n < context ? Tokens.xOffset(dimension, n)
                        : Tokens.queryOffset(dimension, context);
                double y = 0;
                for (int a = 0; a < dimension; a++) {
                    double xa = gaussian(random);
                    tokens.set(mu, x + a, xa);
                    y += w[a] * xa;
                }
                if (n < context) {
                    tokens.set(mu, Tokens.yOffset(dimension, n), y);
                } else {
                    Y.set(mu, 0, y);
                }
            }
        }
        return new Dataset(tokens, Y);
    }
}
