package org.saddlecheck.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.saddlecheck.network.Objective;

/**
 * One gradient evaluation (L and ∇L together) of each network of the comparison with other tools
 * ({@link PeerScenario}: the 32-128-32 linear network, the quadratic network D = 16, H = 64 on
 * P = 200 samples, linear attention D = 8, 16 heads on P = 256 sequences), at θ(0) scaled up to
 * ε = 0.1 so that no product is trivially small. The call reuses the objective's workspaces:
 * {@code -prof gc} must show about 0 B/op.
 *
 * <p>Multiply-adds per evaluation: linear, W = VᵀU, G = WΣ_xx − Σ_yx, VG and UGᵀ:
 * 3·H·D_in·D_out + D_out·D_in² = 425,984; quadratic, XUᵀ, AV, AᵀR, RVᵀ and ∇_Zᵀ X:
 * 2·P·H·D + 3·P·H = 448,000; attention, A Kᵀ, X_q Qᵀ, the two key and query gradients and
 * Φ v, Φᵀ r: 4·P·H·D + 2·P·H = 139,264.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScenarioGradientBenchmark {

    @Param({"linear", "quadratic", "attention"})
    public String scenario;

    private Objective objective;
    private double[] theta;
    private double[] gradient;

    @Setup
    public void setUp() {
        PeerScenario s = PeerScenario.of(scenario);
        objective = s.objective();
        theta = s.theta0.clone();
        double scale = 0.1 / Math.sqrt(theta.length > 0 ? mean(theta) : 1);
        for (int j = 0; j < theta.length; j++) {
            theta[j] *= scale;
        }
        gradient = new double[theta.length];
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return sum / x.length;
    }

    /** One gradient evaluation; returns the loss so that the work cannot be removed. */
    @Benchmark
    public double lossAndGradient() {
        return objective.lossAndGradient(theta, gradient);
    }
}
