package ru.eshkola.notification.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * This service's tolerant readings of the journal's progress events: what a parent's mail shows. Checked against the
 * journal's schema files and examples in {@code ProgressContractTests}.
 */
final class ProgressEvents {

    private ProgressEvents() {
    }

    /** {@code journal.grade.recorded.v1}, {@code .corrected.v1}, {@code .withdrawn.v1} (no value). */
    record GradeChanged(@NotBlank String gradeId, @NotBlank String studentId, @NotNull LocalDate lessonDate,
            @NotBlank String schoolId, @NotBlank String subjectId, String value, String previousValue,
            BigDecimal weight, String kind, String reason, @NotNull Instant enteredAt, Instant correctedAt,
            @Min(1) int version) {

        Instant happenedAt() {
            return correctedAt != null ? correctedAt : enteredAt;
        }
    }

    /** {@code journal.absence.recorded.v1}, {@code .corrected.v1}, {@code .withdrawn.v1}. */
    record AbsenceChanged(@NotBlank String absenceId, @NotBlank String studentId, @NotNull LocalDate lessonDate,
            Integer lessonNumber, @NotBlank String schoolId, @NotBlank String subjectId, String reason,
            String correctionReason, @NotNull Instant enteredAt, Instant correctedAt, @Min(1) int version) {

        Instant happenedAt() {
            return correctedAt != null ? correctedAt : enteredAt;
        }
    }

    /** {@code journal.period-result.recorded.v1}, {@code .corrected.v1}. */
    record PeriodResultChanged(@NotBlank String resultId, @NotBlank String studentId, @NotBlank String schoolId,
            @NotBlank String subjectId, @NotBlank String periodKind, Integer periodNumber, @NotBlank String value,
            String previousValue, @NotNull Instant enteredAt, Instant correctedAt, @Min(1) int version) {

        Instant happenedAt() {
            return correctedAt != null ? correctedAt : enteredAt;
        }
    }
}
