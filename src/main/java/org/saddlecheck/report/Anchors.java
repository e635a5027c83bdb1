package org.saddlecheck.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.saddlecheck.report.results.ClaimResult;

/** Page anchors for claims: readable, made of safe characters, and distinct. */
final class Anchors {
    private final Map<String, String> byId = new HashMap<>();

    Anchors(List<ClaimResult> claims) {
        for (int i = 0; i < claims.size(); i++) {
            String id = claims.get(i).id();
            byId.put(id, "c" + (i + 1) + "-" + id.replaceAll("[^A-Za-z0-9._-]", "-"));
        }
    }

    /** The anchor of a claim, such as {@code c3-linear.drop-times}. */
    String of(String claimId) {
        return byId.get(claimId);
    }

    /** The anchor of a section. */
    static String section(String section) {
        return "section-" + (section.isEmpty() ? "other" : section.replaceAll("[^A-Za-z0-9._-]", "-"));
    }
}
