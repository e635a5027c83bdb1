package org.saddlecheck.report.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text at inline math: {@code $…$} delimits a formula, {@code \$} is a literal dollar, and
 * a dollar with no closing partner is literal too.
 */
public final class InlineMath {
    private InlineMath() {
    }

    /**
     * A run of plain text or of TeX.
     *
     * @param text the text, without the dollar signs
     * @param math whether it is a formula
     */
    public record Piece(String text, boolean math) {
    }

    /** The pieces of a text, in order; adjacent plain pieces are joined. */
    public static List<Piece> split(String text) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                plain.append('$');
                i += 2;
                continue;
            }
            int close = c == '$' ? closing(text, i + 1) : -1;
            if (close < 0) {
                plain.append(c);
                i++;
                continue;
            }
            if (plain.length() > 0) {
                pieces.add(new Piece(plain.toString(), false));
                plain.setLength(0);
            }
            pieces.add(new Piece(text.substring(i + 1, close), true));
            i = close + 1;
        }
        if (plain.length() > 0) {
            pieces.add(new Piece(plain.toString(), false));
        }
        return pieces;
    }

    /** The index of the dollar closing a formula opened before {@code from}, or −1. */
    static int closing(String text, int from) {
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '$') {
                return j > from ? j : -1;
            }
        }
        return -1;
    }
}
