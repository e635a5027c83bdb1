package org.saddlecheck.report.text;

import java.util.List;

/** A node of a parsed formula: the tree both renderers walk. */
public sealed interface MathNode {

    /** A sequence of nodes, as a TeX group {@code {…}} or a whole formula. */
    record Row(List<MathNode> items) implements MathNode {
        public Row {
            items = List.copyOf(items);
        }
    }

    /** A variable or symbol; single letters are italic unless {@code upright}. */
    record Identifier(String text, boolean upright) implements MathNode {
    }

    /** A number such as 12 or 0.5. */
    record Number(String text) implements MathNode {
    }

    /** An operator, relation, delimiter or punctuation. */
    record Operator(String text) implements MathNode {
    }

    /** Upright text, such as {@code \text{…}} or an unknown command shown as itself. */
    record Text(String text) implements MathNode {
    }

    /** A named function such as ln or max, written upright and followed by its argument. */
    record Function(String name) implements MathNode {
    }

    /** A large operator such as ∑ whose scripts are limits. */
    record LargeOperator(String symbol) implements MathNode {
    }

    /** A base with a subscript, a superscript or both (either may be null). */
    record Scripts(MathNode base, MathNode sub, MathNode sup) implements MathNode {
    }

    /** A fraction. */
    record Fraction(MathNode numerator, MathNode denominator) implements MathNode {
    }

    /** A square root, or a root of the given index (null for a square root). */
    record Root(MathNode radicand, MathNode index) implements MathNode {
    }

    /**
     * An accent over a base.
     *
     * @param base what is accented
     * @param mark the accent character as a MathML operator, such as ^ or ~
     * @param combining the Unicode combining character for the same accent
     */
    record Accent(MathNode base, String mark, char combining) implements MathNode {
    }

    /** Horizontal space, in em. */
    record Space(double em) implements MathNode {
    }
}
