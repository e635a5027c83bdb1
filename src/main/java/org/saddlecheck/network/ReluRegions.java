package org.saddlecheck.network;

import java.util.Arrays;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.task.Dataset;

/**
 * The loss of a fully connected ReLU network (paper, Eq. 1 with φ(x; u) = relu(uᵀx̃), the bias folded
 * into x̃) cut into its smooth pieces: one switching function per unit i and sample n,
 * <pre>
 *   s_k(θ) = z_in = u_i·x̃_n,        k = i·P + n,
 * </pre>
 * and for a frozen pattern a (a_k ∈ {0, 1}) the region loss of the masked linear network
 * <pre>
 *   r_n = Σ_i a_in z_in v_i − y_n,      L_a = (1/(2P)) Σ_n ‖r_n‖²,
 *   ∇_{v_i} L_a = (1/P) Σ_n a_in z_in r_n,      ∇_{u_i} L_a = (1/P) Σ_n a_in (r_n·v_i) x̃_n.
 * </pre>
 * Where the pattern of θ is a (z_in &gt; 0 exactly where a_in = 1) these are the ReLU network's loss
 * and gradient, with relu'(0) = 0 as in {@link Activation#RELU}. Each unit's term a_in z_in v_i is
 * linear in u_i, so L_a's flow obeys Euler's identity u_i·∇_{u_i}L_a = v_i·∇_{v_i}L_a in every region
 * and conserves ‖u_i‖² − ‖v_i‖² exactly (paper, Section 5), whatever the pattern. The same holds
 * for any linear combination of region fields at one θ, so for the sliding field along kinks.
 * Kinks of different samples enter different residuals; kinks of one sample n meet only in r_n,
 * through terms a_in z_in v_i that vanish where z_in = 0: on an intersection of kinks the
 * gradient is affine in their activations, as {@link PiecewiseObjective} requires.
 *
 * <p>Evaluations allocate nothing; an instance is not safe for concurrent use ({@link #copy()}).
 */
public final class ReluRegions implements PiecewiseObjective {
    private final FullyConnected network;
    private final Dataset data;
    private final int samples;
    private final int inputs;
    private final int uSize;
    private final int outputs;
    private final int width;
    private final double[] xt;
    private final double[] y;
    private final double[] residual;
    private final boolean[] own;

    private ReluRegions(FullyConnected network, Dataset data) {
        this.network = network;
        this.data = data;
        this.samples = data.samples();
        this.inputs = network.inputSize();
        this.uSize = network.uSize();
        this.outputs = network.outputSize();
        this.width = network.width();
        this.xt = new double[samples * uSize];
        this.y = new double[samples * outputs];
        for (int n = 0; n < samples; n++) {
            for (int d = 0; d < inputs; d++) {
                xt[n * uSize + d] = data.X().unsafe_get(n, d);
            }
            if (network.bias()) {
                xt[n * uSize + inputs] = 1.0;
            }
            for (int k = 0; k < outputs; k++) {
                y[n * outputs + k] = data.Y().unsafe_get(n, k);
            }
        }
        this.residual = new double[samples * outputs];
        this.own = new boolean[width * samples];
    }

    /**
     * The pieces of {@code network}'s loss on {@code data}.
     *
     * @throws InvalidInputException if the activation is not ReLU or the data do not fit
     */
    public static ReluRegions of(FullyConnected network, Dataset data) {
        if (network.activation() != Activation.RELU) {
            throw new InvalidInputException("activation (" + network.activation().id()
                    + ") must be relu: only ReLU networks are cut into regions by kinks");
        }
        network.objective(data);
        return new ReluRegions(network, data);
    }

    @Override
    public int dimension() {
        return network.parameterCount();
    }

    @Override
    public int switches() {
        return width * samples;
    }

    /** z_in = u_i·x̃_n with k = i·P + n. */
    @Override
    public double switchingValue(double[] theta, int k) {
        return dot(theta, network.uOffset(k / samples), k % samples);
    }

    /** ż_in = u̇_i·x̃_n. */
    @Override
    public double switchingRate(double[] theta, double[] thetaDot, int k) {
        return dot(thetaDot, network.uOffset(k / samples), k % samples);
    }

    @Override
    public void pattern(double[] theta, boolean[] active) {
        for (int k = 0; k < active.length; k++) {
            active[k] = switchingValue(theta, k) > 0;
        }
    }

    /** L and ∇L of the ReLU network: the region loss of θ's own pattern. */
    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        pattern(theta, own);
        return regionLossAndGradient(theta, own, gradient);
    }

    @Override
    public double loss(double[] theta) {
        pattern(theta, own);
        return residuals(theta, own);
    }

    /**
     * The region loss and gradient of the class documentation; writes {@code gradient}, keeps
     * {@code theta} and {@code active}.
     */
    @Override
    public double regionLossAndGradient(double[] theta, boolean[] active, double[] gradient) {
        double loss = residuals(theta, active);
        Arrays.fill(gradient, 0.0);
        double scale = 1.0 / samples;
        for (int i = 0; i < width; i++) {
            int u = network.uOffset(i);
            int v = network.vOffset(i);
            for (int n = 0; n < samples; n++) {
                if (!active[i * samples + n]) {
                    continue;
                }
                double z = dot(theta, u, n);
                double rv = 0;
                for (int o = 0; o < outputs; o++) {
                    double r = residual[n * outputs + o];
                    gradient[v + o] += scale * z * r;
                    rv += r * theta[v + o];
                }
                for (int d = 0; d < uSize; d++) {
                    gradient[u + d] += scale * rv * xt[n * uSize + d];
                }
            }
        }
        return loss;
    }

    /** Fills r_n = Σ_i a_in z_in v_i − y_n and returns L_a = (1/(2P)) Σ_n ‖r_n‖². */
    private double residuals(double[] theta, boolean[] active) {
        double sum = 0;
        for (int n = 0; n < samples; n++) {
            for (int o = 0; o < outputs; o++) {
                residual[n * outputs + o] = -y[n * outputs + o];
            }
            for (int i = 0; i < width; i++) {
                if (active[i * samples + n]) {
                    double z = dot(theta, network.uOffset(i), n);
                    for (int o = 0; o < outputs; o++) {
                        residual[n * outputs + o] += z * theta[network.vOffset(i) + o];
                    }
                }
            }
            for (int o = 0; o < outputs; o++) {
                sum += residual[n * outputs + o] * residual[n * outputs + o];
            }
        }
        return sum / (2.0 * samples);
    }

    /** x[from .. from + |u|)·x̃_n. */
    private double dot(double[] x, int from, int n) {
        double z = 0;
        for (int d = 0; d < uSize; d++) {
            z += x[from + d] * xt[n * uSize + d];
        }
        return z;
    }

    @Override
    public ReluRegions copy() {
        return new ReluRegions(network, data);
    }
}
