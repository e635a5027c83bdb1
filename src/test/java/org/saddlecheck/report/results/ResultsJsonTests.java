package org.saddlecheck.report.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.report.SampleResults;

class ResultsJsonTests {

    private static final String FILE = "shard-a/results.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writtenResultsReadBackEqual(@TempDir Path dir) {
        Results sample = SampleResults.run();
        Path file = dir.resolve("results.json");
        ResultsJson.write(sample, file);
        assertThat(ResultsJson.read(file)).isEqualTo(sample);
    }

    @Test
    void nonFiniteNumbersAreWrittenAsStringsAndReadBack() throws Exception {
        String json = ResultsJson.toJson(SampleResults.run());
        JsonNode table = JSON.readTree(json).at("/claims").findParent("rows").get("rows");
        assertThat(table.get(2).get(1).textValue()).isEqualTo("NaN");
        TableFigure read = (TableFigure) ResultsJson.parse(json, FILE).claims().stream()
                .filter(c -> c.id().equals("theorem1.zero-unit-embedding")).findFirst()
                .orElseThrow().evidence().get(0);
        assertThat((Double) read.rows().get(2).get(1)).isNaN();
    }

    @Test
    void missingFieldIsNamedWithFileAndClaim() {
        assertRejected(root -> claim(root, 0).remove("status"),
                FILE + ": field claims[\"attention.merged-single-drop\"].status is missing");
    }

    @Test
    void unknownStatusListsTheAllowedWords() {
        assertRejected(root -> claim(root, 0).put("status", "pass"),
                "claims[\"attention.merged-single-drop\"].status is \"pass\" but must be one of "
                        + "held, failed, error, skipped");
    }

    @Test
    void wrongTypeSaysWhatWasExpectedAndWhatWasFound() {
        assertRejected(root -> claim(root, 0).put("tries", "many"),
                "field claims[\"attention.merged-single-drop\"].tries must be a whole number",
                "not the string \"many\"");
    }

    @Test
    void fractionalCountIsRejected() {
        assertRejected(root -> claim(root, 0).put("held", 2.5),
                "claims[\"attention.merged-single-drop\"].held must be a whole number");
    }

    @Test
    void unknownFieldIsRejectedAndTheKnownOnesListed() {
        assertRejected(root -> ((ObjectNode) root.get("run")).put("sed", 1),
                "field run.sed is not part of the format saddlecheck-results/1",
                "known fields here are version, seed");
    }

    @Test
    void otherFormatVersionIsRejected() {
        assertRejected(root -> root.put("format", "saddlecheck-results/2"),
                "format is \"saddlecheck-results/2\" but this version reads saddlecheck-results/1");
    }

    @Test
    void seriesOfUnequalLengthsNamesTheFigure() {
        assertRejected(root -> {
            ObjectNode series = (ObjectNode) root.at("/claims").findParent("vertical")
                    .get("series").get(0);
            ((ArrayNode) series.get("y")).remove(0);
        }, FILE + ": at claims[\"linear.drop-times\"].evidence[0].series[0]: series \"simulated\""
                + " has 301 x values but 300 y values");
    }

    @Test
    void mapGridThatDoesNotMatchItsAxesIsRejected() {
        assertRejected(root -> ((ArrayNode) root.at("/maps/0/held")).remove(0),
                "at maps[0]: held has 10 rows but y has 11 values");
    }

    @Test
    void mapNamingAnAbsentClaimIsRejected() {
        assertRejected(root -> ((ObjectNode) root.at("/maps/0")).put("claim", "nope"),
                "names claim \"nope\", which is not among the results");
    }

    @Test
    void unknownFigureTypeIsRejected() {
        assertRejected(root -> ((ObjectNode) root.at("/claims").findParent("vertical"))
                .put("type", "pie"), "evidence[0].type is \"pie\" but must be one of lines");
    }

    @Test
    void duplicateKeysAreRejected() {
        String json = ResultsJson.toJson(SampleResults.run()).replaceFirst("\"seed\" : 20251223",
                "\"seed\" : 1, \"seed\" : 2");
        assertThatThrownBy(() -> ResultsJson.parse(json, FILE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(FILE + ": not valid JSON at line")
                .hasMessageContaining("Duplicate field 'seed'");
    }

    @Test
    void brokenJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> ResultsJson.parse("{\n  \"format\": ,\n}", FILE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(FILE + ": not valid JSON at line 2, column");
    }

    @Test
    void emptyAndMissingFilesAreRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> ResultsJson.parse("  ", FILE))
                .hasMessage(FILE + ": the file is empty");
        Path absent = dir.resolve("results.json");
        assertThatThrownBy(() -> ResultsJson.read(absent))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("results file " + absent + " does not exist");
    }

    @Test
    void badStartInstantIsNamed() {
        assertRejected(root -> ((ObjectNode) root.get("run")).put("started", "yesterday"),
                "field run.started (\"yesterday\") must be an instant");
    }

    private static ObjectNode claim(ObjectNode root, int index) {
        return (ObjectNode) root.get("claims").get(index);
    }

    private static void assertRejected(Consumer<ObjectNode> edit, String... fragments) {
        ObjectNode root;
        try {
            root = (ObjectNode) JSON.readTree(ResultsJson.toJson(SampleResults.run()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        edit.accept(root);
        String text = root.toString();
        var thrown = assertThatThrownBy(() -> ResultsJson.parse(text, FILE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(FILE + ": ");
        for (String f : fragments) {
            thrown.hasMessageContaining(f);
        }
    }
}
