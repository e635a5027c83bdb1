package org.saddlecheck.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.MinibatchObjective;
import org.saddlecheck.network.Objective;
import org.saddlecheck.network.Units;
import org.saddlecheck.task.Dataset;

/**
 * A test-side minibatch objective for the linear network, summed over samples: with the selected
 * rows X_B, Y_B (B rows), Z = X_B Uᵀ and R = Z V − Y_B,
 * L_B = ‖R‖²_F / (2B), ∇_V = Zᵀ R / B, ∇_U = (R Vᵀ)ᵀ X_B / B.
 * Selecting all rows in order copies X into the batch buffer, so the products see the same numbers
 * in the same order as on the full data, and the results agree bit for bit.
 */
final class LinearMinibatchObjective implements MinibatchObjective {
    private final FullyConnected network;
    private final Dataset data;
    private final int capacity;
    private final DMatrixRMaj batchX;
    private final DMatrixRMaj batchY;
    private DMatrixRMaj x;
    private DMatrixRMaj y;

    private final DMatrixRMaj U;
    private final DMatrixRMaj V;
    private final DMatrixRMaj Z;
    private final DMatrixRMaj R;
    private final DMatrixRMaj B;
    private final DMatrixRMaj gradU;
    private final DMatrixRMaj gradV;

    /** Every call to select, as copies, for tests of the draws (null: not kept). */
    final List<int[]> selections;

    LinearMinibatchObjective(FullyConnected network, Dataset data, int capacity, boolean keep) {
        this.network = network;
        this.data = data;
        this.capacity = capacity;
        int p = data.samples();
        int h = network.width();
        batchX = new DMatrixRMaj(capacity, network.inputSize());
        batchY = new DMatrixRMaj(capacity, network.outputSize());
        U = new DMatrixRMaj(h, network.inputSize());
        V = new DMatrixRMaj(h, network.outputSize());
        Z = new DMatrixRMaj(p, h);
        R = new DMatrixRMaj(p, network.outputSize());
        B = new DMatrixRMaj(p, h);
        gradU = new DMatrixRMaj(h, network.inputSize());
        gradV = new DMatrixRMaj(h, network.outputSize());
        selections = keep ? new ArrayList<>() : null;
        selectAll();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int samples() {
        return data.samples();
    }

    @Override
    public void select(int[] rows, int count) {
        if (selections != null) {
            selections.add(Arrays.copyOf(rows, count));
        }
        batchX.reshape(count, batchX.numCols, false);
        batchY.reshape(count, batchY.numCols, false);
        for (int b = 0; b < count; b++) {
            for (int d = 0; d < batchX.numCols; d++) {
                batchX.unsafe_set(b, d, data.X().unsafe_get(rows[b], d));
            }
            for (int d = 0; d < batchY.numCols; d++) {
                batchY.unsafe_set(b, d, data.Y().unsafe_get(rows[b], d));
            }
        }
        use(batchX, batchY);
    }

    @Override
    public void selectAll() {
        use(data.X(), data.Y());
    }

    private void use(DMatrixRMaj rowsX, DMatrixRMaj rowsY) {
        x = rowsX;
        y = rowsY;
        Z.reshape(x.numRows, Z.numCols, false);
        R.reshape(x.numRows, R.numCols, false);
        B.reshape(x.numRows, B.numCols, false);
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
        double inverse = 1.0 / x.numRows;
        CommonOps_DDRM.multTransA(inverse, Z, R, gradV);
        CommonOps_DDRM.multTransB(R, V, B);
        CommonOps_DDRM.multTransA(inverse, B, x, gradU);
        Units.join(gradU, gradV, gradient);
        return residualLoss();
    }

    private void forward(double[] theta) {
        Units.split(theta, U.numCols, V.numCols, U, V);
        CommonOps_DDRM.multTransB(x, U, Z);
        CommonOps_DDRM.mult(Z, V, R);
        CommonOps_DDRM.subtractEquals(R, y);
    }

    private double residualLoss() {
        double sum = 0;
        for (int k = 0, n = x.numRows * R.numCols; k < n; k++) {
            sum += R.data[k] * R.data[k];
        }
        return 0.5 * sum / x.numRows;
    }

    @Override
    public Objective copy() {
        return new LinearMinibatchObjective(network, data, capacity, selections != null);
    }
}
