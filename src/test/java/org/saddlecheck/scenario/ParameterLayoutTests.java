package org.saddlecheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.saddlecheck.network.Activation;
import org.saddlecheck.network.Convolutional;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.LinearAttention;
import org.saddlecheck.network.Network;
import org.saddlecheck.task.Tokens;

/**
 * The labels of a layout say what each entry of a unit does: setting the entries named by the
 * labels and evaluating the network must give the function the labels describe.
 */
class ParameterLayoutTests {

    /** θ with unit 0 set at the labelled entries to 1 and everything else 0. */
    private static double[] unitWith(Network network, String... labels) {
        ParameterLayout layout = ParameterLayout.of(network);
        double[] theta = new double[network.parameterCount()];
        for (String label : labels) {
            int u = layout.u().indexOf(label);
            int v = layout.v().indexOf(label);
            assertThat(u >= 0 || v >= 0).as(label).isTrue();
            theta[u >= 0 ? network.uOffset(0) + u : network.vOffset(0) + v] = 1;
        }
        return theta;
    }

    private static double output(Network network, double[] theta, double[] x, int column) {
        return network.predict(theta, DMatrixRMaj.wrap(1, x.length, x)).get(0, column);
    }

    @Test
    void fullyConnectedLabelsNameInputsBiasAndOutputs() {
        FullyConnected fc = new FullyConnected(Activation.LINEAR, 3, 2, 2, true);
        ParameterLayout layout = ParameterLayout.of(fc);

        assertThat(layout.u()).containsExactly("x[0]", "x[1]", "x[2]", "bias");
        assertThat(layout.v()).containsExactly("y[0]", "y[1]");
        // f(x) = (u_0ᵀx̃) v_0 with u_0 = e_x[2] and v_0 = e_y[1]: output 1 is x[2], output 0 is 0.
        double[] theta = unitWith(fc, "x[2]", "y[1]");
        assertThat(output(fc, theta, new double[] {5, 6, 7}, 1)).isEqualTo(7);
        assertThat(output(fc, theta, new double[] {5, 6, 7}, 0)).isZero();
        assertThat(output(fc, unitWith(fc, "bias", "y[0]"), new double[] {5, 6, 7}, 0)).isEqualTo(1);
    }

    @Test
    void convolutionalLabelsNameKernelTapsAndPatches() {
        Convolutional conv = new Convolutional(Activation.LINEAR, 3, 2, 2);
        ParameterLayout layout = ParameterLayout.of(conv);

        assertThat(layout.u()).containsExactly("kernel[0]", "kernel[1]");
        assertThat(layout.v()).containsExactly("patch[0]", "patch[1]", "patch[2]");
        // f(x) = Σ_p v_p uᵀx_p with u = e_1, v = e_2 reads tap 1 of patch 2: x[2·k + 1] = x[5].
        double[] theta = unitWith(conv, "kernel[1]", "patch[2]");
        assertThat(output(conv, theta, new double[] {1, 2, 3, 4, 5, 6}, 0)).isEqualTo(6);
    }

    @Test
    void attentionLabelsNameKeysQueriesAndTheValue() {
        int d = 2;
        int n = 3;
        LinearAttention attention = new LinearAttention(d, n, 2, false);
        LinearAttention merged = new LinearAttention(d, n, 2, true);
        double[] row = tokens(d, n);
        double z01 = cubicFeature(row, d, n, 0, 1);

        assertThat(ParameterLayout.of(attention).u())
                .containsExactly("key[0]", "key[1]", "query[0]", "query[1]");
        assertThat(ParameterLayout.of(attention).v()).isEqualTo(List.of("value"));
        assertThat(ParameterLayout.of(merged).u())
                .containsExactly("W[0][0]", "W[0][1]", "W[1][0]", "W[1][1]");
        // k = e_0, q = e_1, v = 1 gives kᵀZq = Z_01; W = e_0 e_1ᵀ gives ⟨W, Z⟩ = Z_01. Both are
        // sums of N products, evaluated here and in the network in possibly different orders:
        // γ_{2N+2} relative to the sum of the magnitudes, which is at most 200 for these tokens.
        double tolerance = (2 * n + 2) * 0x1p-53 * 200;
        assertThat(output(attention, unitWith(attention, "key[0]", "query[1]", "value"), row, 0))
                .isCloseTo(z01, org.assertj.core.api.Assertions.within(tolerance));
        assertThat(output(merged, unitWith(merged, "W[0][1]", "value"), row, 0))
                .isCloseTo(z01, org.assertj.core.api.Assertions.within(tolerance));
    }

    /** One token row with small distinct integers, so every product is exact. */
    private static double[] tokens(int d, int n) {
        double[] row = new double[Tokens.rowLength(d, n)];
        for (int k = 0; k < row.length; k++) {
            row[k] = k % 5 - 2 + 0.5 * (k % 3);
        }
        return row;
    }

    /** Z_ab = (1/N) Σ_n y_n x_n,a x_q,b, the defining formula. */
    private static double cubicFeature(double[] row, int d, int n, int a, int b) {
        double sum = 0;
        for (int t = 0; t < n; t++) {
            sum += row[Tokens.yOffset(d, t)] * row[Tokens.xOffset(d, t) + a];
        }
        return sum * row[Tokens.queryOffset(d, n) + b] / n;
    }
}
