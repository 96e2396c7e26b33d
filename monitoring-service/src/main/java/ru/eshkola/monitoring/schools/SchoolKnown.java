package ru.eshkola.monitoring.schools;

/**
 * Published inside the service when a school or one of its years was written: entries that arrived before their
 * school (a replay reads the topics in parallel) are judged now that its time zone is known.
 */
public record SchoolKnown(String schoolId) {
}
