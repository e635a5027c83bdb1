package org.saddlecheck.claim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Called once {@code verify} has written its results, so that another part of the program (the
 * HTML report) can draw them. Implementations are found with {@link ServiceLoader}: a jar (or the
 * project) lists its implementation in
 * {@code META-INF/services/org.saddlecheck.claim.ResultsListener}, and nothing else needs to change.
 * An implementation reads the results, never runs claims itself.
 */
public interface ResultsListener {

    /**
     * The results of a run were written to {@code resultsFile} (in the folder {@code outDir}).
     *
     * @return a one-line note for the user, such as the path of a file written, or null
     */
    String resultsWritten(RunResults results, Path resultsFile, Path outDir) throws IOException;

    /** Every listener installed on the class path, in the order the service loader finds them. */
    static List<ResultsListener> installed() {
        return ServiceLoader.load(ResultsListener.class).stream()
                .map(ServiceLoader.Provider::get).toList();
    }
}
