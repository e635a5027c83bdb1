package org.saddlecheck.bench;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.task.Dataset;

/**
 * One benchmark problem: a network, whitened data with singular values s_k = 1/k of Σ_yx, and a
 * seeded N(0, ε²) start. Benchmarks name their network by a {@code @Param} string and their size as
 * {@code "D_inxD_outxH"}; {@link #of} turns the pair into a case, so a new network is benchmarked by
 * adding its name to the {@code @Param} lists and one branch to {@link #network}.
 *
 * <p>Data: P = D_in samples X = √P·I, so Σ_xx = I (to rounding), and Y = X Mᵀ with
 * M = Q diag(s) Rᵀ from the QR decompositions of seeded Gaussian matrices, so Σ_yx = M.
 */
final class BenchCase {
    /** Fixed seed: every fork and every run benchmarks the same numbers. */
    static final long SEED = 20251223L;

    final Network network;
    final Dataset data;
    final double[] s;
    final DMatrixRMaj Q;
    final DMatrixRMaj R;

    private BenchCase(Network network, Dataset data, double[] s, DMatrixRMaj Q, DMatrixRMaj R) {
        this.network = network;
        this.data = data;
        this.s = s;
        this.Q = Q;
        this.R = R;
    }

    /** The case for a network name and a size "D_inxD_outxH". */
    static BenchCase of(String name, String size) {
        String[] parts = size.split("x");
        if (parts.length != 3) {
            throw new InvalidInputException("size '" + size + "' must read D_inxD_outxH, as 8x8x32");
        }
        int inputs = Integer.parseInt(parts[0]);
        int outputs = Integer.parseInt(parts[1]);
        int width = Integer.parseInt(parts[2]);
        int modes = Math.min(inputs, outputs);
        double[] s = new double[modes];
        for (int k = 0; k < modes; k++) {
            s[k] = 1.0 / (k + 1);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        DMatrixRMaj Q = orthonormalColumns(outputs, modes, random);
        DMatrixRMaj R = orthonormalColumns(inputs, modes, random);
        return new BenchCase(network(name, inputs, outputs, width), whitened(Q, R, s), s, Q, R);
    }

    /** The networks that can be benchmarked, by scenario name. Add a branch per network. */
    private static Network network(String name, int inputs, int outputs, int width) {
        switch (name) {
            case "linear":
                return new FullyConnected(Activation.LINEAR, inputs, outputs, width, false);
            default:
                throw new InvalidInputException("no benchmark case for network '" + name + "'");
        }
    }

    /** A fresh objective (its own workspaces) on the case's data. */
    Objective objective() {
        return network.objective(data);
    }

    /** θ with i.i.d. N(0, ε²) entries from the fixed seed. */
    double[] start(double epsilon) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        double[] theta = new double[network.parameterCount()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = epsilon * random.nextGaussian();
        }
        return theta;
    }

    private static Dataset whitened(DMatrixRMaj Q, DMatrixRMaj R, double[] s) {
        DMatrixRMaj QS = Q.copy();
        for (int k = 0; k < s.length; k++) {
            for (int d = 0; d < Q.numRows; d++) {
                QS.unsafe_set(d, k, Q.unsafe_get(d, k) * s[k]);
            }
        }
        DMatrixRMaj M = new DMatrixRMaj(Q.numRows, R.numRows);
        CommonOps_DDRM.multTransB(QS, R, M);
        int p = R.numRows;
        DMatrixRMaj X = CommonOps_DDRM.identity(p);
        CommonOps_DDRM.scale(Math.sqrt(p), X);
        DMatrixRMaj Y = new DMatrixRMaj(p, Q.numRows);
        CommonOps_DDRM.multTransB(X, M, Y);
        return new Dataset(X, Y);
    }

    private static DMatrixRMaj orthonormalColumns(int rows, int cols, SplittableRandom random) {
        DMatrixRMaj G = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < G.data.length; k++) {
            G.data[k] = random.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        qr.decompose(G);
        return qr.getQ(null, true);
    }
}
