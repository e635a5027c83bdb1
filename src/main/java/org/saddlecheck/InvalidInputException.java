package org.saddlecheck;

/**
 * Input that cannot be judged: a wrong shape, a non-finite number, an unknown name, an unreadable
 * file. The command line turns it into exit status 2 and writes nothing.
 */
public class InvalidInputException extends SaddlecheckException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
