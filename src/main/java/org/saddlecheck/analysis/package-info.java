/**
 * Measurements on trajectories: what the theory's claims are checked against. Everything here reads
 * a loss curve, a parameter vector or a run ({@link org.saddlecheck.dynamics.Trajectory}) and
 * returns numbers; nothing here runs a simulation.
 *
 * <ul>
 * <li>{@link org.saddlecheck.analysis.StageDetector} turns a loss curve into
 *     {@link org.saddlecheck.analysis.Stages}: plateaus (start, end, level, flatness) and drops
 *     (half-way time, start, end, depth), whether the curve starts on a plateau and whether it
 *     reaches zero loss (paper, Sections 5–6).</li>
 * <li>{@link org.saddlecheck.analysis.EffectiveWidth} measures simplicity by the network's saddle
 *     type (Section 3): the rank of W, the number of rays, or the number of non-zero units.</li>
 * <li>{@link org.saddlecheck.analysis.ModeStrengths} gives the mode picture of linear networks
 *     (Section 6.1, Theorem 4): w_k = q_kᵀ W r_k, the singular values of W, and what lies outside
 *     the top-r modes.</li>
 * <li>{@link org.saddlecheck.analysis.Measures} and {@link org.saddlecheck.analysis.LineFit}:
 *     relative distances, level crossings, and least-squares slopes with standard errors for
 *     scaling laws.</li>
 * </ul>
 *
 * <h2>Glossary</h2>
 * <table>
 * <caption>Code names, the paper's symbols and where they come from</caption>
 * <tr><th>code</th><th>symbol</th><th>meaning</th><th>paper</th></tr>
 * <tr><td>{@code times}, {@code losses}</td><td>t_k, L_k</td><td>recorded time (steps × η) and loss
 *     (with the ½)</td><td>§1</td></tr>
 * <tr><td>{@code Drop.time}</td><td>t_k</td><td>half-way time of drop k: L crosses
 *     (L_before + L_after)/2</td><td>§6.1</td></tr>
 * <tr><td>{@code Plateau.level}</td><td>L_k</td><td>plateau level, ½ Σ_{j&gt;k} s_j² above the
 *     irreducible loss for a linear network</td><td>§6.1</td></tr>
 * <tr><td>{@code Plateau.flatness}</td><td>−d ln L / d ln t</td><td>relative loss decrease per
 *     e-fold of time</td><td>—</td></tr>
 * <tr><td>{@code timesBetweenDrops}</td><td>t_{k+1} − t_k</td><td>plateau length; ∝ ln(1/ε)
 *     (linear) or 1/ε (quadratic)</td><td>§6.1, §6.2</td></tr>
 * <tr><td>{@code noiseLevel}</td><td>σ̂</td><td>standard deviation of ln L from record to
 *     record</td><td>—</td></tr>
 * <tr><td>{@code minimumRelativeDepth}</td><td>1 − e^{−Δ}</td><td>smallest reported drop,
 *     Δ = max(−ln 0.95, 5σ̂)</td><td>—</td></tr>
 * <tr><td>{@code floor}</td><td>L_floor</td><td>10⁻¹² of the largest loss; below it the loss is
 *     zero</td><td>—</td></tr>
 * <tr><td>{@code U}, {@code V}</td><td>U, V</td><td>H × |u| and H × |v|, rows u_i and v_i</td>
 *     <td>Eq. 1</td></tr>
 * <tr><td>{@code W}</td><td>W = Σ_i v_i u_iᵀ = Vᵀ U</td><td>end-to-end map of a linear
 *     network</td><td>§2, §6.1</td></tr>
 * <tr><td>{@code sigmaYX}, {@code Q}, {@code s}, {@code R}</td><td>Σ_yx = Σ_k s_k q_k r_kᵀ</td>
 *     <td>input–output covariance and its modes, s descending</td><td>§6.1</td></tr>
 * <tr><td>{@code strengths}</td><td>w_k = q_kᵀ W r_k</td><td>mode strength</td><td>§6.1</td></tr>
 * <tr><td>{@code outside}, {@code outsideRows}</td><td>‖W − Q_r Q_rᵀ W R_r R_rᵀ‖_F,
 *     ‖U − U R_r R_rᵀ‖_F</td><td>the part outside the top-r modes,
 *     O(ε^{1 − s_{r+1}/s_1})</td><td>Thm 4</td></tr>
 * <tr><td>{@code EffectiveWidth.of}</td><td>—</td><td>rank (type I), rays (type II), non-zero
 *     units (type III)</td><td>§3</td></tr>
 * <tr><td>{@code Scales.initial}, {@code Scales.finalScale}</td><td>S_init, S_final</td><td>scale
 *     of σ(W) or ‖θ_i‖ at initialization and at the end</td><td>—</td></tr>
 * <tr><td>{@code fraction}</td><td>f</td><td>a value counts above τ = max(f S_final,
 *     10 S_init); f = 0.1</td><td>—</td></tr>
 * <tr><td>{@code epsilon}</td><td>ε</td><td>initialization scale, weights N(0, ε²)</td>
 *     <td>§1</td></tr>
 * <tr><td>{@code LineFit.slope}, {@code standardError}</td><td>b, se(b)</td><td>least-squares
 *     slope and its standard error</td><td>—</td></tr>
 * </table>
 */
package org.saddlecheck.analysis;
