package org.saddlecheck.network;

/**
 * The pointwise activations σ of the fully connected and convolutional networks, where
 * φ(x; u) = σ(uᵀx). Each declares the {@link PhiTraits} that σ gives φ.
 */
public enum Activation {
    /** σ(z) = z: φ linear in u (type I saddles). */
    LINEAR("linear", PhiTraits.LINEAR) {
        @Override
        public double value(double z) {
            return z;
        }

        @Override
        public double derivative(double z) {
            return 1;
        }
    },
    /** σ(z) = max(z, 0): positively homogeneous of degree 1 (type II). σ'(0) is taken as 0. */
    RELU("relu", PhiTraits.POSITIVELY_HOMOGENEOUS) {
        @Override
        public double value(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1 : 0;
        }
    },
    /** σ(z) = z²: the quadratic network, homogeneous of degree 2 with a zero element (type III). */
    SQUARE("quadratic", PhiTraits.polynomial(2)) {
        @Override
        public double value(double z) {
            return z * z;
        }

        @Override
        public double derivative(double z) {
            return 2 * z;
        }
    },
    /** σ(z) = z³: homogeneous of degree 3 with a zero element (sparse, like the quadratic net). */
    CUBE("cubic", PhiTraits.polynomial(3)) {
        @Override
        public double value(double z) {
            return z * z * z;
        }

        @Override
        public double derivative(double z) {
            return 3 * z * z;
        }
    },
    /** σ(z) = tanh(z): a zero element, not homogeneous (the paper's negative control). */
    TANH("tanh", PhiTraits.zeroElementOnly()) {
        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }
    },
    /** σ(z) = z·tanh(z): quadratic at lowest order, a zero element, not homogeneous. */
    XTANH("xtanh", PhiTraits.zeroElementOnly()) {
        @Override
        public double value(double z) {
            return z * Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return t + z * (1 - t * t);
        }
    };

    private final String id;
    private final PhiTraits traits;

    Activation(String id, PhiTraits traits) {
        this.id = id;
        this.traits = traits;
    }

    /** σ(z). */
    public abstract double value(double z);

    /** σ'(z). */
    public abstract double derivative(double z);

    /** The name used for the fully connected network of this activation in scenario files. */
    public String id() {
        return id;
    }

    /** What σ makes of φ(x; u) = σ(uᵀx) as a function of u. */
    public PhiTraits traits() {
        return traits;
    }
}
