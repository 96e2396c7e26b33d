package ru.eshkola.applications.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * This service's own tolerant readings of the journal's roster events: only the fields it uses, validated; whatever
 * else the journal adds is ignored. Checked against the journal's published schemas and examples in
 * {@code JournalContractTests}, never against the journal's classes.
 */
final class JournalEvents {

    private JournalEvents() {
    }

    /** {@code journal.school.registered.v1}: the school's name for notices, its time zone for deadlines. */
    record SchoolRegistered(@NotBlank String schoolId, String code, @NotBlank String name, String shortName,
            @NotBlank String municipalityId, String municipalityName, @NotBlank String timeZone,
            Instant registeredAt) {
    }

    /** {@code journal.student.registered.v1} and {@code .updated.v1}: names for notices, birth date for 14+. */
    record StudentChanged(@NotBlank String studentId, String externalId, @NotBlank String lastName,
            @NotBlank String firstName, String middleName, @NotNull LocalDate birthDate, @Min(1) int version) {
    }

    /** {@code journal.staff.registered.v1} and {@code .updated.v1}: staff accounts. */
    record StaffChanged(@NotBlank String staffId, @NotBlank String schoolId, @NotBlank String externalId,
            @NotBlank String lastName, @NotBlank String firstName, String middleName, String email,
            @NotEmpty List<@NotBlank String> roles, boolean active, @Min(1) int version) {
    }

    /** {@code journal.class.opened.v1} and {@code .updated.v1}: the class teacher's scope. */
    record ClassChanged(@NotBlank String classId, @NotBlank String schoolId, @NotBlank String schoolYear,
            String name, String classTeacherId, @Min(1) int version) {
    }

    /** {@code journal.enrolment.started.v1} and {@code .ended.v1}: who is a student of which school. */
    record EnrolmentChanged(@NotBlank String enrolmentId, @NotBlank String classId, @NotBlank String schoolId,
            @NotBlank String studentId, @NotNull LocalDate from, LocalDate to, String endReason,
            @Min(1) int version) {
    }

    /** {@code journal.assignment.started.v1} and {@code .ended.v1}: a teacher's classes and subjects. */
    record AssignmentChanged(@NotBlank String assignmentId, @NotBlank String classId, @NotBlank String schoolId,
            @NotBlank String subjectId, @NotBlank String teacherId, @NotNull LocalDate from, LocalDate to,
            @Min(1) int version) {
    }
}
