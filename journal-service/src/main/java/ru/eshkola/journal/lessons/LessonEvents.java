package ru.eshkola.journal.lessons;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The data of the lesson, grade and absence events, as in contracts/schemas/journal.{lesson,grade,absence}.*.json.
 * Fields that do not apply to a type are null and left out of the JSON.
 */
final class LessonEvents {

    private LessonEvents() {
    }

    record LessonData(String lessonId, String classId, String schoolId, String subjectId, String teacherId,
            String substituteTeacherId, LocalDate date, Integer lessonNumber, String group, String kind, String topic,
            Instant topicEnteredAt, HomeworkData homework, String status, int version, Instant enteredAt,
            Instant changedAt, String changedBy, String reason) {
    }

    record HomeworkData(String text, LocalDate dueDate, Instant enteredAt) {
    }

    record GradeData(String gradeId, String studentId, String lessonId, LocalDate lessonDate, String classId,
            String schoolId, String subjectId, String value, Double numericValue, String scale, double weight,
            String kind, String comment, Instant enteredAt, String enteredBy, int version, String previousValue,
            Double previousNumericValue, Double previousWeight, String reason, Instant correctedAt,
            String correctedBy) {
    }

    record AbsenceData(String absenceId, String studentId, String lessonId, LocalDate lessonDate, Integer lessonNumber,
            String classId, String schoolId, String subjectId, String reason, String reasonCode, Instant enteredAt,
            String enteredBy, int version, String previousReason, String previousReasonCode,
            String correctionReason, Instant correctedAt, String correctedBy) {
    }
}
