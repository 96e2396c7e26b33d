package ru.eshkola.applications.registers;

import java.time.Instant;

/**
 * One line of a register entry's trail: who did what when. Kept inside the entry's own document, so the trail and
 * the change it describes are written together.
 *
 * @param at     when
 * @param by     who: the acting user's id, or {@code system:<reason>} for what the service did by itself
 * @param action what, as a stable code (REGISTERED, GRANTED, ...)
 * @param detail free text for people, may be null
 */
public record AuditEntry(Instant at, String by, String action, String detail) {
}
