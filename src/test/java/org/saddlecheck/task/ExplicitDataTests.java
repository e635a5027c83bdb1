package org.saddlecheck.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.saddlecheck.InvalidInputException;

class ExplicitDataTests {

    @Test
    void rowsBecomeTheDataMatrices() {
        Dataset data = ExplicitData.of("data", new double[][] {{1, 2}, {3, 4}, {5, 6}},
                new double[][] {{7}, {8}, {9}});

        assertThat(data.samples()).isEqualTo(3);
        assertThat(data.X().data).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(ExplicitData.rows(data.Y())).isEqualTo(new double[][] {{7}, {8}, {9}});
    }

    @Test
    void raggedRowsAreNamed() {
        assertThatThrownBy(() -> ExplicitData.of("data", new double[][] {{1, 2, 3, 4}, {1, 2, 3, 4},
            {1, 2, 3}}, new double[][] {{1}, {2}, {3}}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("data.X row 2 has 3 entries but row 0 has 4");
    }

    @Test
    void mismatchedRowCountsAreNamed() {
        assertThatThrownBy(() -> ExplicitData.of("data", new double[][] {{1}, {2}},
                new double[][] {{1}}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("data.Y has 1 rows but data.X has 2");
    }

    @Test
    void emptyAndNonFiniteDataAreNamed() {
        assertThatThrownBy(() -> ExplicitData.of("data", new double[0][], new double[0][]))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("data.X has no rows");
        assertThatThrownBy(() -> ExplicitData.of("data", new double[][] {{1}},
                new double[][] {{Double.NaN}}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("data.Y row 0, column 0 (NaN) must be finite");
    }
}
