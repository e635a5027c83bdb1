package org.saddlecheck.claim;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.saddlecheck.figures.FigureOne;
import org.saddlecheck.figures.FigureOne.Panel;
import org.saddlecheck.figures.StagedRun;
import org.saddlecheck.scenario.DynamicsSpec;
import org.saddlecheck.scenario.Scenario;

/**
 * Minibatch SGD on the linear network of Figure 1 (the paper does not analyse SGD; its
 * experiments use full-batch GD). Small-batch noise perturbs the escape from each saddle but not
 * the saddles themselves, so the stages keep their order (two drops, rank 1 then 2); what changes
 * is when they come, by an amount that varies from run to run.
 *
 * <p>Spread: a step draws B of the P rows without replacement, so the minibatch gradient's
 * covariance is (P − B)/(B(P − 1)) times the per-sample covariance; to first order each drop time
 * moves by a linear functional of the accumulated noise, so its variance scales by the same factor.
 * With P = 8, B = 2 against B = 4 the ratio is (6/14)/(4/28) = 3.
 */
public final class StochasticClaims {

    /** Learning rate of every SGD run here. */
    static final double ETA = 0.02;
    /** Runs per batch size in the spread claim. */
    static final int RUNS = 24;

    private StochasticClaims() {
    }

    /** The claims of this family. */
    public static List<Claim> claims() {
        return List.of(keepsStages(), spreadShrinks());
    }

    static Scenario sgd(Scenario flow, int batch, long seed) {
        return FigureOne.withSnapshotGrid(flow.withDynamics(DynamicsSpec.stochastic(
                flow.dynamics().endTime(), ETA, batch, seed)));
    }

    static Claim keepsStages() {
        Gen<Double> scales = Gen.scales(-7, -8, 1);
        Gen<Long> seeds = Gen.seeds();
        Gen<Integer> batches = Gen.oneOf(2, 4);
        return Claim.in(StochasticClaims.class, "dynamics.sgd-keeps-the-stages")
                .trials(c -> {
                    double e = scales.draw(c);
                    long s = seeds.draw(c);
                    int b = batches.draw(c);
                    long noise = seeds.draw(c);
                    return Trial.of(sgd(FigureOne.scenario(Panel.LINEAR_FC, e, s), b, noise));
                })
                .regimes(t -> List.of("batch-" + t.scenario().dynamics().batchSize()))
                .check(FigureOneClaims::check)
                .evidence(t -> FigureOneClaims.evidence(StagedRun.of(t.scenario())))
                .shrinkBudget(4)
                .build();
    }

    static Claim spreadShrinks() {
        Gen<Long> seeds = Gen.seeds();
        return Claim.in(StochasticClaims.class, "dynamics.sgd-drop-spread-shrinks-with-batch")
                .trials(c -> {
                    long s = seeds.draw(c);
                    long noise = seeds.draw(c);
                    return Trial.of(FigureOne.scenario(Panel.LINEAR_FC, 1e-7, s))
                            .with("noise-seed", noise);
                })
                .check(StochasticClaims::checkSpread)
                .shrinkBudget(2)
                .build();
    }

    /** First-drop times (crossing of the midpoint of the first two plateau levels) of RUNS runs. */
    static double[] dropTimes(Trial t, int batch) {
        double[] out = new double[RUNS];
        long base = (long) t.parameter("noise-seed");
        for (int k = 0; k < RUNS; k++) {
            out[k] = DiscreteStepClaims.halfWayTimes(StagedRun.of(sgd(t.scenario(), batch,
                    base + k)))[0];
        }
        return out;
    }

    static Outcome checkSpread(Trial t) {
        double[] small = dropTimes(t, 2);
        double[] large = dropTimes(t, 4);
        double ratio = variance(small) / variance(large);
        return Outcome.atLeast(ratio, 1, String.format(Locale.ROOT, "Over %d SGD runs per batch"
                + " size, the first drop's sample variance with B = 2 is %s times that with B = 4"
                + " (first-order prediction 3); times with B = 2: %s.", RUNS,
                ManifoldGradientClaims.number(ratio), Arrays.toString(small)));
    }

    private static double variance(double[] xs) {
        double mean = Arrays.stream(xs).average().orElse(Double.NaN);
        double sum = 0;
        for (double x : xs) {
            sum += (x - mean) * (x - mean);
        }
        return sum / (xs.length - 1);
    }
}
