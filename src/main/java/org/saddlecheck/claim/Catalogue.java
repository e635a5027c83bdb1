package org.saddlecheck.claim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.saddlecheck.Require;

/**
 * Every claim of the project, in the order runs and reports list them. Claims are grouped in
 * families, one class per family named after what it checks; each family lists its claims in a
 * static {@code claims()} method. Adding a family is one line below; adding a claim to a family is
 * one line in its {@code claims()} (and one spec file in {@code theory-specs/}).
 */
public final class Catalogue {

    private Catalogue() {
    }

    /** All claims, in catalogue order. */
    public static List<Claim> claims() {
        List<Claim> all = new ArrayList<>();
        all.addAll(ManifoldGradientClaims.claims());
        all.addAll(EmbeddingClaims.claims());
        all.addAll(ManifoldRunClaims.claims());
        all.addAll(SaddleClaims.claims());
        all.addAll(ConservationClaims.claims());
        all.addAll(LinearStageClaims.claims());
        all.addAll(EpsilonScalingClaims.claims());
        all.addAll(QuadraticRecruitmentClaims.claims());
        all.addAll(DataVersusInitClaims.claims());
        all.addAll(FigureOneClaims.claims());
        all.addAll(ControlClaims.claims());
        all.addAll(MergedAttentionEquivalenceClaims.claims());
        all.addAll(DiscreteStepClaims.claims());
        all.addAll(InitializationClaims.claims());
        all.addAll(SpectrumSweepClaims.claims());
        all.addAll(StochasticClaims.claims());
        all.addAll(DeepNetworkClaims.claims());
        // One line per family of claims, in the order the report lists them.
        return checked(all);
    }

    /** The claim with id {@code id}, if the catalogue has it. */
    public static Optional<Claim> find(String id) {
        return claims().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * Every disagreement between {@code claims} and the specs of {@code specs}, one sentence each:
     * a spec with no claim, a claim with no spec, or a spec whose {@code test} names another class
     * than the one that defines the claim. Empty when they agree.
     */
    public static List<String> mismatches(List<Claim> claims, SpecLibrary specs) {
        List<String> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Claim c : claims) {
            ids.add(c.id());
            Spec spec = specs.all().get(c.id());
            if (spec == null) {
                out.add("claim " + c.id() + " has no spec theory-specs/" + c.id() + ".md");
            } else if (!spec.test().equals(c.family().getName())) {
                out.add(spec.file() + " names test class " + spec.test() + " but the claim is"
                        + " defined in " + c.family().getName());
            }
        }
        for (Spec spec : specs.all().values()) {
            if (!ids.contains(spec.id())) {
                out.add(spec.file() + " has no claim " + spec.id() + " in the catalogue");
            }
        }
        return out;
    }

    private static List<Claim> checked(List<Claim> claims) {
        Set<String> ids = new HashSet<>();
        for (Claim c : claims) {
            Require.that(ids.add(c.id()), "claim " + c.id() + " is listed twice in the catalogue");
        }
        return List.copyOf(claims);
    }
}
