package ru.eshkola.journal.lessons;

/** A lesson of the timetable, or a dated assessment without a lesson. */
public enum LessonKind {
    LESSON, ASSESSMENT
}
