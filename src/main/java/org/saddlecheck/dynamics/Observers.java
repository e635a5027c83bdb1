package org.saddlecheck.dynamics;

import org.saddlecheck.Require;

/** Combinations of observers. */
public final class Observers {
    private Observers() {
    }

    /** One observer that forwards every step to each of {@code observers}, in order. */
    public static Observer all(Observer... observers) {
        Observer[] list = observers.clone();
        return (time, loss, theta) -> {
            for (Observer o : list) {
                o.accepted(time, loss, theta);
            }
        };
    }

    /** Forwards only every {@code n}-th step (the n-th, 2n-th, …), for cheap progress reports. */
    public static Observer everyNth(long n, Observer observer) {
        Require.that(n > 0, "observer interval n (" + n + ") must be positive");
        long[] count = new long[1];
        return (time, loss, theta) -> {
            if (++count[0] % n == 0) {
                observer.accepted(time, loss, theta);
            }
        };
    }
}
