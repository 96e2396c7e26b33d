package ru.eshkola.kit.inbox;

/**
 * An event that no retry can fix: it goes straight to the dead-letter topic with the reason in its headers.
 */
public class NonRetryableEventException extends RuntimeException {

    public NonRetryableEventException(String message) {
        super(message);
    }

    public NonRetryableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
