package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MergedAttentionEquivalenceClaimsTests {

    /** A trial drawn by the claim's own generator (seed 7, index 0: any trial serves). */
    private static Trial trial(int index) {
        return Search.trial(MergedAttentionEquivalenceClaims.equivalence(), 7, index);
    }

    @Test
    void theTwoNetworksAgreeWithinTheRoundoffBound() {
        for (int k = 0; k < 5; k++) {
            Outcome o = MergedAttentionEquivalenceClaims.check(trial(k), false);
            assertThat(o.bad()).as(o.description()).isFalse();
        }
    }

    @Test
    void aGradientOffByOnePartInAMillionBreaksTheEquivalence() {
        // Broken variant: the linear network's gradient scaled by 1 + 10⁻⁶, far above round-off.
        int violated = 0;
        for (int k = 0; k < 5; k++) {
            Outcome o = MergedAttentionEquivalenceClaims.check(trial(k), true);
            if (o.verdict() == Outcome.Verdict.VIOLATED) {
                violated++;
            }
        }
        assertThat(violated).isPositive();
    }
}
