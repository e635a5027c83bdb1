package org.saddlecheck.claim;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.saddlecheck.Require;

/**
 * One checkable statement of the theory: a generator of trials, the regimes a trial falls in, the
 * coverage of regimes it must reach, and the check of one trial. Its words (title, statement,
 * assumptions, the derivation of its tolerance), its kind (exact, asymptotic, statistical,
 * evidence), its tags and its budget of tries live in its spec, {@code theory-specs/<id>.md},
 * read by {@link SpecLibrary}: the code names the claim, the spec says what it means.
 *
 * <p>A claim is built with {@link #in(Class, String)}:
 * <pre>
 *   Claim.in(ManifoldGradientClaims.class, "theorem3.zero-unit-gradient")
 *       .trials(generator)
 *       .regimes(trial -&gt; Set.of(...))
 *       .require("tied", 0.05)
 *       .check(trial -&gt; Outcome.within(measured, 0.0, 0.0, "..."))
 *       .build();
 * </pre>
 * A claim that needs no simulation (the gradient at one point) is written exactly like one that
 * trains: the check is any function of the trial. The check must be a pure function of the trial,
 * so that replaying a trial from its file gives the same numbers bit for bit.
 */
public final class Claim {

    /** The share of tries that may be discarded before the claim is reported as an error. */
    public static final double DEFAULT_MAX_DISCARDED = 0.5;

    /** Candidate trials the shrinker may check before it settles. */
    public static final int DEFAULT_SHRINK_BUDGET = 2000;

    private final String id;
    private final Class<?> family;
    private final Gen<Trial> trials;
    private final Function<Trial, ? extends Collection<String>> regimes;
    private final Coverage coverage;
    private final Function<Trial, Outcome> check;
    private final Function<Trial, List<Figure>> evidence;
    private final int shrinkBudget;
    private final double maxDiscarded;

    private Claim(Builder b) {
        this.id = b.id;
        this.family = b.family;
        this.trials = present("the trial generator of " + b.id, b.trials);
        this.regimes = b.regimes;
        this.coverage = b.coverage;
        this.check = present("the check of " + b.id, b.check);
        this.evidence = b.evidence;
        this.shrinkBudget = b.shrinkBudget;
        this.maxDiscarded = b.maxDiscarded;
    }

    private static <T> T present(String role, T value) {
        Require.that(value != null, role + " is missing");
        return value;
    }

    /** Starts a claim with the given id, defined in (and checked by) the class {@code family}. */
    public static Builder in(Class<?> family, String id) {
        return new Builder(family, id);
    }

    /** The id, also the name of the spec file {@code theory-specs/<id>.md}. */
    public String id() {
        return id;
    }

    /** The class that defines this claim, one per family of claims. */
    public Class<?> family() {
        return family;
    }

    /** The generator of trials. */
    public Gen<Trial> trials() {
        return trials;
    }

    /** The regimes {@code trial} falls in (any number, possibly none). */
    public Collection<String> regimes(Trial trial) {
        return regimes.apply(trial);
    }

    /** The regimes a run must see. */
    public Coverage coverage() {
        return coverage;
    }

    /** Checks the claim on one trial. Exceptions propagate; the search turns them into errors. */
    public Outcome check(Trial trial) {
        return check.apply(trial);
    }

    /** The figures shown beside the verdict, for one representative trial. */
    public List<Figure> evidence(Trial trial) {
        return evidence.apply(trial);
    }

    /** How many candidate trials the shrinker may check. */
    public int shrinkBudget() {
        return shrinkBudget;
    }

    /** The share of tries that may be discarded before the claim is reported as an error. */
    public double maxDiscarded() {
        return maxDiscarded;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Collects the parts of a claim. */
    public static final class Builder {
        private final Class<?> family;
        private final String id;
        private Gen<Trial> trials;
        private Function<Trial, ? extends Collection<String>> regimes = t -> Set.of();
        private Coverage coverage = Coverage.none();
        private Function<Trial, Outcome> check;
        private Function<Trial, List<Figure>> evidence = t -> List.of();
        private int shrinkBudget = DEFAULT_SHRINK_BUDGET;
        private double maxDiscarded = DEFAULT_MAX_DISCARDED;

        private Builder(Class<?> family, String id) {
            this.family = present("claim family", family);
            Require.that(id != null && id.matches("[a-z0-9]+([.-][a-z0-9]+)*"), "claim id ("
                    + id + ") must be lower-case words joined by dots and hyphens");
            this.id = id;
        }

        /** The generator of trials. */
        public Builder trials(Gen<Trial> generator) {
            this.trials = generator;
            return this;
        }

        /** How a trial is classified into regimes. */
        public Builder regimes(Function<Trial, ? extends Collection<String>> classifier) {
            this.regimes = classifier;
            return this;
        }

        /** Requires at least {@code share} of the judged tries to fall in {@code regime}. */
        public Builder require(String regime, double share) {
            this.coverage = coverage.require(regime, share);
            return this;
        }

        /** Replaces the coverage requirements. */
        public Builder coverage(Coverage required) {
            this.coverage = required;
            return this;
        }

        /** The check of one trial. */
        public Builder check(Function<Trial, Outcome> checkOfOneTrial) {
            this.check = checkOfOneTrial;
            return this;
        }

        /** The evidence figures of one representative trial. */
        public Builder evidence(Function<Trial, List<Figure>> figures) {
            this.evidence = figures;
            return this;
        }

        /** How many candidate trials the shrinker may check (fewer for expensive checks). */
        public Builder shrinkBudget(int candidates) {
            this.shrinkBudget = Require.positive("shrink budget", candidates);
            return this;
        }

        /** The share of tries that may be discarded before the claim is an error. */
        public Builder maxDiscarded(double share) {
            Require.that(share >= 0 && share < 1,
                    "the share of discarded tries (" + share + ") must be in [0, 1)");
            this.maxDiscarded = share;
            return this;
        }

        public Claim build() {
            return new Claim(this);
        }
    }
}
