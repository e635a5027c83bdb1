package org.saddlecheck.claim;

import org.saddlecheck.network.Network;
import org.saddlecheck.network.PiecewiseObjective;

/**
 * The pieces of a ReLU network's loss with the bug of {@link BrokenNetwork.Bug#READOUT_FACTOR}:
 * every ∂L/∂v_i, in every region, scaled by {@link BrokenNetwork#READOUT_FACTOR}. Euler's
 * identity then fails in each region, so ‖u_i‖² − v_i² is no longer conserved.
 */
final class BrokenRegions implements PiecewiseObjective {
    private final PiecewiseObjective regions;
    private final Network network;

    BrokenRegions(PiecewiseObjective regions, Network network) {
        this.regions = regions;
        this.network = network;
    }

    @Override
    public int dimension() {
        return regions.dimension();
    }

    @Override
    public double loss(double[] theta) {
        return regions.loss(theta);
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradient) {
        return scaled(regions.lossAndGradient(theta, gradient), gradient);
    }

    @Override
    public int switches() {
        return regions.switches();
    }

    @Override
    public double switchingValue(double[] theta, int k) {
        return regions.switchingValue(theta, k);
    }

    @Override
    public double switchingRate(double[] theta, double[] thetaDot, int k) {
        return regions.switchingRate(theta, thetaDot, k);
    }

    @Override
    public void pattern(double[] theta, boolean[] active) {
        regions.pattern(theta, active);
    }

    @Override
    public double regionLossAndGradient(double[] theta, boolean[] active, double[] gradient) {
        return scaled(regions.regionLossAndGradient(theta, active, gradient), gradient);
    }

    private double scaled(double loss, double[] gradient) {
        for (int i = 0; i < network.width(); i++) {
            for (int d = 0; d < network.vSize(); d++) {
                gradient[network.vOffset(i) + d] *= BrokenNetwork.READOUT_FACTOR;
            }
        }
        return loss;
    }

    @Override
    public BrokenRegions copy() {
        return new BrokenRegions((PiecewiseObjective) regions.copy(), network);
    }
}
