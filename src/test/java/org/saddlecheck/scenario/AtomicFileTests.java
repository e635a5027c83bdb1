package org.saddlecheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.InvalidInputException;

class AtomicFileTests {

    @TempDir
    Path folder;

    @Test
    void writesAndReplacesWithoutLeavingTemporaryFiles() throws Exception {
        Path file = folder.resolve("out.json");
        AtomicFile.write(file, "first");
        AtomicFile.write(file, "second ✓");

        assertThat(Files.readString(file)).isEqualTo("second ✓");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void missingFolderIsNamedAndNothingIsWritten() {
        Path file = folder.resolve("no/such/out.json");

        assertThatThrownBy(() -> AtomicFile.write(file, "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist");
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void aFolderIsNotAnOutputFile() {
        assertThatThrownBy(() -> AtomicFile.write(folder, "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a folder");
    }
}
