package org.saddlecheck.dynamics;

import java.util.SplittableRandom;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;
import org.saddlecheck.network.MinibatchObjective;
import org.saddlecheck.network.Objective;

/**
 * Minibatch stochastic gradient descent θ_{n+1} = θ_n − η ∇L_{B_n}(θ_n), where
 * L_B(θ) = (1/(2B)) Σ_{μ∈B} ‖y_μ − f(x_μ; θ)‖² is the loss on the minibatch B_n drawn for step n;
 * step n is placed at time t = nη as for {@link GradientDescent} (the paper's conventions; the paper
 * does not analyse SGD).
 *
 * <h2>Minibatches</h2>
 * Each step draws B distinct rows out of the P rows (without replacement within the step,
 * independently across steps) by a partial Fisher–Yates shuffle of a persistent row pool: for
 * i = 0 … B−1 swap pool[i] with pool[i + U], U uniform on {0, …, P−1−i}; every B-subset is then
 * equally likely whatever order the pool was left in. The drawn rows are sorted before
 * {@link MinibatchObjective#select} so that the rows are read in order; with B = P the batch is every
 * row in order, and SGD equals {@link GradientDescent} bit for bit whenever the objective computes
 * a selection of all rows in order exactly as it computes the full data. The generator is a
 * {@link SplittableRandom} seeded with the given seed, so a run is reproducible bit for bit.
 *
 * <h2>Records and cost</h2>
 * Records carry the full-data loss L(θ_n), not the noisy minibatch loss. Evaluating it costs P/B
 * minibatch forward passes, so it is done only at check steps: once per epoch (every ⌈P/B⌉ steps,
 * which bounds the monitoring cost to one forward pass over the data per epoch), at the first step
 * at or after each log-spaced record or snapshot time, and at the last step. The event-driven
 * records, the observer and the stop rule act at check steps only; with B = P every step is a check
 * step. The minibatch loss of every step is checked for divergence (it costs nothing). Steps
 * allocate nothing: θ, the gradient, the row pool and the batch are preallocated.
 */
public final class StochasticGradientDescent implements Integrator {
    private final double learningRate;
    private final int batchSize;
    private final long seed;

    /**
     * @param learningRate η &gt; 0, also the time step
     * @param batchSize B, rows per step, at most P
     * @param seed the seed of the minibatch draws
     */
    public StochasticGradientDescent(double learningRate, int batchSize, long seed) {
        this.learningRate = Require.positive("learning rate η", learningRate);
        this.batchSize = Require.positive("batch size B", batchSize);
        this.seed = seed;
    }

    @Override
    public String kind() {
        return "sgd";
    }

    public double learningRate() {
        return learningRate;
    }

    public int batchSize() {
        return batchSize;
    }

    public long seed() {
        return seed;
    }

    /**
     * Runs N = ⌈T/η⌉ minibatch steps or until the stop rule fires. Keeps θ(0) intact and leaves the
     * objective selecting all rows.
     *
     * @throws InvalidInputException if the objective is not a {@link MinibatchObjective} or B
     *     exceeds P or the objective's capacity
     */
    @Override
    public Trajectory run(Objective objective, double[] theta0, RunPlan plan) {
        if (!(objective instanceof MinibatchObjective minibatch)) {
            throw new InvalidInputException("stochastic gradient descent needs an "
                    + "org.saddlecheck.network.MinibatchObjective (build it with "
                    + "Network.minibatchObjective), but got a " + objective.getClass().getSimpleName());
        }
        int samples = minibatch.samples();
        Require.that(batchSize <= samples, "batch size B (" + batchSize
                + ") must not exceed the number of samples P (" + samples + ")");
        Require.that(batchSize <= minibatch.capacity(), "batch size B (" + batchSize
                + ") exceeds the capacity (" + minibatch.capacity() + ") of the minibatch objective");
        Require.length("θ(0)", theta0, objective.dimension());
        Require.finite("θ(0)", theta0);
        try {
            return descend(minibatch, samples, theta0, plan);
        } finally {
            minibatch.selectAll();
        }
    }

    private Trajectory descend(MinibatchObjective objective, int samples, double[] theta0,
            RunPlan plan) {
        long steps = Recorder.stepCount(plan.endTime(), learningRate);
        long epoch = (samples + batchSize - 1) / batchSize;
        SplittableRandom random = new SplittableRandom(seed);
        int[] pool = new int[samples];
        for (int mu = 0; mu < samples; mu++) {
            pool[mu] = mu;
        }
        int[] rows = new int[batchSize];
        double[] theta = theta0.clone();
        double[] gradient = new double[theta.length];

        objective.selectAll();
        double loss = objective.loss(theta);
        long lossEvaluations = 1;
        Recorder recorder = new Recorder(kind(), plan, loss, theta);
        long step = 0;
        while (step < steps) {

            // draw B rows without replacement, in order, and take the minibatch gradient at θ_n
            draw(random, pool, rows);
            objective.select(rows, batchSize);
            double batchLoss = objective.lossAndGradient(theta, gradient);
            recorder.checkLoss("the minibatch loss", batchLoss, step * learningRate, step);

            // θ_{n+1} = θ_n − η ∇L_B(θ_n)
            step++;
            double time = step * learningRate;
            if (!GradientDescent.descend(theta, gradient, learningRate)) {
                throw Recorder.nonFiniteTheta(time, step);
            }

            // at check steps: the full-data loss, records, observer, stop rule
            boolean check = step % epoch == 0 || step == steps
                    || recorder.nextScheduledTime() <= time;
            if (check) {
                objective.selectAll();
                loss = objective.loss(theta);
                lossEvaluations++;
                if (recorder.stepEnd(time, loss, theta, step)) {
                    break;
                }
            }
        }
        return recorder.finish(step * learningRate, loss, theta, step, lossEvaluations, step);
    }

    /**
     * Writes B = rows.length distinct rows into {@code rows}, ascending, by a partial Fisher–Yates
     * shuffle of {@code pool} (which it permutes).
     */
    static void draw(SplittableRandom random, int[] pool, int[] rows) {
        int p = pool.length;
        for (int i = 0; i < rows.length; i++) {
            int j = i + random.nextInt(p - i);
            int chosen = pool[j];
            pool[j] = pool[i];
            pool[i] = chosen;
            rows[i] = chosen;
        }
        heapSort(rows);
    }

    /** Sorts {@code a} ascending in place, in O(B log B) time and no allocation. */
    static void heapSort(int[] a) {
        for (int i = a.length / 2 - 1; i >= 0; i--) {
            siftDown(a, i, a.length);
        }
        for (int end = a.length - 1; end > 0; end--) {
            int top = a[0];
            a[0] = a[end];
            a[end] = top;
            siftDown(a, 0, end);
        }
    }

    private static void siftDown(int[] a, int root, int size) {
        int value = a[root];
        int i = root;
        while (2 * i + 1 < size) {
            int child = 2 * i + 1;
            if (child + 1 < size && a[child + 1] > a[child]) {
                child++;
            }
            if (a[child] <= value) {
                break;
            }
            a[i] = a[child];
            i = child;
        }
        a[i] = value;
    }
}
