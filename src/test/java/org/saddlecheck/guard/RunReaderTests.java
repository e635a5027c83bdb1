package org.saddlecheck.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

class RunReaderTests {

    private static RunData parse(String... lines) {
        return RunReader.parseCsv(List.of(lines), "run 'r.csv'");
    }

    private static void rejects(String fragment, String... lines) {
        assertThatThrownBy(() -> parse(lines)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(fragment);
    }

    @Test
    void readsStepLossAndOptionalColumns() {
        RunData r = parse("step,loss,sv1,w1,w2", "0,1.0,0.1,0.2,0.3", "5,0.5,0.2,0.3,0.4");
        assertThat(r.inSteps()).isTrue();
        assertThat(r.series("w")[1]).containsExactly(0.3, 0.4);
    }

    @Test
    void rejectsMissingOrMisnamedColumnsNamingLineOne() {
        rejects("unknown column 'los'", "time,los", "0,1");
        rejects("line 1 has no 'loss' column", "time,sv1", "0,1");
        rejects("unknown column 'lr'", "time,loss,lr", "0,1,2");
        rejects("no 'step' or 'time' column", "loss", "1");
    }

    @Test
    void rejectsMalformedNonMonotoneAndNonFiniteRecordsNamingTheLine() {
        rejects("line 2 has 1 fields", "time,loss", "0");
        rejects("line 3, column time ('abc') is not a number", "time,loss", "0,1", "abc,1");
        rejects("line 3: time 0.5 does not come after", "time,loss", "1,1", "0.5,1");
        rejects("line 2: time (NaN) must be a finite number", "time,loss", "NaN,1");
        rejects("finite again", "time,loss", "0,1", "1,NaN", "2,0.5");
        rejects("no records", "time,loss");
    }

    @Test
    void aNonFiniteTailIsDivergenceNotAnInputError() {
        RunData r = parse("time,loss", "0,1", "1,2", "2,inf", "3,NaN");
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.divergedAt()).isEqualTo(2.0);
    }
}
