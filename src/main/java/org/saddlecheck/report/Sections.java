package org.saddlecheck.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.saddlecheck.report.results.ClaimResult;

/** Groups claims by the paper's section, sections in reading order, claims in catalogue order. */
final class Sections {
    private Sections() {
    }

    /** Sections compare part by part: numbers as numbers (6.2 before 6.10), words as words. */
    static final Comparator<String> ORDER = (a, b) -> {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = part(pa[i], pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    };

    private static int part(String a, String b) {
        boolean na = a.matches("\\d{1,9}");
        boolean nb = b.matches("\\d{1,9}");
        if (na && nb) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /** Section → its claims, in section order; claims keep the order they are given in. */
    static Map<String, List<ClaimResult>> group(List<ClaimResult> claims) {
        Map<String, List<ClaimResult>> sorted = new TreeMap<>(ORDER);
        for (ClaimResult c : claims) {
            sorted.computeIfAbsent(c.section().strip(), k -> new ArrayList<>()).add(c);
        }
        return new LinkedHashMap<>(sorted);
    }
}
