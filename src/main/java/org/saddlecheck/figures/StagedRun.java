package org.saddlecheck.figures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.saddlecheck.analysis.EffectiveWidth;
import org.saddlecheck.analysis.StageDetector;
import org.saddlecheck.analysis.Stages;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.Network;
import org.saddlecheck.scenario.ResolvedScenario;
import org.saddlecheck.scenario.Scenario;
import org.saddlecheck.scenario.ScenarioResolver;

/**
 * One training run read as saddle-to-saddle dynamics: its trajectory, its stages
 * ({@link StageDetector}), and the effective width ({@link EffectiveWidth}, the measure of the
 * network's saddle type) at the middle of every plateau and at the end. The scales of the width
 * threshold are S_init from the initialization scale ε and S_final from the final weights.
 *
 * <p>Runs are kept in a small cache keyed by scenario, so that two claims (or a claim and its
 * evidence) that look at the same scenario run it once. The cache holds at most
 * {@value #CACHED} runs and is safe to share between threads; the values are pure functions of
 * the scenario, so caching changes no number.
 *
 * @param scenario the scenario run
 * @param network its network
 * @param trajectory the run, with snapshots
 * @param stages its plateaus and drops
 * @param plateauWidths the effective width at the snapshot nearest the middle of each plateau
 * @param plateauThetas θ at those snapshots
 * @param finalWidth the effective width of the final θ
 */
public record StagedRun(Scenario scenario, Network network, Trajectory trajectory, Stages stages,
        int[] plateauWidths, List<double[]> plateauThetas, int finalWidth) {

    /** Runs kept in the cache. */
    static final int CACHED = 16;

    private static final Map<Scenario, StagedRun> CACHE = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Scenario, StagedRun> eldest) {
            return size() > CACHED;
        }
    };

    /** The staged run of {@code scenario}, from the cache or run now. */
    public static StagedRun of(Scenario scenario) {
        synchronized (CACHE) {
            StagedRun cached = CACHE.get(scenario);
            if (cached != null) {
                return cached;
            }
        }
        StagedRun run = compute(scenario);
        synchronized (CACHE) {
            CACHE.put(scenario, run);
        }
        return run;
    }

    private static StagedRun compute(Scenario scenario) {
        ResolvedScenario resolved = ScenarioResolver.resolve(scenario);
        Trajectory trajectory = resolved.run();
        Stages stages = StageDetector.detect(trajectory);
        Network network = resolved.network();
        double epsilon = scenario.init().hasTheta() ? scaleOf(resolved.theta0(), network)
                : scenario.init().scale();
        EffectiveWidth.Scales scales = EffectiveWidth.Scales.ofInitialization(network, epsilon,
                trajectory.finalTheta());
        List<Stages.Plateau> plateaus = stages.plateaus();
        int[] widths = new int[plateaus.size()];
        List<double[]> thetas = new java.util.ArrayList<>();
        for (int k = 0; k < plateaus.size(); k++) {
            Stages.Plateau p = plateaus.get(k);
            double[] theta = nearest(trajectory, 0.5 * (p.start() + p.end()), resolved.theta0());
            thetas.add(theta);
            widths[k] = EffectiveWidth.of(network, theta, scales);
        }
        int finalWidth = EffectiveWidth.of(network, trajectory.finalTheta(), scales);
        return new StagedRun(scenario, network, trajectory, stages, widths, List.copyOf(thetas),
                finalWidth);
    }

    /** The root mean square weight of an explicit θ(0), standing in for ε. */
    private static double scaleOf(double[] theta, Network network) {
        double sum = 0;
        for (double x : theta) {
            sum += x * x;
        }
        return Math.sqrt(sum / Math.max(1, network.parameterCount()));
    }

    /** θ of the snapshot nearest {@code time}, or θ(0) when there is none nearer than t = 0. */
    static double[] nearest(Trajectory trajectory, double time, double[] theta0) {
        double[] best = theta0;
        double distance = Math.abs(time);
        for (Trajectory.Snapshot s : trajectory.snapshots()) {
            double d = Math.abs(s.time() - time);
            if (d < distance) {
                distance = d;
                best = s.theta();
            }
        }
        return best;
    }

    /** Whether the run reads plateau, drop, plateau, drop, plateau. */
    public boolean twoStages() {
        return stages.dropCount() == 2 && stages.startsWithPlateau() && stages.endsOnPlateau()
                && plateauWidths.length == 3;
    }

    @Override
    public int[] plateauWidths() {
        return plateauWidths.clone();
    }
}
