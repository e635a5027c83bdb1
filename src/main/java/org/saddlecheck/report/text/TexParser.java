package org.saddlecheck.report.text;

import java.util.ArrayList;
import java.util.List;
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
 * Parses the TeX subset described in the package documentation into a {@link MathNode} tree.
 * Never fails: an unknown command becomes {@link Text} showing the command, a stray closing brace
 * is shown, and groups left open close at the end of the input.
 *
 * <p>As in TeX, a script or a fraction argument without braces is one token, so {@code x^10} is
 * x¹ followed by 0, and {@code \frac12} is one half.
 */
public final class TexParser {
    private final String src;
    private int pos;

    private TexParser(String src) {
        this.src = src;
    }

    /** Parses a formula (the text between dollar signs, without them). */
    public static Row parse(String tex) {
        return new TexParser(tex).row(false);
    }

    private Row row(boolean group) {
        List<MathNode> items = new ArrayList<>();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '}') {
                pos++;
                if (group) {
                    return new Row(items);
                }
                items.add(new Operator("}"));
            } else if (c == '^' || c == '_') {
                pos++;
                attach(items, c == '_', argument());
            } else {
                MathNode atom = atom(false);
                if (atom != null) {
                    items.add(atom);
                }
            }
        }
        return new Row(items);
    }

    /** Puts a script on the last item, filling the empty slot of an existing pair if it can. */
    private static void attach(List<MathNode> items, boolean sub, MathNode script) {
        MathNode base = items.isEmpty() ? new Row(List.of()) : items.remove(items.size() - 1);
        if (base instanceof Scripts s && (sub ? s.sub() == null : s.sup() == null)) {
            items.add(sub ? new Scripts(s.base(), script, s.sup())
                    : new Scripts(s.base(), s.sub(), script));
        } else {
            items.add(sub ? new Scripts(base, script, null) : new Scripts(base, null, script));
        }
    }

    /** One argument: a group, a command, or a single character. */
    private MathNode argument() {
        skipSpaces();
        if (pos >= src.length() || src.charAt(pos) == '}') {
            return new Row(List.of());
        }
        MathNode atom = atom(true);
        return atom == null ? new Row(List.of()) : atom;
    }

    private MathNode atom(boolean single) {
        int c = src.codePointAt(pos);
        if (Character.isWhitespace(c)) {
            pos++;
            return null;
        }
        if (c == '{') {
            pos++;
            return row(true);
        }
        if (c == '\\') {
            return command();
        }
        if (isDigit(c) || (c == '.' && !single && isDigitAt(pos + 1))) {
            return number(single);
        }
        pos += Character.charCount(c);
        if (Character.isLetter(c)) {
            return new Identifier(new String(Character.toChars(c)), false);
        }
        switch (c) {
            case '\'':
                return new Operator("′");
            case '-':
                return new Operator("−");
            case '*':
                return new Operator("∗");
            case '~':
                return new Space(0.25);
            case '&':
                return null;
            default:
                return new Operator(new String(Character.toChars(c)));
        }
    }

    private Number number(boolean single) {
        int start = pos;
        if (single) {
            pos++;
            return new Number(src.substring(start, pos));
        }
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos < src.length() - 1 && src.charAt(pos) == '.' && isDigitAt(pos + 1)) {
            pos++;
            while (pos < src.length() && isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        return new Number(src.substring(start, pos));
    }

    private MathNode command() {
        pos++;
        if (pos >= src.length()) {
            return new Text("\\");
        }
        String name;
        if (Character.isLetter(src.charAt(pos))) {
            int start = pos;
            while (pos < src.length() && Character.isLetter(src.charAt(pos))) {
                pos++;
            }
            name = src.substring(start, pos);
        } else {
            name = String.valueOf(src.charAt(pos++));
        }
        return named(name);
    }

    private MathNode named(String name) {
        if (TexSymbols.SPACES.containsKey(name)) {
            return new Space(TexSymbols.SPACES.get(name));
        }
        if (TexSymbols.IDENTIFIERS.containsKey(name)) {
            return new Identifier(TexSymbols.IDENTIFIERS.get(name), false);
        }
        if (TexSymbols.UPRIGHT.containsKey(name)) {
            return new Identifier(TexSymbols.UPRIGHT.get(name), true);
        }
        if (TexSymbols.OPERATORS.containsKey(name)) {
            return new Operator(TexSymbols.OPERATORS.get(name));
        }
        if (TexSymbols.LARGE.containsKey(name)) {
            return new LargeOperator(TexSymbols.LARGE.get(name));
        }
        if (TexSymbols.FUNCTIONS.contains(name)) {
            return new Function(name);
        }
        if (TexSymbols.SIZING.contains(name)) {
            return delimiter();
        }
        String[] accent = TexSymbols.accent(name);
        if (accent != null) {
            return new Accent(argument(), accent[0], accent[1].charAt(0));
        }
        return structure(name);
    }

    private MathNode structure(String name) {
        switch (name) {
            case "frac":
            case "dfrac":
            case "tfrac":
                MathNode numerator = argument();
                return new Fraction(numerator, argument());
            case "sqrt":
                MathNode index = optionalIndex();
                return new Root(argument(), index);
            case "text":
            case "textrm":
            case "textit":
            case "textbf":
            case "mbox":
                return new Text(rawArgument());
            case "operatorname":
                return new Function(rawArgument().strip());
            case "mathrm":
            case "mathit":
            case "mathsf":
            case "mathtt":
                return plainFont(rawArgument(), !"mathit".equals(name));
            case "mathbf":
            case "boldsymbol":
            case "mathbb":
            case "mathcal":
                return styledFont(name, rawArgument());
            default:
                return new Text("\\" + name);
        }
    }

    /** After a sizing command: the delimiter that follows, or nothing for an empty one (.). */
    private MathNode delimiter() {
        skipSpaces();
        if (pos >= src.length()) {
            return null;
        }
        if (src.charAt(pos) == '.') {
            pos++;
            return null;
        }
        return atom(true);
    }

    private MathNode optionalIndex() {
        skipSpaces();
        if (pos < src.length() && src.charAt(pos) == '[') {
            int close = src.indexOf(']', pos);
            if (close > 0) {
                Row index = parse(src.substring(pos + 1, close));
                pos = close + 1;
                return index;
            }
        }
        return null;
    }

    /** The raw text of a braced argument (braces nested inside kept), or one character. */
    private String rawArgument() {
        skipSpaces();
        if (pos >= src.length()) {
            return "";
        }
        if (src.charAt(pos) != '{') {
            int c = src.codePointAt(pos);
            pos += Character.charCount(c);
            return new String(Character.toChars(c));
        }
        int depth = 0;
        int start = pos + 1;
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return src.substring(start, pos - 1);
            }
        }
        return src.substring(start);
    }

    private static MathNode plainFont(String content, boolean upright) {
        if (content.matches("[A-Za-z0-9 ]*")) {
            return new Identifier(content.strip(), upright);
        }
        return parse(content);
    }

    private static MathNode styledFont(String font, String content) {
        if (content.contains("\\")) {
            return parse(content);
        }
        StringBuilder out = new StringBuilder();
        content.strip().codePoints().forEach(c -> out.append(TexSymbols.styled(font, c)));
        return new Identifier(out.toString(), true);
    }

    private void skipSpaces() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private boolean isDigitAt(int i) {
        return i < src.length() && isDigit(src.charAt(i));
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
