package ru.eshkola.journal.lessons;

import java.time.LocalDate;
import java.util.List;

/**
 * What a teacher submits about a lesson, validated: the lesson's own record and every grade and absence.
 */
record Content(String topic, Homework homework, String substituteTeacherId, List<GradeInput> grades,
        List<AbsenceInput> absences) {

    LessonPart lessonPart() {
        return new LessonPart(topic, homework, substituteTeacherId);
    }

    /** The lesson's own record, versioned as a whole. */
    record LessonPart(String topic, Homework homework, String substituteTeacherId) {
    }

    record Homework(String text, LocalDate dueDate) {
    }
}
