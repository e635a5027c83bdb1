package org.saddlecheck.claim;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns claims into JUnit dynamic tests, one per claim, named by id and title. A failing claim's
 * assertion message is the shrunk counterexample as scenario JSON, measured against predicted with
 * the tolerance, and the replay command; the counterexample is written to
 * {@code target/counterexamples/<id>.json}, the file the command names.
 *
 * <p>The master seed and the tries come from the system properties {@code saddlecheck.seed}
 * (a number or {@code random}) and {@code saddlecheck.tries}, as for {@code verify}; by default the
 * fixed seed and each spec's budget, so that {@code mvn test} is deterministic.
 */
final class ClaimHarness {

    private static final Path COUNTEREXAMPLES = Paths.get("target", "counterexamples");

    private ClaimHarness() {
    }

    /** One dynamic test per claim of {@code claims} whose spec is tagged deep (or not). */
    static Stream<DynamicTest> tests(List<Claim> claims, boolean deep) {
        SpecLibrary specs = SpecLibrary.load();
        long seed = Verification.seedFromProperties();
        Integer tries = Verification.triesFromProperties();
        int threads = Runtime.getRuntime().availableProcessors();
        return claims.stream()
                .filter(c -> !specs.all().containsKey(c.id()) || specs.get(c.id()).deep() == deep)
                .map(c -> DynamicTest.dynamicTest(name(c, specs), () -> {
                    Spec spec = specs.get(c.id());
                    int n = tries != null ? tries : spec.tries();
                    SearchResult result = Search.run(c, new Search.Settings(seed, n, threads),
                            SearchListener.NONE);
                    if (!result.passed()) {
                        fail(Verification.failureMessage(result, replay(result)));
                    }
                }));
    }

    private static String name(Claim c, SpecLibrary specs) {
        Spec spec = specs.all().get(c.id());
        return spec == null ? c.id() : c.id() + ": " + spec.title();
    }

    /** Writes the counterexample, if any, and returns the command that replays it. */
    private static String replay(SearchResult result) {
        Path file = COUNTEREXAMPLES.resolve(result.claimId() + ".json");
        if (result.counterexample() != null) {
            try {
                TrialJson.write(result.counterexample().trial(), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Verification.replayCommand(file.toString(), result.claimId());
    }
}
