package ru.eshkola.diary.projection;

import java.time.Instant;

/** A journal event read from the wire: its CloudEvents id, type and time, and the data as this service's record. */
public record ParsedEvent(String id, String type, Instant time, Object data) {
}
