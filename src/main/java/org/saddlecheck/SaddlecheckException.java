package org.saddlecheck;

/**
 * The root of the one exception family of this project. Every failure that a caller can act on is
 * one of its subclasses, and its message is one sentence naming the role and the value at fault.
 */
public class SaddlecheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SaddlecheckException(String message) {
        super(message);
    }

    public SaddlecheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
