package org.saddlecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.claim.Catalogue;
import org.saddlecheck.claim.Claim;
import org.saddlecheck.claim.Search;
import org.saddlecheck.claim.Trial;
import org.saddlecheck.claim.TrialJson;

class ReplayCommandTests {

    private static final String ZERO = "theorem3.zero-unit-gradient";
    private static final String PROPORTIONAL = "theorem3.proportional-units-gradient";

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private static Claim claim(String id) {
        return Catalogue.find(id).orElseThrow();
    }

    @Test
    void aTrialOnWhichTheClaimHoldsExitsZero(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trial.json");
        TrialJson.write(Search.trial(claim(ZERO), Search.DEFAULT_SEED, 0), file);

        Run r = run("replay", file.toString(), "--claim", ZERO);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(ZERO + ": held").contains("measured 0.0, predicted 0.0");
    }

    @Test
    void aFileThatIsNotATrialIsBadInputNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"format\": \"saddlecheck-scenario/1\", \"netwrk\": {}}");

        Run r = run("replay", file.toString(), "--claim", ZERO);

        assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(file.toString()).contains("unknown field netwrk");
    }

    @Test
    void anUnknownClaimIsBadInput(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trial.json");
        TrialJson.write(Search.trial(claim(ZERO), Search.DEFAULT_SEED, 0), file);

        Run r = run("replay", file.toString(), "--claim", "no.such-claim");

        assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("unknown claim 'no.such-claim'");
    }

    @Test
    void aTrialOutsideTheClaimsAssumptionsIsBadInput(@TempDir Path dir) throws IOException {
        // A tanh network is not homogeneous: Theorem 3 (iii) says nothing about it.
        Trial tanh = Search.trial(claim("theorem3.proportional-units-break-for-tanh"),
                Search.DEFAULT_SEED, 0);
        Path file = dir.resolve("tanh.json");
        TrialJson.write(tanh, file);

        Run r = run("replay", file.toString(), "--claim", PROPORTIONAL);

        assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("does not meet the preconditions")
                .contains("not homogeneous of degree 1");
    }
}
