package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.List;
import org.saddlecheck.Require;

/**
 * The regimes a claim must see before it may pass, each with the least share of the judged
 * (not discarded) tries that must fall in it. A claim that only ever met easy cases fails with
 * "coverage: regime 'tied' seen 0 times, 5 required".
 *
 * <p>Requirements are shares rather than counts so that one declaration serves the default and
 * the deep budget alike; the count required is ⌈share × judged tries⌉. Each claim's generator is
 * built to land in each regime far more often than required (its spec says how often), so that
 * the chance of a false coverage failure at the default budget is negligible; with a budget of a
 * few tries it is not, and a coverage failure there means "run more tries".
 */
public final class Coverage {

    /** One regime and the least share of judged tries that must fall in it. */
    public record Requirement(String regime, double share) {
        public Requirement {
            Require.that(share > 0 && share <= 1,
                    "the share of regime '" + regime + "' (" + share + ") must be in (0, 1]");
        }

        /** The least number of tries in this regime when {@code judged} tries were judged. */
        public int required(int judged) {
            return (int) Math.ceil(share * judged - 1e-9);
        }
    }

    /** What one run saw of one regime. */
    public record Count(String regime, int count, int required) {
        /** Whether the regime was seen often enough. */
        public boolean met() {
            return count >= required;
        }

        /** The failure sentence, when not met. */
        public String shortfall() {
            return "coverage: regime '" + regime + "' seen " + count + " time"
                    + (count == 1 ? "" : "s") + ", " + required + " required";
        }
    }

    private static final Coverage NONE = new Coverage(List.of());

    private final List<Requirement> requirements;

    private Coverage(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /** No requirement. */
    public static Coverage none() {
        return NONE;
    }

    /** These requirements and one more: at least {@code share} of judged tries in {@code regime}. */
    public Coverage require(String regime, double share) {
        List<Requirement> more = new ArrayList<>(requirements);
        Require.that(more.stream().noneMatch(r -> r.regime().equals(regime)),
                "regime '" + regime + "' is required twice");
        more.add(new Requirement(regime, share));
        return new Coverage(more);
    }

    public List<Requirement> requirements() {
        return requirements;
    }
}
