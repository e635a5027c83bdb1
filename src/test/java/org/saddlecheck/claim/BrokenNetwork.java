package org.saddlecheck.claim;

import org.ejml.data.DMatrixRMaj;
import org.saddlecheck.network.MinibatchObjective;
import org.saddlecheck.network.Network;
import org.saddlecheck.network.Objective;
import org.saddlecheck.network.PhiTraits;
import org.saddlecheck.task.Dataset;

/**
 * A network with a deliberate bug, to show that a claim fails where it should: every method
 * delegates to a correct network except the one the bug breaks.
 */
final class BrokenNetwork implements Network {

    /** The bugs. */
    enum Bug {
        /** ∂L/∂v_i scaled by 1.01: a wrong factor in the readout gradient. */
        READOUT_FACTOR,
        /** Unit i's gradient leaks 1% of unit i+1's: a unit-coupling bug. */
        COUPLING,
        /** φ declared homogeneous of degree 1 (for every real γ) whatever it really is. */
        DECLARED_HOMOGENEOUS
    }

    /** The factor of {@link Bug#READOUT_FACTOR}. */
    static final double READOUT_FACTOR = 1.01;
    /** The share of {@link Bug#COUPLING}. */
    static final double LEAK = 0.01;

    private final Network network;
    private final Bug bug;

    BrokenNetwork(Network network, Bug bug) {
        this.network = network;
        this.bug = bug;
    }

    @Override
    public String kind() {
        return network.kind();
    }

    @Override
    public int width() {
        return network.width();
    }

    @Override
    public int inputSize() {
        return network.inputSize();
    }

    @Override
    public int outputSize() {
        return network.outputSize();
    }

    @Override
    public int uSize() {
        return network.uSize();
    }

    @Override
    public int vSize() {
        return network.vSize();
    }

    @Override
    public PhiTraits traits() {
        return bug == Bug.DECLARED_HOMOGENEOUS ? new PhiTraits(true, 1, true, false)
                : network.traits();
    }

    @Override
    public Network withWidth(int width) {
        return new BrokenNetwork(network.withWidth(width), bug);
    }

    @Override
    public DMatrixRMaj unitTerm(double[] theta, int unit, DMatrixRMaj X) {
        return network.unitTerm(theta, unit, X);
    }

    @Override
    public DMatrixRMaj predict(double[] theta, DMatrixRMaj X) {
        return network.predict(theta, X);
    }

    @Override
    public Objective objective(Dataset data) {
        return new Broken(network.minibatchObjective(data, data.samples()));
    }

    @Override
    public MinibatchObjective minibatchObjective(Dataset data, int batchSize) {
        return new Broken(network.minibatchObjective(data, batchSize));
    }

    @Override
    public String toString() {
        return network + " with bug " + bug;
    }

    /** The objective with the bug applied to its gradient. */
    private final class Broken implements MinibatchObjective {
        private final MinibatchObjective f;
        private final double[] copy;

        Broken(MinibatchObjective f) {
            this.f = f;
            this.copy = new double[f.dimension()];
        }

        @Override
        public int dimension() {
            return f.dimension();
        }

        @Override
        public double loss(double[] theta) {
            return f.loss(theta);
        }

        @Override
        public double lossAndGradient(double[] theta, double[] gradient) {
            double loss = f.lossAndGradient(theta, gradient);
            int s = network.unitSize();
            if (bug == Bug.READOUT_FACTOR) {
                for (int i = 0; i < network.width(); i++) {
                    for (int d = 0; d < network.vSize(); d++) {
                        gradient[network.vOffset(i) + d] *= READOUT_FACTOR;
                    }
                }
            } else if (bug == Bug.COUPLING) {
                System.arraycopy(gradient, 0, copy, 0, copy.length);
                for (int k = 0; k + s < copy.length; k++) {
                    gradient[k] += LEAK * copy[k + s];
                }
            }
            return loss;
        }

        @Override
        public Objective copy() {
            return new Broken((MinibatchObjective) f.copy());
        }

        @Override
        public int capacity() {
            return f.capacity();
        }

        @Override
        public int samples() {
            return f.samples();
        }

        @Override
        public void select(int[] rows, int count) {
            f.select(rows, count);
        }

        @Override
        public void selectAll() {
            f.selectAll();
        }
    }
}
