/**
 * Training dynamics: gradient flow and its discretisations, the record of a run, the observers
 * that watch it, and the exact solution used to check them.
 *
 * <h2>Conventions (the paper's)</h2>
 * The loss is L(θ) = (1/(2P)) Σ_μ ‖y_μ − f(x_μ; θ)‖² (with the ½). Gradient flow is
 * dθ/dt = −∇L(θ). A discrete method with step η places its n-th step at t = nη, so its times are
 * directly comparable with the flow's and with the closed forms of the paper's dynamics (Theorem 4).
 *
 * <h2>What lives here</h2>
 * <ul>
 *   <li>{@link org.saddlecheck.dynamics.Integrator} and its implementations:
 *       {@link org.saddlecheck.dynamics.GradientFlow} (adaptive Dormand–Prince 8(5,3), error
 *       control scaled to the initial weights), {@link org.saddlecheck.dynamics.RungeKutta4}
 *       (fixed step), {@link org.saddlecheck.dynamics.GradientDescent} (explicit Euler) and
 *       {@link org.saddlecheck.dynamics.StochasticGradientDescent} (minibatches).</li>
 *   <li>{@link org.saddlecheck.dynamics.PiecewiseFlow}: the flow of a loss with kinks (ReLU),
 *       integrated one activation region at a time with the same method and error control,
 *       switching the pattern at located crossings, and along a kink where it slides
 *       ({@link org.saddlecheck.dynamics.FilippovField}, Filippov's convex method).</li>
 *   <li>{@link org.saddlecheck.dynamics.RunPlan} (what to record, when to stop) and
 *       {@link org.saddlecheck.dynamics.Trajectory} (what was recorded, and the cost).</li>
 *   <li>{@link org.saddlecheck.dynamics.Observer}, {@link org.saddlecheck.dynamics.StopRule} and
 *       small observers: {@link org.saddlecheck.dynamics.StepCounter},
 *       {@link org.saddlecheck.dynamics.WorstDeviation}, {@link org.saddlecheck.dynamics.Observers}.
 *       The library prints nothing; progress flows through observers.</li>
 *   <li>{@link org.saddlecheck.dynamics.SaxeSolution}: the exact mode dynamics of a linear network
 *       with whitened inputs and an aligned, balanced start (Saxe, McClelland and Ganguli 2014; the
 *       paper's Theorem 4).</li>
 * </ul>
 * Every run fails with {@link org.saddlecheck.DivergenceException} (naming the time, and the step
 * for discrete methods) when the loss or θ stops being finite or the loss exceeds
 * 10⁶·max(L(0), 1); no trajectory is returned for such a run.
 *
 * <h2>Glossary</h2>
 * <table>
 *   <caption>Code names, symbols and where they are defined</caption>
 *   <tr><th>code</th><th>symbol</th><th>meaning</th><th>where</th></tr>
 *   <tr><td>{@code theta}</td><td>θ</td><td>all parameters, units as blocks (u_i, v_i)</td>
 *       <td>Eq. 1</td></tr>
 *   <tr><td>{@code thetaDot}</td><td>θ̇ = −∇L(θ)</td><td>the flow's vector field</td>
 *       <td>conventions</td></tr>
 *   <tr><td>{@code gradient}, {@code g1}…{@code g4}</td><td>∇L, RK4 stage gradients</td>
 *       <td></td><td>{@link org.saddlecheck.dynamics.RungeKutta4}</td></tr>
 *   <tr><td>{@code learningRate}, {@code eta}</td><td>η</td><td>GD/SGD step and time step</td>
 *       <td>conventions</td></tr>
 *   <tr><td>{@code step}, {@code h}</td><td>h</td><td>RK4 step; adaptive step</td><td></td></tr>
 *   <tr><td>{@code relativeTolerance}</td><td>r</td><td>allowed relative local error per step</td>
 *       <td>{@link org.saddlecheck.dynamics.GradientFlow}</td></tr>
 *   <tr><td>{@code initialScale}</td><td>ρ = ‖θ(0)‖/√n</td><td>scale of the absolute
 *       tolerance r·ρ</td><td>{@link org.saddlecheck.dynamics.GradientFlow}</td></tr>
 *   <tr><td>{@code batchSize}</td><td>B</td><td>rows per SGD step, out of P</td><td></td></tr>
 *   <tr><td>{@code singularValues}, {@code s}</td><td>s_k</td><td>singular values of Σ_yx</td>
 *       <td>Theorem 4</td></tr>
 *   <tr><td>{@code Q}, {@code R}</td><td>q_k, r_k</td><td>left and right singular vectors of
 *       Σ_yx, as columns</td><td>Theorem 4</td></tr>
 *   <tr><td>{@code initialStrength}</td><td>w₀</td><td>initial mode strength (ε² aligned,
 *       ≈ Hε²/2 effective for random starts)</td><td>Theorem 4</td></tr>
 *   <tr><td>{@code modeStrength}</td><td>w_k = q_kᵀ W r_k</td><td>strength of mode k,
 *       W = Σ_i v_i u_iᵀ</td><td>Theorem 4</td></tr>
 *   <tr><td>{@code halfLearningTime}</td><td>t_k</td><td>time at which w_k = s_k/2</td>
 *       <td>Theorem 4</td></tr>
 *   <tr><td>{@code firstTime}, {@code pointsPerDecade}</td><td>t_first, m</td><td>log-spaced
 *       record times t_first·10^(j/m)</td><td>{@link org.saddlecheck.dynamics.RunPlan}</td></tr>
 *   <tr><td>{@code fraction}, {@code alpha}</td><td>α_k ∈ [0, 1]</td><td>activation of a
 *       kink the flow slides along (relu'(0) for ReLU)</td>
 *       <td>{@link org.saddlecheck.dynamics.FilippovField}</td></tr>
 *   <tr><td>{@code lossChange}</td><td>c</td><td>relative loss change that forces a record</td>
 *       <td>{@link org.saddlecheck.dynamics.RunPlan}</td></tr>
 * </table>
 */
package org.saddlecheck.dynamics;
