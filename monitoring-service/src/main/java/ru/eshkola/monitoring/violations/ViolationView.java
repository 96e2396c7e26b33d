package ru.eshkola.monitoring.violations;

import java.time.Instant;
import java.time.LocalDate;

/** A violation as the REST API shows it: ids only, no names. */
public record ViolationView(String violationId, String rule, String kind, String state, String schoolId,
        String classId, String subjectId, String teacherId, String studentId, String lessonId, LocalDate lessonDate,
        String periodId, Instant dueAt, Instant detectedAt, Instant closedAt, String resolution, Instant enteredAt,
        int version) {
}
