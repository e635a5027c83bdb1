package org.saddlecheck.scenario;

import java.util.List;
import org.saddlecheck.InvalidInputException;

/** The names of the kinds of networks, data and dynamics that scenario files may use. */
final class Kinds {
    private Kinds() {
    }

    /** Families of networks, which decide the size fields a network spec needs. */
    enum Family { FULLY_CONNECTED, CONVOLUTIONAL, ATTENTION }

    static final List<String> FULLY_CONNECTED =
            List.of("linear", "relu", "quadratic", "cubic", "tanh", "xtanh");
    static final List<String> CONVOLUTIONAL = List.of("linear-conv", "relu-conv");
    static final List<String> ATTENTION = List.of("attention", "attention-merged");
    static final List<String> NETWORKS = List.of("linear", "relu", "quadratic", "cubic", "tanh",
            "xtanh", "linear-conv", "relu-conv", "attention", "attention-merged");
    static final List<String> DATA = List.of(DataSpec.WHITENED, DataSpec.QUADRATIC,
            DataSpec.QUADRATIC_POPULATION, DataSpec.IN_CONTEXT, DataSpec.PATCHES,
            DataSpec.RELU_ORTHOGONAL, DataSpec.RELU_KINKS, DataSpec.EXPLICIT);
    static final List<String> DYNAMICS =
            List.of(DynamicsSpec.FLOW, DynamicsSpec.FLOW_DP54, DynamicsSpec.RK4, DynamicsSpec.GD,
                    DynamicsSpec.SGD);

    /** The family of a network kind. */
    static Family family(String field, String kind) {
        if (FULLY_CONNECTED.contains(kind)) {
            return Family.FULLY_CONNECTED;
        }
        if (CONVOLUTIONAL.contains(kind)) {
            return Family.CONVOLUTIONAL;
        }
        if (ATTENTION.contains(kind)) {
            return Family.ATTENTION;
        }
        throw unknown(field, kind, NETWORKS);
    }

    /** Requires {@code kind} to be one of {@code known}. */
    static String require(String field, String kind, List<String> known) {
        if (!known.contains(kind)) {
            throw unknown(field, kind, known);
        }
        return kind;
    }

    private static InvalidInputException unknown(String field, String kind, List<String> known) {
        return new InvalidInputException(field + " '" + kind + "' is not one of: "
                + String.join(", ", known));
    }
}
