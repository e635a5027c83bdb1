/**
 * The networks of the theory behind one interface, their losses and gradients, and what the
 * theorems say about them, derived from the declared properties of φ alone.
 *
 * <h2>What lives here</h2>
 * <ul>
 *   <li>{@link org.saddlecheck.network.Network}: f(x; θ) = Σ_i φ(x; u_i) v_i (Eq. 1), implemented
 *       by {@link org.saddlecheck.network.FullyConnected} (linear, ReLU, quadratic, cubic, tanh,
 *       x·tanh), {@link org.saddlecheck.network.Convolutional} (linear-conv, relu-conv) and
 *       {@link org.saddlecheck.network.LinearAttention} (attention, attention-merged).</li>
 *   <li>{@link org.saddlecheck.network.Objective} and
 *       {@link org.saddlecheck.network.MinibatchObjective}: L(θ) and ∇L(θ) with preallocated
 *       workspaces. Sample-based objectives share one base class that handles minibatch selection;
 *       each network supplies a forward and a backward kernel. Linear networks also have an exact
 *       second-moment form whose cost does not depend on P
 *       ({@link org.saddlecheck.network.LinearStatisticsObjective}).</li>
 *   <li>{@link org.saddlecheck.network.PhiTraits}: zero element, homogeneity degree, negative
 *       scalings, linearity (Section 3); {@link org.saddlecheck.network.Embeddings} (Theorem 1),
 *       {@link org.saddlecheck.network.Manifolds} (Theorem 3) and
 *       {@link org.saddlecheck.network.Conservation} read only these.</li>
 *   <li>{@link org.saddlecheck.network.Hessian}: ∇²L by differences of the gradient, its
 *       spectrum and index (Section 4).</li>
 * </ul>
 *
 * <h2>Parameter layout</h2>
 * θ is one flat vector; unit i is the block θ[i·s, (i+1)·s), s = |u| + |v|, u_i first. Reshaped
 * to H × s, the rows are the units.
 *
 * <h2>Notation</h2>
 * <table>
 *   <caption>Code names, symbols and where they come from (paper sections and equations)</caption>
 *   <tr><th>code</th><th>symbol</th><th>meaning</th><th>paper</th></tr>
 *   <tr><td>{@code theta}</td><td>θ</td><td>all parameters</td><td>Eq. 1</td></tr>
 *   <tr><td>{@code width()}</td><td>H</td><td>units, kernels or heads</td><td>Eq. 1</td></tr>
 *   <tr><td>{@code U}, {@code V}</td><td>U, V</td><td>H × |u| and H × |v| matrices whose rows are
 *       u_i and v_i</td><td>Eq. 1</td></tr>
 *   <tr><td>{@code W}</td><td>W = VᵀU = Σ_i v_i u_iᵀ</td><td>the map of a network with linear
 *       φ</td><td>Section 3, Theorem 4</td></tr>
 *   <tr><td>{@code X}, {@code Xt}</td><td>X, X̃</td><td>inputs (P × D_in), with the bias column
 *       appended</td><td>Section 2</td></tr>
 *   <tr><td>{@code Y}</td><td>Y</td><td>targets (P × D_out)</td><td>Section 2</td></tr>
 *   <tr><td>{@code R}</td><td>R = F − Y</td><td>residuals; L = ‖R‖²_F / (2P)</td><td>Section 2</td></tr>
 *   <tr><td>{@code Z}, {@code A}</td><td>Z = X̃Uᵀ, A = σ(Z)</td><td>pre-activations and
 *       activations</td><td>Eq. 1</td></tr>
 *   <tr><td>{@code gradU}, {@code gradV}, {@code gradZ}</td><td>∇_U L, ∇_V L, ∂L/∂Z</td>
 *       <td>gradients</td><td>Section 2</td></tr>
 *   <tr><td>{@code sigmaXX}, {@code sigmaYX}</td><td>Σ_xx, Σ_yx</td><td>second moments</td>
 *       <td>Section 2, Theorem 4</td></tr>
 *   <tr><td>{@code M}</td><td>Σ_yx Σ_xx⁺</td><td>least-squares map</td><td>Theorem 4</td></tr>
 *   <tr><td>{@code G}</td><td>∂L/∂W = WΣ_xx − Σ_yx</td><td>gradient in W</td><td>Theorem 3</td></tr>
 *   <tr><td>{@code patches()}, {@code kernel()}</td><td>N_p, k</td><td>convolution: patches and
 *       kernel size</td><td>table of networks</td></tr>
 *   <tr><td>{@code dimension()}, {@code context()}</td><td>D, N</td><td>attention: dimension of x,
 *       context length</td><td>Eq. 13 (attention)</td></tr>
 *   <tr><td>{@code A} (attention)</td><td>a = (1/N) Σ_n y_n x_n</td><td>value-weighted context
 *       mean</td><td>Eq. 13 (attention)</td></tr>
 *   <tr><td>{@code Xq}</td><td>x_q</td><td>queries</td><td>Eq. 13 (attention)</td></tr>
 *   <tr><td>(feature)</td><td>Z = (1/N) Σ_n y_n x_n x_qᵀ</td><td>the cubic feature</td>
 *       <td>Eq. 13</td></tr>
 *   <tr><td>{@code Phi}</td><td>φ(x_μ; u_i)</td><td>unit functions, one column per unit</td>
 *       <td>Eq. 1</td></tr>
 *   <tr><td>{@code homogeneityDegree()}</td><td>p</td><td>φ(x; γu) = γ^p φ(x; u)</td>
 *       <td>Section 3, Theorem 1 (iii)</td></tr>
 *   <tr><td>{@code gammaU}, {@code gammaV}, {@code gamma}</td><td>γ_u, γ_v, γ</td>
 *       <td>factors of the embeddings and manifolds</td><td>Theorems 1, 3</td></tr>
 *   <tr><td>{@code STEP_FACTOR}</td><td>ε^{1/3}</td><td>relative difference step of the
 *       Hessian</td><td>(numerics)</td></tr>
 * </table>
 */
package org.saddlecheck.network;
