package ru.eshkola.kit.inbox;

/**
 * The event type is neither handled nor explicitly ignored by this consumer. Dead-lettered rather than dropped so
 * that a new producer type, or a major version this consumer has not learned yet, is noticed, never lost.
 */
public class UnknownEventTypeException extends NonRetryableEventException {

    public UnknownEventTypeException(String type) {
        super("no handler for event type " + type);
    }
}
