package org.saddlecheck.claim;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every claim of the catalogue, as one dynamic test each: the fast claims in {@code mvn test},
 * the deep ones only when the {@code deep} tag is included ({@code mvn test -Pdeep}).
 */
class CatalogueProperties {

    @TestFactory
    Stream<DynamicTest> fastClaimsHold() {
        return ClaimHarness.tests(Catalogue.claims(), false);
    }

    @Tag("deep")
    @TestFactory
    Stream<DynamicTest> deepClaimsHold() {
        return ClaimHarness.tests(Catalogue.claims(), true);
    }
}
