package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The validity maps a run writes: every map whose claim is among the claims run. Adding the maps of
 * a family is one line below. The default maps are small grids (a few seconds); {@code deep}
 * asks for the fine grids.
 */
public final class ValidityMaps {

    private ValidityMaps() {
    }

    /** The maps of the claims in {@code claims}, default or deep grids. */
    public static List<ValidityMap> of(List<Claim> claims, boolean deep) {
        Set<String> ids = claims.stream().map(Claim::id).collect(Collectors.toSet());
        List<ValidityMap> out = new ArrayList<>();
        // One line per family of maps, each computed only when one of its claims is run.
        if (ids.contains("theorem4.half-learning-time") || ids.contains("theorem4.stage-order")) {
            out.addAll(StageValidityMaps.maps(deep));
        }
        if (ids.contains(DiscreteStepValidityMaps.CLAIM)) {
            out.addAll(DiscreteStepValidityMaps.maps(deep));
        }
        if (ids.contains("proposition5.plateau-inverse-epsilon")
                || ids.contains("proposition5.sparse-recruitment")) {
            out.addAll(RecruitmentValidityMaps.maps(deep));
        }
        return out.stream().filter(m -> ids.contains(m.claim())).toList();
    }
}
