package org.saddlecheck.scenario;

/** Small valid scenarios for tests that need one but read none of its fields. */
public final class TestScenarios {
    private TestScenarios() {
    }

    /** The smallest point scenario: a 1 → 1 linear network of width 1, one sample, no dynamics. */
    public static Scenario point() {
        return new Scenario(NetworkSpec.fullyConnected("linear", 1, 1, 1),
                DataSpec.generated(DataSpec.WHITENED, 0, 1, 1.0), InitSpec.gaussian(1, 0), null);
    }
}
