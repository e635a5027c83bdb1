package org.saddlecheck.claim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.saddlecheck.Require;
import org.saddlecheck.scenario.Scenario;

/**
 * One case a claim is checked on: a {@link Scenario} (network, data, initialization, dynamics)
 * and named numeric parameters the scenario does not carry (the index of a unit, a proportionality
 * factor γ, a width factor). A trial is a plain value: it is written as the scenario JSON with one
 * more object, {@code "parameters"}, and read back from it ({@link TrialJson}), so that a
 * counterexample can be replayed from its file alone.
 *
 * @param scenario the scenario; fields a claim does not use may be null
 * @param parameters the named parameters, in the order they were added
 */
public record Trial(Scenario scenario, Map<String, Double> parameters) {

    public Trial {
        Require.that(scenario != null, "a trial needs a scenario");
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : parameters.entrySet()) {
            copy.put(e.getKey(), Require.finite("parameter " + e.getKey(), e.getValue()));
        }
        parameters = Collections.unmodifiableMap(copy);
    }

    /** A trial with no parameters. */
    public static Trial of(Scenario scenario) {
        return new Trial(scenario, Map.of());
    }

    /** This trial with one more parameter (or a new value for an existing one). */
    public Trial with(String name, double value) {
        Map<String, Double> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new Trial(scenario, more);
    }

    /**
     * The parameter {@code name}.
     *
     * @throws org.saddlecheck.InvalidInputException if the trial has no such parameter
     */
    public double parameter(String name) {
        Double value = parameters.get(name);
        Require.that(value != null, "the trial has no parameter '" + name + "'; it has "
                + parameters.keySet());
        return value;
    }

    /**
     * The parameter {@code name} as an integer.
     *
     * @throws org.saddlecheck.InvalidInputException if it is missing or not a whole number
     */
    public int integer(String name) {
        double value = parameter(name);
        Require.that(value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE,
                "parameter " + name + " (" + value + ") must be a whole number");
        return (int) value;
    }
}
