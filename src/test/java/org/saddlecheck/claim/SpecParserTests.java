package org.saddlecheck.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

class SpecParserTests {

    private static final String FILE = "theory-specs/x.y.md";

    /** A well-formed spec of claim {@code id} defined in {@code test}. */
    static String valid(String id, String test) {
        return "---\n"
                + "id: " + id + "\n"
                + "title: A title\n"
                + "section: 4\n"
                + "source: Theorem 3 (ii)\n"
                + "kind: exact\n"
                + "tags: fast, gradient\n"
                + "test: " + test + "\n"
                + "tries: 50\n"
                + "---\n"
                + "\n"
                + "## Statement\n"
                + "The statement, with $x$.\n"
                + "\n"
                + "## Assumptions\n"
                + "The regime.\n"
                + "### A subheading\n"
                + "More regime.\n"
                + "## Tolerance\n"
                + "Zero.\n"
                + "## Test\n"
                + "How.\n";
    }

    private static String validSpec() {
        return valid("x.y", "org.example.Family");
    }

    @Test
    void aWellFormedSpecIsReadWithEveryField() {
        Spec spec = SpecParser.parse(FILE, validSpec(), "x.y");

        assertThat(spec.id()).isEqualTo("x.y");
        assertThat(spec.title()).isEqualTo("A title");
        assertThat(spec.section()).isEqualTo("4");
        assertThat(spec.source()).isEqualTo("Theorem 3 (ii)");
        assertThat(spec.kind()).isEqualTo(Spec.Kind.EXACT);
        assertThat(spec.tags()).containsExactly("fast", "gradient");
        assertThat(spec.deep()).isFalse();
        assertThat(spec.test()).isEqualTo("org.example.Family");
        assertThat(spec.tries()).isEqualTo(50);
        assertThat(spec.deepTries()).isEqualTo(Spec.DEFAULT_DEEP_TRIES);
        assertThat(spec.statement()).isEqualTo("The statement, with $x$.");
        assertThat(spec.assumptions()).isEqualTo("The regime.\n### A subheading\nMore regime.");
        assertThat(spec.tolerance()).isEqualTo("Zero.");
        assertThat(spec.testText()).isEqualTo("How.");
    }

    @Test
    void aMissingOpeningLineIsReportedOnLineOne() {
        assertRejected(validSpec().substring(4), "line 1: the file must start with a '---' line");
    }

    @Test
    void anUnclosedHeaderIsReported() {
        assertRejected("---\nid: x.y\n", "is never closed");
    }

    @Test
    void anUnknownHeaderKeyIsReportedWithItsLine() {
        assertRejected(validSpec().replace("tries: 50", "trys: 50"),
                "line 9: unknown header key 'trys'");
    }

    @Test
    void aRepeatedHeaderKeyIsReportedWithItsLine() {
        assertRejected(validSpec().replace("tries: 50", "title: Again"),
                "line 9: header key 'title' is given twice");
    }

    @Test
    void aMissingRequiredKeyIsReported() {
        assertRejected(validSpec().replace("source: Theorem 3 (ii)\n", ""),
                "line 9: the header has no 'source'");
    }

    @Test
    void anIdThatDiffersFromTheFileNameIsReported() {
        assertRejected(validSpec().replace("id: x.y", "id: x.z"),
                "line 2: the id 'x.z' differs from the file name");
    }

    @Test
    void anUnknownKindIsReported() {
        assertRejected(validSpec().replace("kind: exact", "kind: heuristic"),
                "line 6: kind 'heuristic' is not one of");
    }

    @Test
    void tagsWithoutFastOrDeepAreReported() {
        assertRejected(validSpec().replace("tags: fast, gradient", "tags: gradient"),
                "line 7: the tags must include exactly one of 'fast' and 'deep'");
    }

    @Test
    void aBudgetThatIsNotAPositiveNumberIsReported() {
        assertRejected(validSpec().replace("tries: 50", "tries: many"),
                "line 9: tries (many) must be a positive whole number");
    }

    @Test
    void sectionsOutOfOrderAreReportedWithTheLineOfTheHeading() {
        String swapped = validSpec().replace("## Tolerance\nZero.\n## Test\nHow.\n",
                "## Test\nHow.\n## Tolerance\nZero.\n");
        assertRejected(swapped, "line 19: found section 'Test' where 'Tolerance' is expected");
    }

    @Test
    void aMissingSectionIsReported() {
        assertRejected(validSpec().replace("## Test\nHow.\n", ""), "section 'Test' is missing");
    }

    @Test
    void anEmptySectionIsReportedOnItsHeading() {
        assertRejected(validSpec().replace("Zero.\n", "\n"), "line 19: section 'Tolerance' is empty");
    }

    @Test
    void textBeforeTheFirstSectionIsReported() {
        assertRejected(validSpec().replace("\n## Statement", "Stray words.\n## Statement"),
                "line 11: text before the first section");
    }

    @Test
    void aLevelOneHeadingIsReported() {
        assertRejected(validSpec().replace("Zero.", "# Zero"), "line 20: a level-one heading");
    }

    private static void assertRejected(String text, String fragment) {
        assertThatThrownBy(() -> SpecParser.parse(FILE, text, "x.y"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(FILE + " line ")
                .hasMessageContaining(fragment);
    }
}
