package org.saddlecheck.guard;

/**
 * The tolerances of the conformance checks, each with its derivation. They are stated relative to
 * the golden trajectory, which is the same computation up to round-off, so they cover only what a
 * correct replay cannot control: the time between its records, float32 round-off and the stage
 * detector's interpolation.
 */
public final class Tolerances {
    /**
     * Initial loss, relative: float32 round-off is 6·10⁻⁸ per operation and a loss over P ≤ 100
     * samples accumulates at most a few hundred of them, so below 10⁻⁵; 10⁻⁴ leaves a factor ten while
     * the conventions it must tell apart differ by factors of at least 1.5 (2, D_out/2, P).
     */
    public static final double INITIAL_LOSS = 1e-4;
    /**
     * Drop time against the golden trajectory, relative to the golden time: another θ(0) of the same
     * scale moves drop k by O(1/(2 s_k)) (the log of its projection on mode k changes by O(1)), which
     * is 5–10% of a drop at ln(1/ε)/s_k with ε = 10⁻³; a correct replay differs only by round-off
     * (below 10⁻⁶ relative), so 1% separates the two with margin on both sides. The time between
     * the run's records near the drop is added, since the half-way time is interpolated between them.
     */
    public static final double DROP_TIME = 0.01;
    /**
     * Plateau level, relative: a level is a median over the plateau's records, which a replay
     * reproduces to round-off, while a plateau of a different stage differs by ½ s_k² (at least 3%
     * of the level in the catalogue); 2% lies between.
     */
    public static final double PLATEAU_LEVEL = 0.02;
    /**
     * Absolute floor of level comparisons, as a fraction of the initial loss: float32 losses cannot
     * resolve below about 10⁻⁷ of their scale, so levels below 10⁻⁶ L(0) all count as zero.
     */
    public static final double LEVEL_FLOOR = 1e-6;
    /**
     * A run's time axis is read as a known convention when its drop times are a constant factor off
     * the golden ones within this relative spread (two drops of one run differ from each other by
     * far less than a convention factor of 1.5 or more).
     */
    public static final double CONVENTION_FACTOR = 0.05;
    /**
     * A run is diverged when its last loss exceeds its first by this factor: the loss of gradient
     * flow never increases, and gradient descent at a stable learning rate stays within O(η) of it.
     */
    public static final double DIVERGED_GROWTH = 1.5;
    /**
     * Largest spacing of a run's records around an expected drop, relative to its time: the
     * drop-time tolerance is {@link #DROP_TIME} plus the spacing, and it must stay below the 5–10%
     * by which another θ(0) of the same scale moves a drop, so the spacing may add at most 5%.
     */
    public static final double RECORD_SPACING = 0.05;
    /** Fewest records a run needs before any drop can be resolved. */
    public static final int MIN_RECORDS = 10;

    private Tolerances() {
    }

    /**
     * Drop time tolerance against the theory for linear networks, in units of 1/s_k: the
     * effective-strength estimate neglects the decaying part of each unit and the coupling of modes
     * during the early transient, which changes ln w₀ by O(1) at most, i.e. a shift of O(1)/(2 s_k);
     * one unit of 1/s_k allows a factor e² in w₀. [asymptotic]
     */
    public static final double THEORY_DROP_TIME_PER_INVERSE_S = 1.0;
}
