package org.saddlecheck;

/**
 * A run whose loss or weights became non-finite or blew up. The message names the time (and the
 * step, for discrete dynamics) at which it was detected; no trajectory is returned for such a run.
 */
public class DivergenceException extends SaddlecheckException {
    private static final long serialVersionUID = 1L;

    private final double time;

    public DivergenceException(String message, double time) {
        super(message);
        this.time = time;
    }

    /** The training time t at which the divergence was detected. */
    public double time() {
        return time;
    }
}
