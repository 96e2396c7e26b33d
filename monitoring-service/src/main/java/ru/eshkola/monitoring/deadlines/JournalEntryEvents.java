package ru.eshkola.monitoring.deadlines;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Monitoring's tolerant readings of the journal's entry events: only what the deadlines are judged on. */
final class JournalEntryEvents {

    private JournalEntryEvents() {
    }

    /** {@code journal.lesson.recorded/corrected/cancelled.v1}. */
    record LessonChanged(@NotBlank String lessonId, @NotBlank String classId, @NotBlank String schoolId,
            @NotBlank String subjectId, @NotBlank String teacherId, String substituteTeacherId,
            @NotNull LocalDate date, Integer lessonNumber, String group, String kind, String topic,
            Instant topicEnteredAt, @Valid Homework homework, @NotBlank String status, @Min(1) int version,
            @NotNull Instant enteredAt, Instant changedAt) {

        /** Who taught it answers for its record. */
        String responsibleTeacher() {
            return substituteTeacherId != null ? substituteTeacherId : teacherId;
        }

        boolean conducted() {
            return "CONDUCTED".equals(status);
        }
    }

    record Homework(String text, LocalDate dueDate, @NotNull Instant enteredAt) {
    }

    /** {@code journal.grade.recorded/corrected/withdrawn.v1}; enteredAt stays that of the first entry. */
    record GradeChanged(@NotBlank String gradeId, @NotBlank String studentId, @NotBlank String lessonId,
            @NotNull LocalDate lessonDate, @NotBlank String classId, @NotBlank String schoolId,
            @NotBlank String subjectId, @NotNull Instant enteredAt, String enteredBy, @Min(1) int version,
            Instant correctedAt) {
    }

    /** {@code journal.absence.recorded/corrected/withdrawn.v1}. */
    record AbsenceChanged(@NotBlank String absenceId, @NotBlank String studentId, @NotBlank String lessonId,
            @NotNull LocalDate lessonDate, @NotBlank String classId, @NotBlank String schoolId, String subjectId,
            @NotNull Instant enteredAt, String enteredBy, @Min(1) int version, Instant correctedAt) {
    }

    /** {@code journal.period-result.recorded/corrected.v1}. */
    record PeriodResultChanged(@NotBlank String resultId, @NotBlank String studentId, @NotBlank String classId,
            @NotBlank String schoolId, @NotBlank String subjectId, @NotBlank String periodId,
            @NotNull LocalDate periodEnd, @NotNull Instant enteredAt, String enteredBy, @Min(1) int version,
            Instant correctedAt) {
    }
}
