/**
 * The regression guard for other implementations of the paper's training runs (PyTorch, JAX,
 * NumPy): golden trajectories and conformance vectors ({@link org.saddlecheck.guard.VectorExporter}),
 * and the judge of a run written by another program ({@link org.saddlecheck.guard.RunChecker}).
 *
 * <p>Conventions are the paper's (Section 1): L = (1/(2P)) Σ_μ ‖y_μ − f(x_μ)‖² with the ½, time
 * t = steps × η for gradient descent. Where another program commonly differs (no ½, a mean over
 * outputs, time in steps) the checker names the difference instead of reporting a bare mismatch.
 *
 * <p>Notation: s_k singular values of Σ_yx, w_k mode strengths, w₀ the effective initial strength
 * of a mode, η the learning rate, t_k the half-way time of drop k.
 */
package org.saddlecheck.guard;
