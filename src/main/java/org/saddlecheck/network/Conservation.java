package org.saddlecheck.network;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;

/**
 * Quantities conserved by gradient flow dθ/dt = −∇L (Section 5; derived, and drifting by O(η) per
 * unit time under gradient descent).
 *
 * <h2>Per unit, φ homogeneous of degree p ≥ 1</h2>
 * c_i = ‖u_i‖² − p‖v_i‖². Euler's identity ∇_uφ(x; u)·u = p φ(x; u) gives
 * d‖u_i‖²/dt = −2 u_i·∇_{u_i}L = −(2p/P) Σ_μ r_μᵀ (v_i ⊙ φ) and d‖v_i‖²/dt = −2 v_i·∇_{v_i}L =
 * −(2/P) Σ_μ r_μᵀ (v_i ⊙ φ) (with ⊙ the product of the readout and φ that forms the unit's term),
 * so dc_i/dt = 0. For ReLU the identity holds wherever the loss is differentiable.
 *
 * <h2>Linear φ: the Gram difference</h2>
 * A network with linear φ depends on θ only through W = Σ_i v_i u_iᵀ = VᵀU, with U (H × |u|) and
 * V (H × |v|) the matrices whose rows are the units. With G = ∂L/∂W, U̇ = −VG and V̇ = −UGᵀ, so
 * d(UUᵀ)/dt = −VGUᵀ − UGᵀVᵀ = d(VVᵀ)/dt: the H × H matrix VVᵀ − UUᵀ, entry (i, j) =
 * v_i·v_j − u_i·u_j, is conserved. (Written VᵀV − UᵀU when the columns of U and V are the
 * units; the D × D products UᵀU and VᵀV are not conserved.) Its diagonal is −c_i with p = 1.
 */
public final class Conservation {
    private Conservation() {
    }

    /**
     * c_i = ‖u_i‖² − p‖v_i‖² for every unit, p the homogeneity degree.
     *
     * @throws InvalidInputException if φ is not homogeneous
     */
    public static double[] perUnit(Network network, double[] theta) {
        int p = network.traits().homogeneityDegree();
        if (p < 1) {
            throw new InvalidInputException("the " + network.kind() + " network's φ is not"
                    + " homogeneous, so ‖u_i‖² − p‖v_i‖² is not conserved");
        }
        Require.length("θ", theta, network.parameterCount());
        double[] c = new double[network.width()];
        for (int i = 0; i < c.length; i++) {
            double uu = 0;
            double vv = 0;
            for (int d = 0; d < network.uSize(); d++) {
                uu += theta[network.uOffset(i) + d] * theta[network.uOffset(i) + d];
            }
            for (int d = 0; d < network.vSize(); d++) {
                vv += theta[network.vOffset(i) + d] * theta[network.vOffset(i) + d];
            }
            c[i] = uu - p * vv;
        }
        return c;
    }

    /**
     * VVᵀ − UUᵀ, a new H × H matrix.
     *
     * @throws InvalidInputException if φ is not linear
     */
    public static DMatrixRMaj gramDifference(Network network, double[] theta) {
        if (!network.traits().linear()) {
            throw new InvalidInputException("the " + network.kind() + " network's φ is not linear,"
                    + " so VVᵀ − UUᵀ is not conserved");
        }
        DMatrixRMaj U = Units.U(network, theta);
        DMatrixRMaj V = Units.V(network, theta);
        DMatrixRMaj gram = new DMatrixRMaj(network.width(), network.width());
        DMatrixRMaj uu = new DMatrixRMaj(network.width(), network.width());
        CommonOps_DDRM.multTransB(V, V, gram);
        CommonOps_DDRM.multTransB(U, U, uu);
        CommonOps_DDRM.subtractEquals(gram, uu);
        return gram;
    }
}
