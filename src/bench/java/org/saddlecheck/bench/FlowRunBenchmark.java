package org.saddlecheck.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.saddlecheck.dynamics.GradientFlow;
import org.saddlecheck.dynamics.RunPlan;
import org.saddlecheck.dynamics.SaxeSolution;
import org.saddlecheck.dynamics.StopRule;
import org.saddlecheck.dynamics.Trajectory;
import org.saddlecheck.network.FullyConnected;
import org.saddlecheck.network.Objective;

/**
 * One whole gradient-flow run, from the random N(0, ε²) start with ε = 1e-4 until the slowest mode
 * is half learned: the run stops at the first accepted step at which w_m = q_mᵀ W r_m ≥ s_m/2 for
 * the smallest singular value s_m = 1/min(D_in, D_out) (the stop rule reads θ; it costs O(H·D) per
 * step against the gradient's O(H·D_in·D_out)). The end time, 2·(1/(2s_m)) ln(2s_m/(Hε²)), is twice
 * the asymptotic half-learning time [asymptotic], a safety margin the stop rule never reaches.
 * Records follow the default plan (231 per decade, and at every 1% change of the loss), or a sparse
 * 10 per decade: each record between step ends costs one loss evaluation, and each step holding one
 * costs 3 more gradient evaluations for the dense output.
 *
 * <p>Reports seconds per run and, as auxiliary counters, the gradient evaluations, loss-only
 * evaluations and accepted steps; JMH sums these counters over the measurement iterations (one run
 * each in this mode), so divide them by the iteration count. The allocation that {@code -prof gc}
 * shows per run is Commons Math's (three state-sized arrays per step, see {@link GradientFlow}) plus
 * the run's setup and its records. The stop rule on the mode strength applies to linear
 * networks; other networks added by parameter should stop on the loss instead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FlowRunBenchmark {

    @Param({"linear"})
    public String network;

    /** D_in x D_out x H. */
    @Param({"32x32x128"})
    public String size;

    @Param({"1e-4"})
    public double epsilon;

    @Param({"1e-8"})
    public double relativeTolerance;

    /** Log-spaced records per decade: the default 231, and a sparse 10 to show what records cost. */
    @Param({"231", "10"})
    public int pointsPerDecade;

    private Objective objective;
    private double[] theta0;
    private RunPlan plan;

    /** Costs of the last run, reported per run. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cost {
        public long gradients;
        public long losses;
        public long steps;

        @Setup(Level.Iteration)
        public void clear() {
            gradients = 0;
            losses = 0;
            steps = 0;
        }
    }

    @Setup
    public void setUp() {
        BenchCase c = BenchCase.of(network, size);
        objective = c.objective();
        theta0 = c.start(epsilon);
        FullyConnected linear = (FullyConnected) c.network;
        int slowest = c.s.length - 1;
        double s = c.s[slowest];
        StopRule halfLearned = (t, loss, theta) ->
                SaxeSolution.measuredModeStrength(linear, theta, c.Q, c.R, slowest) >= s / 2;
        double end = 2 * SaxeSolution.asymptoticHalfLearningTime(s, linear.width(), epsilon);
        RunPlan defaults = RunPlan.until(end);
        plan = defaults.withStopRule(halfLearned).withRecording(defaults.firstTime(), pointsPerDecade,
                defaults.lossChange());
    }

    @Benchmark
    public Trajectory run(Cost cost) {
        Trajectory run = new GradientFlow(relativeTolerance).run(objective, theta0, plan);
        cost.gradients += run.gradientEvaluations();
        cost.losses += run.lossEvaluations();
        cost.steps += run.steps();
        return run;
    }
}
