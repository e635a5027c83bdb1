package org.saddlecheck.guard;

import org.saddlecheck.Require;
import org.saddlecheck.scenario.Scenario;

/**
 * One canonical scenario of the conformance catalogue.
 *
 * @param name the folder name, lower case with hyphens
 * @param description one sentence saying what the case exercises
 * @param scenario the scenario (generated data and Gaussian or explicit θ(0)); its dynamics give
 *     the end time and the records
 * @param learningRate η at which the gradient-descent expectation is stated
 * @param oracle whether the exact solution {@link org.saddlecheck.dynamics.SaxeSolution} applies
 *     (whitened linear network with an aligned, balanced start)
 */
public record VectorCase(String name, String description, Scenario scenario, double learningRate,
        boolean oracle) {

    public VectorCase {
        Require.that(name.matches("[a-z0-9-]+"), "case name '" + name
                + "' must be lower case letters, digits and hyphens");
        Require.positive("learning rate η", learningRate);
    }
}
