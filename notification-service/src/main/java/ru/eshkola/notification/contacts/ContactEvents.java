package ru.eshkola.notification.contacts;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * This service's own tolerant readings of the events that feed its contact store: only the fields it uses,
 * validated; whatever else the producers add is ignored. Checked against the producers' schema files and examples in
 * {@code ContactContractTests}, never against their classes.
 */
final class ContactEvents {

    private ContactEvents() {
    }

    /** {@code journal.school.registered.v1}: names for mails, municipality for maintenance scopes, time zone. */
    record SchoolRegistered(@NotBlank String schoolId, @NotBlank String name, String shortName,
            @NotBlank String municipalityId, String municipalityName, @NotBlank String timeZone) {
    }

    /** {@code journal.staff.registered.v1}, {@code .updated.v1}: teachers and administrators, their work e-mail. */
    record StaffChanged(@NotBlank String staffId, @NotBlank String schoolId, @NotBlank String lastName,
            @NotBlank String firstName, String middleName, String email, @NotNull List<@NotBlank String> roles,
            boolean active, @Min(1) int version) {
    }

    /** {@code journal.student.registered.v1}, {@code .updated.v1}: how mails name the student. */
    record StudentChanged(@NotBlank String studentId, @NotBlank String lastName, @NotBlank String firstName,
            String middleName, @Min(1) int version) {
    }

    /** {@code journal.subject.defined.v1}: subject names. */
    record SubjectDefined(@NotBlank String subjectId, @NotBlank String name, @Min(1) int version) {
    }

    /** {@code journal.class.opened.v1}, {@code .updated.v1}: class labels ("7Б"). */
    record ClassChanged(@NotBlank String classId, @NotBlank String schoolId, String name, @Min(1) int version) {
    }

    /** {@code applications.access.granted.v1}, {@code .revoked.v1}: which account reads which student's diary. */
    record AccessChanged(@NotBlank String accessId, @NotBlank String guardianAccountId, @NotBlank String studentId,
            @NotBlank String schoolId, String relation, @NotNull LocalDate from, LocalDate to, @Min(1) int version) {
    }

    /** {@code applications.consent.given.v1}, {@code .withdrawn.v1}: whether e-mail notices are consented to. */
    record ConsentChanged(@NotBlank String consentId, @NotBlank String studentId, @NotBlank String schoolId,
            @NotNull List<@NotBlank String> purposes, @Min(1) int version) {
    }
}
