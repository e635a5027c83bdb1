package org.saddlecheck.report.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal, safe markdown converter for claim statements: paragraphs (separated by blank lines),
 * bullet and numbered lists, fenced code blocks, inline code, emphasis ({@code *a*}, {@code _a_}),
 * strong emphasis ({@code **a**}), inline math {@code $…$} and display math {@code $$…$$} (as
 * MathML; a formula and the punctuation right after it are kept on one line), and backslash
 * escapes. Every other character is escaped, so no markup in the input can
 * reach the page: {@code <script>} is shown as text. Links, headings, tables and raw HTML are not
 * supported and show as their text.
 */
public final class Markdown {

    private static final Pattern ITEM = Pattern.compile("^ {0,3}([-*+]|\\d{1,9}[.)])\\s+(.*)$");

    private Markdown() {
    }

    /** The HTML of a markdown text; null or blank text gives "". */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        List<String> lines = List.of(markdown.replace("\r\n", "\n").replace('\r', '\n')
                .split("\n", -1));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
            } else if (line.strip().startsWith("```")) {
                i = code(lines, i, out);
            } else if (line.strip().startsWith("$$")) {
                i = displayMath(lines, i, out);
            } else if (ITEM.matcher(line).matches()) {
                i = list(lines, i, out);
            } else {
                i = paragraph(lines, i, out);
            }
        }
        return out.toString();
    }

    /** Inline markdown only (no blocks), for titles and table cells. */
    public static String inline(String text) {
        return text == null ? "" : spans(text);
    }

    private static int code(List<String> lines, int start, StringBuilder out) {
        StringBuilder code = new StringBuilder();
        int i = start + 1;
        while (i < lines.size() && !lines.get(i).strip().startsWith("```")) {
            code.append(lines.get(i)).append('\n');
            i++;
        }
        out.append("<pre><code>").append(Html.escape(code.toString())).append("</code></pre>");
        return Math.min(i + 1, lines.size());
    }

    private static int displayMath(List<String> lines, int start, StringBuilder out) {
        StringBuilder tex = new StringBuilder(lines.get(start).strip().substring(2));
        int i = start;
        while (!closesDisplay(tex) && i + 1 < lines.size()) {
            i++;
            tex.append('\n').append(lines.get(i));
        }
        String body = tex.toString().strip();
        if (body.endsWith("$$")) {
            body = body.substring(0, body.length() - 2);
        }
        out.append("<div class=\"math-block\">").append(MathMl.block(body.strip()))
                .append("</div>");
        return i + 1;
    }

    private static boolean closesDisplay(CharSequence tex) {
        return tex.toString().strip().endsWith("$$");
    }

    private static int list(List<String> lines, int start, StringBuilder out) {
        boolean ordered = Character.isDigit(lines.get(start).strip().charAt(0));
        String tag = ordered ? "ol" : "ul";
        out.append('<').append(tag).append('>');
        List<StringBuilder> items = new ArrayList<>();
        int i = start;
        while (i < lines.size() && !lines.get(i).isBlank()) {
            Matcher m = ITEM.matcher(lines.get(i));
            if (m.matches() && Character.isDigit(m.group(1).charAt(0)) == ordered) {
                items.add(new StringBuilder(m.group(2)));
            } else if (m.matches()) {
                break;
            } else {
                items.get(items.size() - 1).append('\n').append(lines.get(i).strip());
            }
            i++;
        }
        for (StringBuilder item : items) {
            out.append("<li>").append(spans(item.toString())).append("</li>");
        }
        out.append("</").append(tag).append('>');
        return i;
    }

    private static int paragraph(List<String> lines, int start, StringBuilder out) {
        StringBuilder text = new StringBuilder();
        int i = start;
        while (i < lines.size() && !lines.get(i).isBlank() && !ITEM.matcher(lines.get(i)).matches()
                && !lines.get(i).strip().startsWith("$$")
                && !lines.get(i).strip().startsWith("```")) {
            text.append(text.length() == 0 ? "" : "\n").append(lines.get(i).strip());
            i++;
        }
        out.append("<p>").append(spans(text.toString())).append("</p>");
        return i;
    }

    /** Code spans, math, emphasis and escapes within one block. */
    private static String spans(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int next = i + 1;
            if (c == '\\' && next < s.length() && isPunctuation(s.charAt(next))) {
                out.append(Html.escape(String.valueOf(s.charAt(next))));
                i += 2;
            } else if (c == '`' && s.indexOf('`', next) > next) {
                int close = s.indexOf('`', next);
                out.append("<code>").append(Html.escape(s.substring(next, close))).append("</code>");
                i = close + 1;
            } else if (c == '$' && InlineMath.closing(s, next) > 0) {
                int close = InlineMath.closing(s, next);
                String math = MathMl.inline(s.substring(next, close));
                i = close + 1;
                if (i < s.length() && ".,;:!?)".indexOf(s.charAt(i)) >= 0) {
                    // Punctuation right after a formula must not wrap onto the next line alone.
                    math = "<span class=\"nobr\">" + math + Html.escape(s.substring(i, i + 1))
                            + "</span>";
                    i++;
                }
                out.append(math);
            } else if (c == '*' || c == '_') {
                int end = emphasis(s, i, out);
                if (end > i) {
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(Html.escape(String.valueOf(c)));
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Writes an emphasis span starting at {@code i} and returns the index after it, or returns
     * {@code i} (writing nothing) when the delimiter does not open a span there.
     */
    private static int emphasis(String s, int i, StringBuilder out) {
        char c = s.charAt(i);
        int width = i + 1 < s.length() && s.charAt(i + 1) == c ? 2 : 1;
        String delimiter = String.valueOf(c).repeat(width);
        int open = i + width;
        boolean intraword = c == '_' && i > 0 && Character.isLetterOrDigit(s.charAt(i - 1));
        if (intraword || open >= s.length() || Character.isWhitespace(s.charAt(open))) {
            return i;
        }
        int close = s.indexOf(delimiter, open);
        while (close > 0 && (Character.isWhitespace(s.charAt(close - 1))
                || (c == '_' && close + width < s.length()
                        && Character.isLetterOrDigit(s.charAt(close + width))))) {
            close = s.indexOf(delimiter, close + 1);
        }
        if (close <= open) {
            return i;
        }
        String tag = width == 2 ? "strong" : "em";
        out.append('<').append(tag).append('>').append(spans(s.substring(open, close)))
                .append("</").append(tag).append('>');
        return close + width;
    }

    private static boolean isPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
    }
}
