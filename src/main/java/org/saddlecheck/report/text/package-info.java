/**
 * Text of the report: a small TeX subset parsed into a tree ({@link
 * org.saddlecheck.report.text.TexParser}) and rendered as MathML for the page ({@link
 * org.saddlecheck.report.text.MathMl}) or as readable Unicode for chart labels ({@link
 * org.saddlecheck.report.text.UnicodeMath}); a minimal, safe markdown converter ({@link
 * org.saddlecheck.report.text.Markdown}); and HTML escaping.
 *
 * <p>The TeX subset: letters, digits and operators; {@code ^} and {@code _} with single tokens or
 * groups; {@code \frac}, {@code \sqrt}; Greek letters; {@code \sum}, {@code \prod}, {@code \int};
 * functions such as {@code \ln}, {@code \exp}, {@code \max}; relations and arrows ({@code \le},
 * {@code \ge}, {@code \approx}, {@code \to}, …); {@code \|}, {@code \top}, {@code \infty},
 * {@code \cdot}; accents {@code \hat}, {@code \tilde}, {@code \bar}, {@code \dot}, {@code \vec};
 * fonts {@code \mathrm}, {@code \mathbf}, {@code \mathbb}, {@code \text}; spacing; {@code \left}
 * and {@code \right}. Nothing here throws on bad input: an unknown command is shown as its own text
 * and an unclosed group closes at the end.
 */
package org.saddlecheck.report.text;
