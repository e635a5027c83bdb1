/**
 * saddlecheck: the saddle-to-saddle theory of simplicity bias (Zhang, Saxe and Latham, 2025,
 * arXiv 2512.20607) as executable, checkable claims.
 *
 * <p>Data flows one way: a scenario resolves to a network, a task and an initialization
 * ({@link org.saddlecheck.network}, {@link org.saddlecheck.task}); an integrator
 * ({@link org.saddlecheck.dynamics}) produces a trajectory; analysis
 * ({@link org.saddlecheck.analysis}) measures it; claims ({@link org.saddlecheck.claim}) turn the
 * measurements into verdicts; reports and the command line present them. Lower layers know nothing
 * of higher ones. This package holds the one exception family and the one precondition helper.
 */
package org.saddlecheck;
