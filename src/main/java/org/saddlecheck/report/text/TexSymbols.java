package org.saddlecheck.report.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The commands of the TeX subset that stand for one symbol, with their Unicode characters. */
final class TexSymbols {
    private TexSymbols() {
    }

    /** Letters and letter-like symbols: italic when lower-case Latin or Greek. */
    static final Map<String, String> IDENTIFIERS = new HashMap<>();
    /** Upper-case Greek and other symbols written upright. */
    static final Map<String, String> UPRIGHT = new HashMap<>();
    /** Relations, binary operators, arrows, delimiters and punctuation. */
    static final Map<String, String> OPERATORS = new HashMap<>();
    /** Operators whose scripts are limits. */
    static final Map<String, String> LARGE = new HashMap<>();
    /** Named functions, written upright. */
    static final Set<String> FUNCTIONS = Set.of("ln", "log", "exp", "sin", "cos", "tan", "sinh",
            "cosh", "tanh", "arcsin", "arccos", "arctan", "arg", "max", "min", "sup", "inf", "lim",
            "det", "dim", "ker", "deg", "gcd", "Pr", "sgn", "tr");
    /** Spacing commands, in em. */
    static final Map<String, Double> SPACES = Map.of(",", 3 / 18.0, ":", 4 / 18.0, ";", 5 / 18.0,
            "!", -3 / 18.0, " ", 0.25, "quad", 1.0, "qquad", 2.0, "enspace", 0.5, "thinspace",
            3 / 18.0);
    /** Delimiter-sizing commands, which only pass on the delimiter after them. */
    static final Set<String> SIZING = Set.of("left", "right", "middle", "big", "Big", "bigg",
            "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr");

    static {
        String[] lower = {"alpha", "α", "beta", "β", "gamma", "γ", "delta", "δ", "epsilon", "ϵ",
            "varepsilon", "ε", "zeta", "ζ", "eta", "η", "theta", "θ", "vartheta", "ϑ", "iota", "ι",
            "kappa", "κ", "lambda", "λ", "mu", "μ", "nu", "ν", "xi", "ξ", "pi", "π", "varpi", "ϖ",
            "rho", "ρ", "varrho", "ϱ", "sigma", "σ", "varsigma", "ς", "tau", "τ", "upsilon", "υ",
            "phi", "ϕ", "varphi", "φ", "chi", "χ", "psi", "ψ", "omega", "ω", "ell", "ℓ"};
        put(IDENTIFIERS, lower);
        String[] upright = {"Gamma", "Γ", "Delta", "Δ", "Theta", "Θ", "Lambda", "Λ", "Xi", "Ξ",
            "Pi", "Π", "Sigma", "Σ", "Upsilon", "Υ", "Phi", "Φ", "Psi", "Ψ", "Omega", "Ω",
            "infty", "∞", "partial", "∂", "nabla", "∇", "hbar", "ħ", "emptyset", "∅", "top", "⊤",
            "bot", "⊥", "dagger", "†", "aleph", "ℵ", "Re", "ℜ", "Im", "ℑ"};
        put(UPRIGHT, upright);
        String[] operators = {"le", "≤", "leq", "≤", "ge", "≥", "geq", "≥", "ne", "≠", "neq", "≠",
            "approx", "≈", "sim", "∼", "simeq", "≃", "cong", "≅", "propto", "∝", "equiv", "≡",
            "ll", "≪", "gg", "≫", "cdot", "⋅", "times", "×", "div", "÷", "pm", "±", "mp", "∓",
            "to", "→", "rightarrow", "→", "leftarrow", "←", "gets", "←", "Rightarrow", "⇒",
            "Leftarrow", "⇐", "Leftrightarrow", "⇔", "leftrightarrow", "↔", "mapsto", "↦",
            "implies", "⟹", "iff", "⟺", "in", "∈", "notin", "∉", "ni", "∋", "subset", "⊂",
            "subseteq", "⊆", "supset", "⊃", "supseteq", "⊇", "cup", "∪", "cap", "∩",
            "setminus", "∖", "circ", "∘", "odot", "⊙", "otimes", "⊗", "oplus", "⊕", "ast", "∗",
            "star", "⋆", "perp", "⊥", "parallel", "∥", "mid", "∣", "|", "‖", "Vert", "‖",
            "lVert", "‖", "rVert", "‖", "vert", "|", "lvert", "|", "rvert", "|", "langle", "⟨",
            "rangle", "⟩", "lfloor", "⌊", "rfloor", "⌋", "lceil", "⌈", "rceil", "⌉", "ldots", "…",
            "dots", "…", "cdots", "⋯", "vdots", "⋮", "ddots", "⋱", "forall", "∀", "exists", "∃",
            "neg", "¬", "land", "∧", "lor", "∨", "wedge", "∧", "vee", "∨", "prime", "′",
            "colon", ":", "{", "{", "}", "}", "lbrace", "{", "rbrace", "}", "backslash", "\\",
            "#", "#", "$", "$", "%", "%", "&", "&", "_", "_", "uparrow", "↑", "downarrow", "↓"};
        put(OPERATORS, operators);
        put(LARGE, new String[] {"sum", "∑", "prod", "∏", "int", "∫", "oint", "∮", "iint", "∬",
            "bigcup", "⋃", "bigcap", "⋂", "bigoplus", "⨁", "bigotimes", "⨂", "coprod", "∐"});
    }

    private static void put(Map<String, String> map, String[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
    }

    /**
     * An accent command's MathML mark and Unicode combining character, or null when the command is
     * not an accent.
     */
    static String[] accent(String name) {
        switch (name) {
            case "hat":
            case "widehat":
                return new String[] {"^", "\u0302"};
            case "tilde":
            case "widetilde":
                return new String[] {"~", "\u0303"};
            case "bar":
            case "overline":
                return new String[] {"¯", "\u0304"};
            case "dot":
                return new String[] {"˙", "\u0307"};
            case "ddot":
                return new String[] {"¨", "\u0308"};
            case "check":
                return new String[] {"ˇ", "\u030C"};
            case "breve":
                return new String[] {"˘", "\u0306"};
            case "vec":
                return new String[] {"→", "\u20D7"};
            default:
                return null;
        }
    }

    /** A letter or digit in the blackboard-bold, bold or calligraphic alphabet, or itself. */
    static String styled(String font, int c) {
        switch (font) {
            case "mathbb":
                return blackboard(c);
            case "mathbf":
            case "boldsymbol":
                return alphabet(c, 0x1D400, 0x1D41A, 0x1D7CE);
            case "mathcal":
                return calligraphic(c);
            default:
                return new String(Character.toChars(c));
        }
    }

    private static String blackboard(int c) {
        String special = Map.of('C', "ℂ", 'H', "ℍ", 'N', "ℕ", 'P', "ℙ", 'Q', "ℚ", 'R', "ℝ",
                'Z', "ℤ").get((char) c);
        return special != null ? special : alphabet(c, 0x1D538, 0x1D552, 0x1D7D8);
    }

    private static String calligraphic(int c) {
        String special = Map.of('B', "ℬ", 'E', "ℰ", 'F', "ℱ", 'H', "ℋ", 'I', "ℐ", 'L', "ℒ",
                'M', "ℳ", 'R', "ℛ").get((char) c);
        if (special != null) {
            return special;
        }
        return c >= 'A' && c <= 'Z' ? new String(Character.toChars(0x1D49C + c - 'A'))
                : new String(Character.toChars(c));
    }

    private static String alphabet(int c, int upper, int lower, int digits) {
        int mapped = c;
        if (c >= 'A' && c <= 'Z') {
            mapped = upper + c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            mapped = lower + c - 'a';
        } else if (c >= '0' && c <= '9') {
            mapped = digits + c - '0';
        }
        return new String(Character.toChars(mapped));
    }
}
