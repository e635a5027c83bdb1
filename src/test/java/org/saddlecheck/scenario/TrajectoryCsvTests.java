package org.saddlecheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.dynamics.Trajectory;

class TrajectoryCsvTests {

    @TempDir
    Path folder;

    private static Trajectory curve() {
        return new Trajectory.Builder("flow").record(0, 0.5).record(1e-3, 1.0 / 3)
                .record(2.5, Math.nextDown(0.1)).finish(new double[] {1}, 10, 3).build();
    }

    @Test
    void curveRoundTripsBitForBitWithAHeader() throws Exception {
        Path file = folder.resolve("run.csv");
        AtomicFile.write(file, TrajectoryCsv.write(curve()));

        assertThat(Files.readAllLines(file).get(0)).isEqualTo("time,loss");
        LossCurve back = TrajectoryCsv.read(file);
        assertThat(back.times()).isEqualTo(curve().times());
        assertThat(back.losses()).isEqualTo(curve().losses());
    }

    @Test
    void malformedLinesAreNamed() {
        assertThatThrownBy(() -> TrajectoryCsv.parse(List.of("t,l", "0,1"), "run.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("header line 'time,loss'");
        assertThatThrownBy(() -> TrajectoryCsv.parse(List.of("time,loss", "0,1", "1,2,3"), "run.csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("run.csv line 3 has 3 fields but the header has 2");
        assertThatThrownBy(() -> TrajectoryCsv.parse(List.of("time,loss", "0,NaN"), "run.csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("run.csv line 2, loss (NaN) must be a finite number");
        assertThatThrownBy(() -> TrajectoryCsv.parse(List.of("time,loss", "1,1", "0,1"), "run.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("comes before");
        assertThatThrownBy(() -> TrajectoryCsv.parse(List.of("time,loss", "x,1"), "run.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("('x') is not a number");
        assertThatThrownBy(() -> TrajectoryCsv.read(folder.resolve("none.csv")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
    }
}
