/**
 * Claims of the theory and the machinery that checks them: generators with integrated shrinking,
 * a reproducible parallel search, coverage of regimes, specs and results.
 *
 * <h2>Reading order</h2>
 * <ul>
 *   <li>{@link org.saddlecheck.claim.Claim}: one checkable statement (generator, regimes,
 *       coverage, check); its words live in {@code theory-specs/<id>.md}
 *       ({@link org.saddlecheck.claim.Spec}, {@link org.saddlecheck.claim.SpecParser},
 *       {@link org.saddlecheck.claim.SpecLibrary}).</li>
 *   <li>{@link org.saddlecheck.claim.Catalogue}: every claim, in order, one line per family.
 *       Families: {@link org.saddlecheck.claim.ManifoldGradientClaims} (Theorem 3 on the vector
 *       field), {@link org.saddlecheck.claim.EmbeddingClaims} (Theorem 1 over every network),
 *       {@link org.saddlecheck.claim.ManifoldRunClaims} (Theorem 3 along whole runs, and merges),
 *       {@link org.saddlecheck.claim.SaddleClaims} (Hessians at the origin and at rank-k saddles),
 *       {@link org.saddlecheck.claim.ConservationClaims} (conserved quantities under the flow and
 *       gradient descent).</li>
 *   <li>Helpers of the exact families: {@link org.saddlecheck.claim.AnyNetwork} (small networks
 *       of every kind with their data), {@link org.saddlecheck.network.CriticalPoints} (data that
 *       make a given θ* an exact critical point with a non-zero residual),
 *       {@link org.saddlecheck.network.Magnitudes} (round-off bounds of any network's gradient),
 *       {@link org.saddlecheck.claim.GradientRoundoff} (gradient round-off and own-Jacobian bounds
 *       written from the readout-slot form of the degree-1 networks) and
 *       {@link org.saddlecheck.claim.DriftBound} (the round-off a unit relation accumulates along
 *       an explicit Runge–Kutta run, stage by stage).</li>
 *   <li>{@link org.saddlecheck.claim.Trial}: a scenario plus named parameters; written and read
 *       by {@link org.saddlecheck.claim.TrialJson}.</li>
 *   <li>{@link org.saddlecheck.claim.Choices}, {@link org.saddlecheck.claim.Gen},
 *       {@link org.saddlecheck.claim.Generators}: generators draw from a recorded choice sequence
 *       whose choice 0 is always the simplest value, so every generator shrinks for free.</li>
 *   <li>{@link org.saddlecheck.claim.Search}: tries in parallel, each from its own seed; the
 *       failing try of lowest index is shrunk ({@code Shrinker}); results do not depend on the
 *       number of threads.</li>
 *   <li>{@link org.saddlecheck.claim.Verification}, {@link org.saddlecheck.claim.RunResults},
 *       {@link org.saddlecheck.claim.ResultsJson}: runs of the catalogue and their results
 *       ({@code docs/results-format.md}), which the report reads; this package knows nothing
 *       of the report.</li>
 * </ul>
 *
 * <h2>Notation</h2>
 * As in the paper: unit i is θ_i = (u_i, v_i), φ(x; u) = σ(uᵀx̃) for fully connected networks,
 * L = (1/(2P)) Σ_μ ‖y_μ − f(x_μ)‖², H the width, P the number of samples, ε the initialization
 * scale, s_k the singular values of Σ_yx, γ a proportionality factor. Round-off: u = 2⁻⁵³ and
 * γ_n = nu/(1 − nu).
 *
 * <p>Nothing here prints: progress goes to {@link org.saddlecheck.claim.SearchListener} and
 * {@link org.saddlecheck.claim.Verification.Listener}.
 */
package org.saddlecheck.claim;
