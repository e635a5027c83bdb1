package org.saddlecheck.report.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.saddlecheck.report.text.MathNode.Accent;
import org.saddlecheck.report.text.MathNode.Fraction;
import org.saddlecheck.report.text.MathNode.Function;
import org.saddlecheck.report.text.MathNode.Identifier;
import org.saddlecheck.report.text.MathNode.LargeOperator;
import org.saddlecheck.report.text.MathNode.Number;
import org.saddlecheck.report.text.MathNode.Operator;
import org.saddlecheck.report.text.MathNode.Root;
import org.saddlecheck.report.text.MathNode.Row;
import org.saddlecheck.report.text.MathNode.Scripts;
import org.saddlecheck.report.text.MathNode.Space;
import org.saddlecheck.report.text.MathNode.Text;

/**
 * Renders formulas as plain Unicode text for places that cannot hold MathML, such as chart labels:
 * {@code s_{k+1}/s_k} becomes sₖ₊₁/sₖ, {@code W^\top} becomes Wᵀ, {@code \hat{y}} becomes ŷ.
 * A script whose characters all have Unicode sub- or superscript forms uses them; otherwise it is
 * written after {@code _} or {@code ^}, in parentheses when longer than one character.
 */
public final class UnicodeMath {

    private static final Map<Integer, Character> SUB = table(
            "0123456789+−=()aehijklmnoprstuvxβγρφχ", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ");
    private static final Map<Integer, Character> SUP = table(
            "0123456789+−=()abcdefghijklmnoprstuvwxyzT⊤′∗",
            "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀᵀ′*");
    private static final Set<String> RELATIONS = Set.of("=", "<", ">", "≤", "≥", "≠", "≈", "∼",
            "≃", "≅", "∝", "≡", "≪", "≫", "→", "←", "⇒", "⇐", "⇔", "↔", "↦", "⟹", "⟺", "∈", "∉",
            "⊂", "⊆", "⊃", "⊇");
    private static final Set<String> BINARY = Set.of("+", "−", "±", "∓", "×", "⋅", "÷");

    private UnicodeMath() {
    }

    /** The Unicode text of a formula (the text between dollar signs). */
    public static String of(String tex) {
        return render(TexParser.parse(tex), false);
    }

    /** Text with inline math between {@code $…$} turned into Unicode; {@code \$} is a dollar. */
    public static String text(String text) {
        StringBuilder out = new StringBuilder();
        for (InlineMath.Piece piece : InlineMath.split(text)) {
            out.append(piece.math() ? of(piece.text()) : piece.text());
        }
        return out.toString();
    }

    private static String render(MathNode node, boolean compact) {
        if (node instanceof Row r) {
            return row(r.items(), compact);
        }
        if (node instanceof Identifier id) {
            return id.text();
        }
        if (node instanceof Number n) {
            return n.text();
        }
        if (node instanceof Operator op) {
            return op.text();
        }
        if (node instanceof Text t) {
            return t.text();
        }
        if (node instanceof Function f) {
            return f.name();
        }
        if (node instanceof LargeOperator op) {
            return op.symbol();
        }
        if (node instanceof Scripts s) {
            return render(s.base(), compact) + script(s.sub(), SUB, '_') + script(s.sup(), SUP, '^');
        }
        if (node instanceof Fraction f) {
            return grouped(f.numerator()) + "/" + grouped(f.denominator());
        }
        if (node instanceof Root r) {
            String index = r.index() == null ? "" : script(r.index(), SUP, '^');
            return index + "√" + grouped(r.radicand());
        }
        if (node instanceof Accent a) {
            return render(a.base(), compact) + a.combining();
        }
        if (node instanceof Space s) {
            return s.em() <= 0 ? "" : s.em() < 0.25 ? "\u2009" : " ";
        }
        return "";
    }

    private static String row(List<MathNode> items, boolean compact) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            MathNode item = items.get(i);
            String text = render(item, compact);
            if (!compact && item instanceof Operator op && spaced(op.text(), items, i)) {
                out.append(' ').append(text).append(' ');
            } else {
                out.append(text);
            }
            if (MathMl.isFunction(item) && i + 1 < items.size()
                    && !MathMl.opensArgument(items.get(i + 1))) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /** Relations always get spaces; + and − only between two operands. */
    private static boolean spaced(String op, List<MathNode> items, int i) {
        if (RELATIONS.contains(op)) {
            return true;
        }
        if (!BINARY.contains(op) || i == 0 || i == items.size() - 1) {
            return false;
        }
        MathNode before = items.get(i - 1);
        return !(before instanceof Operator o) || ")]}|‖⟩".contains(o.text());
    }

    private static String script(MathNode script, Map<Integer, Character> table, char marker) {
        if (script == null) {
            return "";
        }
        String text = render(script, true);
        StringBuilder mapped = new StringBuilder();
        boolean all = !text.isEmpty();
        for (int i = 0; i < text.length() && all; ) {
            int c = text.codePointAt(i);
            Character m = table.get(c);
            if (m == null) {
                all = false;
            } else {
                mapped.append(m.charValue());
            }
            i += Character.charCount(c);
        }
        if (all) {
            return mapped.toString();
        }
        return marker + (text.codePointCount(0, text.length()) > 1 ? "(" + text + ")" : text);
    }

    /** A fraction's part, in parentheses unless it is one symbol or number. */
    private static String grouped(MathNode node) {
        String text = render(node, false);
        boolean simple = node instanceof Identifier || node instanceof Number
                || (node instanceof Row r && r.items().size() == 1
                        && (r.items().get(0) instanceof Identifier
                                || r.items().get(0) instanceof Number
                                || r.items().get(0) instanceof Scripts));
        return simple ? text : "(" + text + ")";
    }

    private static Map<Integer, Character> table(String from, String to) {
        Map<Integer, Character> map = new HashMap<>();
        int[] keys = from.codePoints().toArray();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], to.charAt(i));
        }
        return Map.copyOf(map);
    }
}
