package ru.eshkola.kit.inbox;

/** The record is not a valid CloudEvent of a known shape: missing attributes, bad JSON, invalid data. */
public class MalformedEventException extends NonRetryableEventException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
