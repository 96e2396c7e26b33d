package ru.eshkola.applications.roster;

import java.time.LocalDate;

/**
 * In-process event: the journal ended a student's enrolment because they left the school or graduated. Raised
 * inside the Kafka handler, so a listener that fails makes the journal event be retried; listeners must therefore be
 * idempotent, and they are raised again on a redelivery of an event already applied.
 *
 * @param studentId the student
 * @param schoolId  the school they left
 * @param lastDay   the last day of the enrolment
 * @param reason    LEFT_SCHOOL or GRADUATED
 */
public record StudentLeftSchool(String studentId, String schoolId, LocalDate lastDay, String reason) {
}
