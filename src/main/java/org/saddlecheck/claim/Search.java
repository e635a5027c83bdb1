package org.saddlecheck.claim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.saddlecheck.Require;

/**
 * Searches for a trial on which a claim fails, and shrinks the first one found.
 *
 * <h2>Reproducibility</h2>
 * Try i of claim c under master seed s draws its choices from its own
 * {@code SplittableRandom(trySeed(s, c, i))}, so each try can be regenerated alone and the tries
 * can run in any order on any number of threads. The failure reported is the failing try of
 * lowest index: tries of higher index are skipped once a lower one has failed, but every try below
 * it always runs. The shrinker is sequential and deterministic. Counts, coverage, the worst try
 * and the counterexample are therefore the same for every thread count; only the time differs.
 *
 * <h2>What a run reports</h2>
 * A claim holds when every judged try held, at most {@link Claim#maxDiscarded()} of the tries
 * were discarded, and every required regime was seen often enough. A violated try makes it fail;
 * a check that throws makes it an error; both are shrunk.
 */
public final class Search {

    /**
     * The default master seed: the date the paper was posted (23 December 2025). Fixed so that
     * every default run of the same code gives the same verdicts and a failure seen once is seen
     * again; deeper runs choose another seed.
     */
    public static final long DEFAULT_SEED = 20251223L;

    /**
     * How one search runs.
     *
     * @param seed the master seed
     * @param tries how many trials to generate
     * @param threads how many threads check trials at once
     */
    public record Settings(long seed, int tries, int threads) {
        public Settings {
            Require.positive("tries", tries);
            Require.positive("threads", threads);
        }

        /** The default seed, {@code tries} tries, every available core. */
        public static Settings defaults(int tries) {
            return new Settings(DEFAULT_SEED, tries, Runtime.getRuntime().availableProcessors());
        }
    }

    /** One generated and checked trial. */
    record Attempt(Trial trial, Outcome outcome, long[] choices, List<Choices.Span> spans,
            Collection<String> regimes, String failureKind) {
    }

    private Search() {
    }

    /** Runs the search for {@code claim}. */
    public static SearchResult run(Claim claim, Settings settings, SearchListener listener) {
        long started = System.nanoTime();
        int n = settings.tries();
        Attempt[] attempts = new Attempt[n];
        AtomicInteger firstBad = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger done = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(settings.threads());
        try {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
                if (i < firstBad.get()) {
                    Attempt a = attempt(claim, Choices.random(random(settings.seed(), claim, i)));
                    attempts[i] = a;
                    if (a.outcome().bad()) {
                        firstBad.accumulateAndGet(i, Math::min);
                    }
                }
                listener.tryFinished(claim.id(), done.incrementAndGet(), n);
            })).join();
        } finally {
            pool.shutdownNow();
        }
        int first = firstBad.get();
        Summary summary = first < n
                ? failed(claim, attempts, first, listener)
                : held(claim, attempts, settings);
        return new SearchResult(claim.id(), summary.status, summary.message, summary.tries,
                summary.held, summary.discarded, summary.worst, summary.coverage,
                summary.counterexample, evidence(claim, summary, settings),
                (System.nanoTime() - started) * 1e-9);
    }

    /** What the counts of one run came to, before the evidence is drawn. */
    private static final class Summary {
        SearchResult.Status status = SearchResult.Status.HELD;
        String message;
        int tries;
        int held;
        int discarded;
        SearchResult.Worst worst;
        List<Coverage.Count> coverage = List.of();
        SearchResult.Counterexample counterexample;
        String firstDiscardReason;
    }

    /** Counts tries [0, end), finds the worst, and counts regimes. */
    private static Summary count(Claim claim, Attempt[] attempts, int end) {
        Summary s = new Summary();
        s.tries = end;
        Map<String, Integer> seen = new LinkedHashMap<>();
        int judged = 0;
        for (int i = 0; i < end; i++) {
            Outcome o = attempts[i].outcome();
            if (o.verdict() == Outcome.Verdict.DISCARDED) {
                s.discarded++;
                if (s.firstDiscardReason == null) {
                    s.firstDiscardReason = o.description();
                }
                continue;
            }
            judged++;
            if (o.held()) {
                s.held++;
            }
            if (s.worst == null || o.usage() > s.worst.outcome().usage()) {
                s.worst = new SearchResult.Worst(i, o);
            }
            for (String regime : attempts[i].regimes()) {
                seen.merge(regime, 1, Integer::sum);
            }
        }
        List<Coverage.Count> counts = new ArrayList<>();
        for (Coverage.Requirement r : claim.coverage().requirements()) {
            counts.add(new Coverage.Count(r.regime(), seen.getOrDefault(r.regime(), 0),
                    r.required(judged)));
        }
        s.coverage = List.copyOf(counts);
        return s;
    }

    private static Summary held(Claim claim, Attempt[] attempts, Settings settings) {
        Summary s = count(claim, attempts, attempts.length);
        int allowed = (int) Math.floor(claim.maxDiscarded() * s.tries);
        if (s.discarded > allowed) {
            s.status = SearchResult.Status.ERROR;
            s.message = s.discarded + " of " + s.tries + " tries did not meet the claim's "
                    + "preconditions (at most " + allowed + " may); the first said: "
                    + s.firstDiscardReason;
            return s;
        }
        List<String> shortfalls = s.coverage.stream()
                .filter(c -> !c.met()).map(Coverage.Count::shortfall).toList();
        if (!shortfalls.isEmpty()) {
            s.status = SearchResult.Status.FAILED;
            s.message = String.join("; ", shortfalls);
        }
        return s;
    }

    private static Summary failed(Claim claim, Attempt[] attempts, int first,
            SearchListener listener) {
        Summary s = count(claim, attempts, first + 1);
        Attempt failing = attempts[first];
        if (failing.trial() == null) {
            s.status = SearchResult.Status.ERROR;
            s.message = "try " + first + ": " + failing.outcome().description();
            return s;
        }
        listener.shrinking(claim.id());
        Shrinker shrinker = new Shrinker(prefix -> {
            Attempt a = attempt(claim, Choices.replay(prefix));
            boolean same = a.trial() != null && a.outcome().bad()
                    && a.failureKind().equals(failing.failureKind());
            return new Shrinker.Run(a.choices(), a.spans(), same);
        }, claim.shrinkBudget());
        Shrinker.Run smallest = shrinker.shrink(
                new Shrinker.Run(failing.choices(), failing.spans(), true));
        Attempt last = attempt(claim, Choices.replay(smallest.choices()));
        s.counterexample = new SearchResult.Counterexample(last.trial(), smallest.choices(),
                last.outcome(), shrinker.improvements(), first);
        boolean error = last.outcome().verdict() == Outcome.Verdict.ERROR;
        s.status = error ? SearchResult.Status.ERROR : SearchResult.Status.FAILED;
        s.message = last.outcome().description();
        return s;
    }

    /** The figures of the counterexample, else of the worst try. */
    private static List<Figure> evidence(Claim claim, Summary s, Settings settings) {
        Trial representative = null;
        if (s.counterexample != null) {
            representative = s.counterexample.trial();
        } else if (s.worst != null) {
            representative = attempt(claim, Choices.random(
                    random(settings.seed(), claim, s.worst.tryIndex()))).trial();
        }
        if (representative == null) {
            return List.of();
        }
        try {
            return List.copyOf(claim.evidence(representative));
        } catch (RuntimeException e) {
            return List.of(new Figure.Table("Evidence could not be drawn", List.of("error"),
                    List.of(List.of(describe(e)))));
        }
    }

    /** Generates one trial from {@code choices} and checks it, catching what the check throws. */
    static Attempt attempt(Claim claim, Choices choices) {
        Trial trial;
        try {
            trial = claim.trials().draw(choices);
        } catch (Choices.Overrun e) {
            return new Attempt(null, Outcome.discard(e.getMessage()), choices.recorded(),
                    choices.spans(), Set.of(), "");
        } catch (RuntimeException e) {
            return new Attempt(null, Outcome.error("the generator failed: " + describe(e)),
                    choices.recorded(), choices.spans(), Set.of(), e.getClass().getName());
        }
        Outcome outcome = check(claim, trial);
        Collection<String> regimes = Set.of();
        if (outcome.verdict() != Outcome.Verdict.DISCARDED) {
            try {
                regimes = List.copyOf(claim.regimes(trial));
            } catch (RuntimeException e) {
                outcome = Outcome.error("the regimes could not be named: " + describe(e));
            }
        }
        String kind = outcome.verdict() == Outcome.Verdict.ERROR
                ? outcome.description().replaceFirst(":.*", "") : "violated";
        return new Attempt(trial, outcome, choices.recorded(), choices.spans(), regimes, kind);
    }

    /**
     * Checks {@code claim} on {@code trial}; an exception thrown by the check becomes an
     * {@link Outcome.Verdict#ERROR} outcome naming it.
     */
    public static Outcome check(Claim claim, Trial trial) {
        try {
            Outcome outcome = claim.check(trial);
            Require.that(outcome != null, "the check of " + claim.id() + " returned nothing");
            return outcome;
        } catch (RuntimeException e) {
            return Outcome.error(describe(e));
        }
    }

    /** Regenerates try {@code index} of {@code claim} under {@code seed}. */
    public static Trial trial(Claim claim, long seed, int index) {
        return claim.trials().draw(Choices.random(random(seed, claim, index)));
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static SplittableRandom random(long seed, Claim claim, int index) {
        return new SplittableRandom(trySeed(seed, claim.id(), index));
    }

    /**
     * The seed of try {@code index} of claim {@code claimId} under master seed {@code seed}: the
     * three are mixed with a 64-bit FNV-1a hash of the id and the SplitMix64 finaliser, so that
     * neighbouring tries and claims draw unrelated sequences.
     */
    static long trySeed(long seed, String claimId, int index) {
        long h = 0xcbf29ce484222325L;
        for (byte b : claimId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(mix(seed ^ mix(h)) + 0x9e3779b97f4a7c15L * (index + 1L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
