/**
 * Tasks: the data P samples (x_μ, y_μ) and generators whose statistics are known exactly (paper,
 * Sections 1, 2 and 6).
 *
 * <p>Notation. X is P × D_in with the inputs as rows, Y is P × D_out with the targets as rows;
 * Σ_xx = (1/P) XᵀX, Σ_yx = (1/P) YᵀX; for quadratic networks and attention Σ_yZ = (1/P) Σ_μ y_μ Z_μ
 * with Z = x xᵀ or the cubic feature of {@link org.saddlecheck.task.Tokens}. Singular values s are
 * listed largest first.
 *
 * <ul>
 *   <li>{@link org.saddlecheck.task.WhitenedRegression}: Σ_xx = I and Σ_yx = Q diag(s) Rᵀ exactly,
 *       with optional noise orthogonal to the inputs (known irreducible loss).</li>
 *   <li>{@link org.saddlecheck.task.QuadraticTarget}: y = Σ_k λ_k x_k², Σ_yZ made exactly equal to
 *       its population value.</li>
 *   <li>{@link org.saddlecheck.task.InContextRegression}: sequences for linear attention, with
 *       re-whitened task statistics Σ_yZ = Λ².</li>
 *   <li>{@link org.saddlecheck.task.Patches}: patch inputs for convolutional networks with a patch
 *       statistic of given singular values.</li>
 *   <li>{@link org.saddlecheck.task.ReluData}: ReLU teachers on orthogonal inputs, and the
 *       one-dimensional kink benchmark.</li>
 *   <li>{@link org.saddlecheck.task.ExplicitData}: data given as numbers.</li>
 * </ul>
 * Every generator draws from one seeded {@link org.apache.commons.math3.random.Well19937c} in a
 * documented order ({@link org.saddlecheck.task.Draws}), so a seed fixes the data bit for bit.
 * {@link org.saddlecheck.task.Spectra} builds the spectra of the paper's Figure 2.
 */
package org.saddlecheck.task;
