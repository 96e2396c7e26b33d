package ru.eshkola.diary.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * This service's own, tolerant reading of the journal's events: only the fields the diary shows or needs to place an
 * entry, validated for what it cannot do without. Unknown fields are ignored (the kit's event mapping), so the
 * journal may add optional fields within a major version. Checked against the journal's schema files and examples in
 * {@code JournalContractTests}, never against the journal's classes.
 */
public final class JournalEvents {

    private JournalEvents() {
    }

    /** journal.lesson.recorded/corrected/cancelled.v1 (key classId). */
    public record LessonChanged(@NotBlank String lessonId, @NotBlank String classId, @NotBlank String schoolId,
            @NotBlank String subjectId, @NotBlank String teacherId, String substituteTeacherId,
            @NotNull LocalDate date, Integer lessonNumber, String group, String kind, String topic,
            @Valid Homework homework, @NotBlank String status, @Min(1) long version, Instant changedAt,
            String reason) {
    }

    public record Homework(String text, LocalDate dueDate) {
    }

    /** journal.grade.recorded/corrected/withdrawn.v1 (key studentId). */
    public record GradeChanged(@NotBlank String gradeId, @NotBlank String studentId, @NotBlank String lessonId,
            @NotNull LocalDate lessonDate, @NotBlank String classId, @NotBlank String schoolId,
            @NotBlank String subjectId, String value, Double numericValue, String scale, @NotNull Double weight,
            String kind, String comment, Instant enteredAt, @Min(1) long version, String previousValue,
            String reason, Instant correctedAt) {
    }

    /** journal.absence.recorded/corrected/withdrawn.v1 (key studentId). */
    public record AbsenceChanged(@NotBlank String absenceId, @NotBlank String studentId, @NotBlank String lessonId,
            @NotNull LocalDate lessonDate, Integer lessonNumber, @NotBlank String classId, @NotBlank String schoolId,
            @NotBlank String subjectId, @NotBlank String reason, @NotBlank String reasonCode, @Min(1) long version,
            String previousReasonCode, String correctionReason, Instant correctedAt) {
    }

    /** journal.period-result.recorded/corrected.v1 (key studentId). */
    public record PeriodResultChanged(@NotBlank String resultId, @NotBlank String studentId, @NotBlank String classId,
            @NotBlank String schoolId, @NotBlank String subjectId, @NotBlank String schoolYear,
            @NotBlank String periodId, String periodKind, Integer periodNumber, LocalDate periodEnd,
            @NotBlank String value, Double numericValue, @Min(1) long version, String previousValue, String reason,
            Instant correctedAt) {
    }

    /** journal.timetable.changed.v1 (key classId): the whole current timetable of a class. */
    public record TimetableChanged(@NotBlank String classId, @NotBlank String schoolId, String schoolYear,
            @NotNull List<@Valid Slot> slots, List<@Valid SlotChange> changes, @Min(1) long version) {
    }

    public record Slot(@Min(1) int weekday, int lessonNumber, String startTime, String endTime,
            @NotBlank String subjectId, String teacherId, String room, String group, LocalDate validFrom,
            LocalDate validTo) {
    }

    public record SlotChange(@NotNull LocalDate date, int lessonNumber, @NotBlank String kind, String subjectId,
            String teacherId, String room, String startTime, String endTime, String group, String note) {
    }

    /** journal.student.registered/updated.v1: the name only; the diary needs no birth date. */
    public record StudentChanged(@NotBlank String studentId, @NotBlank String lastName, @NotBlank String firstName,
            String middleName, @Min(1) long version) {
    }

    /** journal.class.opened/updated.v1 (key classId). */
    public record ClassChanged(@NotBlank String classId, @NotBlank String schoolId, String schoolYear,
            Integer gradeLevel, String letter, @NotBlank String name, String classTeacherId, @Min(1) long version) {
    }

    /** journal.enrolment.started/ended.v1 (key classId). */
    public record EnrolmentChanged(@NotBlank String enrolmentId, @NotBlank String classId, @NotBlank String schoolId,
            String schoolYear, @NotBlank String studentId, @NotNull LocalDate from, LocalDate to,
            @Min(1) long version) {
    }

    /** journal.subject.defined.v1. */
    public record SubjectDefined(@NotBlank String subjectId, @NotBlank String name, String shortName,
            @Min(1) long version) {
    }

    /** journal.staff.registered/updated.v1: the name for display; the e-mail is not read. */
    public record StaffChanged(@NotBlank String staffId, String schoolId, @NotBlank String lastName,
            @NotBlank String firstName, String middleName, @Min(1) long version) {
    }

    /** journal.school.registered.v1 (unversioned: a school is registered once). */
    public record SchoolRegistered(@NotBlank String schoolId, @NotBlank String name, String shortName,
            String municipalityName, @NotBlank String timeZone) {
    }

    /** journal.school-year.configured/closed.v1: the whole year each time. */
    public record SchoolYearChanged(@NotBlank String schoolYearId, @NotBlank String schoolId, @NotBlank String label,
            @NotNull LocalDate start, @NotNull LocalDate end, @NotNull List<@Valid Period> periods, boolean closed,
            @Min(1) long version) {
    }

    public record Period(@NotBlank String periodId, @NotBlank String kind, int number, @NotNull LocalDate start,
            @NotNull LocalDate end) {
    }
}
