package org.saddlecheck.dynamics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.saddlecheck.Require;

/**
 * The record of one run: the loss at recorded times, per-unit norms beside them when asked for,
 * parameter snapshots, the final parameters, and the cost (gradient evaluations and steps).
 * Immutable once built; build one with {@link Builder}.
 */
public final class Trajectory {

    /** θ at one time. */
    public record Snapshot(double time, double[] theta) {
        public Snapshot {
            theta = theta.clone();
        }

        @Override
        public double[] theta() {
            return theta.clone();
        }
    }

    private final String integrator;
    private final double[] times;
    private final double[] losses;
    private final double[][] unitNorms;
    private final List<Snapshot> snapshots;
    private final double[] finalTheta;
    private final long gradientEvaluations;
    private final long lossEvaluations;
    private final long steps;

    private Trajectory(Builder b) {
        this.integrator = b.integrator;
        int n = b.count;
        this.times = java.util.Arrays.copyOf(b.times, n);
        this.losses = java.util.Arrays.copyOf(b.losses, n);
        this.unitNorms = b.unitNorms.isEmpty() ? null : b.unitNorms.toArray(new double[0][]);
        this.snapshots = Collections.unmodifiableList(new ArrayList<>(b.snapshots));
        this.finalTheta = b.finalTheta.clone();
        this.gradientEvaluations = b.gradientEvaluations;
        this.lossEvaluations = b.lossEvaluations;
        this.steps = b.steps;
    }

    /** The integrator kind that produced this run. */
    public String integrator() {
        return integrator;
    }

    /** The number of records. */
    public int size() {
        return times.length;
    }

    /** The recorded times, ascending, starting at 0. */
    public double[] times() {
        return times.clone();
    }

    /** The loss at each recorded time. */
    public double[] losses() {
        return losses.clone();
    }

    public double time(int k) {
        return times[k];
    }

    public double loss(int k) {
        return losses[k];
    }

    /** The time the run ended. */
    public double endTime() {
        return times[times.length - 1];
    }

    /** The last recorded loss. */
    public double finalLoss() {
        return losses[losses.length - 1];
    }

    /** Whether per-unit norms were recorded. */
    public boolean hasUnitNorms() {
        return unitNorms != null;
    }

    /** ‖θ_i‖ of every unit at record k (length H), if recorded. */
    public double[] unitNorms(int k) {
        Require.that(unitNorms != null, "this trajectory has no unit norms; ask for them in the plan");
        return unitNorms[k].clone();
    }

    public List<Snapshot> snapshots() {
        return snapshots;
    }

    /** θ at the end of the run. */
    public double[] finalTheta() {
        return finalTheta.clone();
    }

    /** How many times the gradient was evaluated. */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    /**
     * How many times the loss alone was evaluated (no gradient): records placed between step ends
     * by dense output, and full-data losses of stochastic gradient descent. About a third to two
     * thirds of a gradient evaluation each.
     */
    public long lossEvaluations() {
        return lossEvaluations;
    }

    /** How many steps were accepted. */
    public long steps() {
        return steps;
    }

    /** Collects records during a run. Records must come in non-decreasing time. */
    public static final class Builder {
        private final String integrator;
        private double[] times = new double[256];
        private double[] losses = new double[256];
        private int count;
        private final List<double[]> unitNorms = new ArrayList<>();
        private final List<Snapshot> snapshots = new ArrayList<>();
        private double[] finalTheta = new double[0];
        private long gradientEvaluations;
        private long lossEvaluations;
        private long steps;

        public Builder(String integrator) {
            this.integrator = integrator;
        }

        /** Appends a loss record. */
        public Builder record(double time, double loss) {
            if (count > 0 && time < times[count - 1]) {
                throw new IllegalStateException("record at time " + time
                        + " comes before the previous record at " + times[count - 1]);
            }
            if (count == times.length) {
                times = java.util.Arrays.copyOf(times, 2 * count);
                losses = java.util.Arrays.copyOf(losses, 2 * count);
            }
            times[count] = time;
            losses[count] = loss;
            count++;
            return this;
        }

        /** Appends a loss record with the norms of the unit blocks of θ (blocks of unitSize). */
        public Builder record(double time, double loss, double[] theta, int unitSize) {
            record(time, loss);
            if (unitSize > 0) {
                double[] norms = new double[theta.length / unitSize];
                for (int i = 0; i < norms.length; i++) {
                    double s = 0;
                    for (int j = i * unitSize, end = j + unitSize; j < end; j++) {
                        s += theta[j] * theta[j];
                    }
                    norms[i] = Math.sqrt(s);
                }
                unitNorms.add(norms);
            }
            return this;
        }

        /** The last recorded time, or −∞ before the first record. */
        public double lastTime() {
            return count == 0 ? Double.NEGATIVE_INFINITY : times[count - 1];
        }

        /** The last recorded loss, or NaN before the first record. */
        public double lastLoss() {
            return count == 0 ? Double.NaN : losses[count - 1];
        }

        public Builder snapshot(double time, double[] theta) {
            snapshots.add(new Snapshot(time, theta));
            return this;
        }

        public Builder finish(double[] theta, long evaluations, long acceptedSteps) {
            return finish(theta, evaluations, 0, acceptedSteps);
        }

        /** Sets the final θ and the cost: gradient evaluations, loss-only evaluations, steps. */
        public Builder finish(double[] theta, long evaluations, long lossOnlyEvaluations,
                long acceptedSteps) {
            this.finalTheta = theta.clone();
            this.gradientEvaluations = evaluations;
            this.lossEvaluations = lossOnlyEvaluations;
            this.steps = acceptedSteps;
            return this;
        }

        public Trajectory build() {
            Require.that(count > 0, "a trajectory needs at least one record");
            return new Trajectory(this);
        }
    }
}
