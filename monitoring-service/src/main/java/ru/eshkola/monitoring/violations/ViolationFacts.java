package ru.eshkola.monitoring.violations;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a violation is about: the expected entry behind it (the deadline's rule and natural key) and when it was due.
 *
 * @param violationId stable, derived from the rule and the entry's natural key ({@code GRADE_ENTRY:<gradeId>})
 */
public record ViolationFacts(String violationId, String rule, String schoolId, String classId, String subjectId,
        String teacherId, String studentId, String lessonId, LocalDate lessonDate, String periodId, Instant dueAt) {
}
