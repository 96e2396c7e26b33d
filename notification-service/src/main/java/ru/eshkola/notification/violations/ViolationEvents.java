package ru.eshkola.notification.violations;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * This service's tolerant reading of monitoring's {@code monitoring.violation.opened.v1} and {@code .closed.v1}
 * (the closed one adds closedAt, resolution, enteredAt). Checked against monitoring's schema files in
 * {@code ViolationContractTests}.
 */
final class ViolationEvents {

    private ViolationEvents() {
    }

    record ViolationChanged(@NotBlank String violationId, @NotBlank String rule, String kind,
            @NotBlank String schoolId, String classId, String subjectId, String teacherId, String studentId,
            LocalDate lessonDate, @NotNull Instant dueAt, Instant detectedAt, Instant closedAt, String resolution,
            Instant enteredAt, @Min(1) int version) {
    }
}
