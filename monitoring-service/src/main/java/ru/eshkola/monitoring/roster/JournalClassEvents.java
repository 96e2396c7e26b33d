package ru.eshkola.monitoring.roster;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Monitoring's tolerant readings of the events on {@code journal.classes}: only the fields it uses. */
final class JournalClassEvents {

    private JournalClassEvents() {
    }

    /** {@code journal.class.opened.v1}, {@code journal.class.updated.v1}. */
    record ClassChanged(@NotBlank String classId, @NotBlank String schoolId, @NotBlank String schoolYear,
            int gradeLevel, String name, String classTeacherId, @Min(1) int version) {
    }

    /** {@code journal.enrolment.started.v1}, {@code journal.enrolment.ended.v1}. */
    record EnrolmentChanged(@NotBlank String enrolmentId, @NotBlank String classId, @NotBlank String schoolId,
            @NotBlank String studentId, @NotNull LocalDate from, LocalDate to, String endReason,
            @Min(1) int version) {
    }

    /** {@code journal.assignment.started.v1}, {@code journal.assignment.ended.v1}. */
    record AssignmentChanged(@NotBlank String assignmentId, @NotBlank String classId, @NotBlank String schoolId,
            @NotBlank String subjectId, @NotBlank String teacherId, String group, @NotNull LocalDate from,
            LocalDate to, @Min(1) int version) {
    }

    /** {@code applications.access.granted.v1}, {@code applications.access.revoked.v1}: who gets the service. */
    record AccessChanged(@NotBlank String accessId, @NotBlank String guardianAccountId, @NotBlank String studentId,
            @NotBlank String schoolId, String applicationId, String relation, @NotNull LocalDate from, LocalDate to,
            @Min(1) int version) {
    }
}
