package org.saddlecheck.network;

import java.lang.management.ManagementFactory;

/**
 * Measures the heap bytes the current thread allocates in a block of code, with the HotSpot
 * per-thread allocation counter. Used to check that evaluations allocate nothing.
 */
final class Allocations {
    private Allocations() {
    }

    /** Whether this JVM counts allocations per thread. */
    static boolean supported() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported();
    }

    /**
     * The fewest heap bytes allocated in any of {@code rounds} rounds of {@code calls} calls of
     * {@code action}. Class loading and just-in-time compilation allocate now and then in the
     * calling thread; a per-call allocation shows in every round, so the minimum is 0 exactly when
     * the action itself allocates nothing.
     */
    static long fewestBytesPerRound(Runnable action, int calls, int rounds) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long fewest = Long.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long before = bean.getThreadAllocatedBytes(thread);
            for (int k = 0; k < calls; k++) {
                action.run();
            }
            fewest = Math.min(fewest, bean.getThreadAllocatedBytes(thread) - before);
        }
        return fewest;
    }
}
