package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's list of claims names every claim of the catalogue, and nothing else. */
class ReadmeClaimsTests {

    private static final String START = "<!-- claims:start -->";
    private static final String END = "<!-- claims:end -->";

    @Test
    void readmeListsEveryClaimOfTheCatalogueOnce() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String list = readme.substring(readme.indexOf(START), readme.indexOf(END));
        List<String> listed = list.lines().filter(l -> l.startsWith("| `"))
                .map(l -> l.substring(3, l.indexOf('`', 3))).toList();

        List<String> catalogue = Catalogue.claims().stream().map(Claim::id).toList();

        assertThat(listed).containsExactlyInAnyOrderElementsOf(catalogue);
    }
}
