package org.saddlecheck.report.text;

import java.util.List;
import java.util.Locale;
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
 * Renders formulas as MathML Core, which browsers draw natively (no script, no web font). The TeX
 * source is kept as an annotation, so copying a formula can yield its TeX.
 */
public final class MathMl {
    private MathMl() {
    }

    /** A formula inside running text. */
    public static String inline(String tex) {
        return math(tex, false);
    }

    /** A formula set on its own line. */
    public static String block(String tex) {
        return math(tex, true);
    }

    /** The MathML of a parsed node, without the enclosing math element. */
    public static String render(MathNode node) {
        StringBuilder out = new StringBuilder();
        node(node, out);
        return out.toString();
    }

    private static String math(String tex, boolean display) {
        return "<math" + (display ? " display=\"block\"" : "") + "><semantics>"
                + row(TexParser.parse(tex)) + "<annotation encoding=\"application/x-tex\">"
                + Html.escape(tex) + "</annotation></semantics></math>";
    }

    private static String row(Row row) {
        StringBuilder out = new StringBuilder("<mrow>");
        items(row.items(), out);
        return out.append("</mrow>").toString();
    }

    private static void items(List<MathNode> items, StringBuilder out) {
        for (int i = 0; i < items.size(); i++) {
            MathNode item = items.get(i);
            node(item, out);
            if (isFunction(item) && !(i + 1 < items.size() && opensArgument(items.get(i + 1)))) {
                out.append("<mspace width=\"0.1667em\"></mspace>");
            }
        }
    }

    private static void node(MathNode node, StringBuilder out) {
        if (node instanceof Row r) {
            out.append(row(r));
        } else if (node instanceof Identifier id) {
            boolean single = id.text().codePointCount(0, id.text().length()) == 1;
            out.append(id.upright() && single ? "<mi mathvariant=\"normal\">" : "<mi>")
                    .append(Html.escape(id.text())).append("</mi>");
        } else if (node instanceof Number n) {
            out.append("<mn>").append(n.text()).append("</mn>");
        } else if (node instanceof Operator op) {
            out.append("<mo>").append(Html.escape(op.text())).append("</mo>");
        } else if (node instanceof Text t) {
            out.append("<mtext>").append(Html.escape(t.text())).append("</mtext>");
        } else if (node instanceof Function f) {
            out.append("<mi>").append(Html.escape(f.name())).append("</mi>");
        } else if (node instanceof LargeOperator op) {
            out.append("<mo>").append(op.symbol()).append("</mo>");
        } else if (node instanceof Scripts s) {
            scripts(s, out);
        } else if (node instanceof Fraction f) {
            out.append("<mfrac>").append(wrap(f.numerator())).append(wrap(f.denominator()))
                    .append("</mfrac>");
        } else if (node instanceof Root r) {
            if (r.index() == null) {
                out.append("<msqrt>").append(wrap(r.radicand())).append("</msqrt>");
            } else {
                out.append("<mroot>").append(wrap(r.radicand())).append(wrap(r.index()))
                        .append("</mroot>");
            }
        } else if (node instanceof Accent a) {
            out.append("<mover accent=\"true\">").append(wrap(a.base())).append("<mo>")
                    .append(Html.escape(a.mark())).append("</mo></mover>");
        } else if (node instanceof Space s && s.em() > 0) {
            out.append("<mspace width=\"").append(String.format(Locale.ROOT, "%.4f", s.em()))
                    .append("em\"></mspace>");
        }
    }

    private static void scripts(Scripts s, StringBuilder out) {
        boolean limits = s.base() instanceof LargeOperator;
        String tag;
        if (s.sub() != null && s.sup() != null) {
            tag = limits ? "munderover" : "msubsup";
        } else if (s.sub() != null) {
            tag = limits ? "munder" : "msub";
        } else {
            tag = limits ? "mover" : "msup";
        }
        out.append('<').append(tag).append('>').append(wrap(s.base()));
        if (s.sub() != null) {
            out.append(wrap(s.sub()));
        }
        if (s.sup() != null) {
            out.append(wrap(s.sup()));
        }
        out.append("</").append(tag).append('>');
    }

    /** A child of a fixed-arity element must be exactly one element: rows are wrapped. */
    private static String wrap(MathNode node) {
        String out;
        if (node instanceof Row r) {
            out = r.items().size() == 1 && !(r.items().get(0) instanceof Function)
                    ? render(r.items().get(0)) : row(r);
        } else {
            out = render(node);
        }
        return out.isEmpty() ? "<mrow></mrow>" : out;
    }

    static boolean isFunction(MathNode node) {
        return node instanceof Function || (node instanceof Scripts s && s.base() instanceof Function);
    }

    /** Whether a node starts with an opening delimiter, so a function needs no space before it. */
    static boolean opensArgument(MathNode node) {
        MathNode first = node instanceof Scripts s ? s.base() : node;
        return first instanceof Operator op && "([{|‖⟨".contains(op.text());
    }
}
