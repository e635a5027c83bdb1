package org.saddlecheck.guard;

import java.util.Optional;

/**
 * What a conforming run of one scenario must show, computed by {@link Golden}.
 *
 * @param learningRate η at which the gradient-descent columns are stated (NaN: flow only)
 * @param initialLoss L(θ(0)) with the paper's convention
 * @param outputs D_out, for naming the mean-over-outputs convention
 * @param samples P
 * @param reference the stages of the reference run (gradient flow, or GD at η when η is given)
 * @param flowDropTimes half-way times of the drops under gradient flow (empty when not computed)
 * @param gdDropTimes half-way times under gradient descent at η (empty when η is NaN)
 * @param halfStepDropTimes half-way times under gradient descent at η/2 (empty when not computed)
 * @param checkpointTimes 0 and the middle of each plateau of the reference run
 * @param flowCheckpointLoss the flow's loss at each checkpoint (empty when not computed)
 * @param gdCheckpointLoss gradient descent's loss at each checkpoint (empty when η is NaN)
 * @param widths the effective width in the middle of each plateau of the reference run
 * @param theory the linear-network prediction where it applies
 * @param referenceCurve the recorded loss curve of the reference run
 * @param oracleDeviation the largest |L_flow − L_exact| / L(0) over the flow's records where the
 *     exact Saxe solution applies, NaN otherwise
 */
public record Expectation(
        double learningRate,
        double initialLoss,
        int outputs,
        int samples,
        StageSummary reference,
        double[] flowDropTimes,
        double[] gdDropTimes,
        double[] halfStepDropTimes,
        double[] checkpointTimes,
        double[] flowCheckpointLoss,
        double[] gdCheckpointLoss,
        int[] widths,
        Optional<LinearTheory.Prediction> theory,
        Curve referenceCurve,
        double oracleDeviation) {

    /**
     * The measured O(η) coefficient c_k of drop k, from T(η) = T₀ + c_k η + O(η²) at η and η/2:
     * c_k = 2 (T(η) − T(η/2)) / η (one Richardson step). NaN where the two runs have different
     * numbers of drops.
     */
    public double measuredShift(int k) {
        if (gdDropTimes.length != halfStepDropTimes.length || k >= gdDropTimes.length) {
            return Double.NaN;
        }
        return 2 * (gdDropTimes[k] - halfStepDropTimes[k]) / learningRate;
    }
}
