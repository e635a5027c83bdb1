package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueTests {

    @Test
    void everySpecHasAClaimAndEveryClaimHasASpec() {
        assertThat(Catalogue.mismatches(Catalogue.claims(), SpecLibrary.load())).isEmpty();
    }

    @Test
    void everyClaimReadsItsWordsFromItsSpec() {
        SpecLibrary specs = SpecLibrary.load();
        for (Claim claim : Catalogue.claims()) {
            Spec spec = specs.get(claim.id());
            assertThat(spec.id()).isEqualTo(claim.id());
            assertThat(spec.file()).isEqualTo("theory-specs/" + claim.id() + ".md");
        }
    }

    @Test
    void aSpecWithoutClaimAndAClaimWithoutSpecAreBothReported(@TempDir Path folder)
            throws IOException {
        Claim zero = ManifoldGradientClaims.zeroUnit();
        Claim equal = ManifoldGradientClaims.equalUnits();
        Files.writeString(folder.resolve(zero.id() + ".md"), SpecParserTests.valid(zero.id(),
                ManifoldGradientClaims.class.getName()));
        Files.writeString(folder.resolve("orphan.claim.md"), SpecParserTests.valid("orphan.claim",
                ManifoldGradientClaims.class.getName()));

        List<String> problems = Catalogue.mismatches(List.of(zero, equal), SpecLibrary.load(folder));

        assertThat(problems).containsExactly(
                "claim " + equal.id() + " has no spec theory-specs/" + equal.id() + ".md",
                "theory-specs/orphan.claim.md has no claim orphan.claim in the catalogue");
    }

    @Test
    void aSpecNamingAnotherTestClassIsReported(@TempDir Path folder) throws IOException {
        Claim zero = ManifoldGradientClaims.zeroUnit();
        Files.writeString(folder.resolve(zero.id() + ".md"),
                SpecParserTests.valid(zero.id(), "org.saddlecheck.claim.SomewhereElse"));

        assertThat(Catalogue.mismatches(List.of(zero), SpecLibrary.load(folder)))
                .containsExactly("theory-specs/" + zero.id() + ".md names test class"
                        + " org.saddlecheck.claim.SomewhereElse but the claim is defined in "
                        + ManifoldGradientClaims.class.getName());
    }

    @Test
    void noClaimIsListedTwice() {
        List<String> ids = Catalogue.claims().stream().map(Claim::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }
}
