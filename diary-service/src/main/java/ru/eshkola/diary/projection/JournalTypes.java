package ru.eshkola.diary.projection;

import java.util.Map;
import java.util.Set;

/** The journal event types the diary reads, with this service's record for each, and the types it knowingly skips. */
final class JournalTypes {

    static final Map<String, Class<?>> HANDLED = Map.ofEntries(
            Map.entry("journal.lesson.recorded.v1", JournalEvents.LessonChanged.class),
            Map.entry("journal.lesson.corrected.v1", JournalEvents.LessonChanged.class),
            Map.entry("journal.lesson.cancelled.v1", JournalEvents.LessonChanged.class),
            Map.entry("journal.grade.recorded.v1", JournalEvents.GradeChanged.class),
            Map.entry("journal.grade.corrected.v1", JournalEvents.GradeChanged.class),
            Map.entry("journal.grade.withdrawn.v1", JournalEvents.GradeChanged.class),
            Map.entry("journal.absence.recorded.v1", JournalEvents.AbsenceChanged.class),
            Map.entry("journal.absence.corrected.v1", JournalEvents.AbsenceChanged.class),
            Map.entry("journal.absence.withdrawn.v1", JournalEvents.AbsenceChanged.class),
            Map.entry("journal.period-result.recorded.v1", JournalEvents.PeriodResultChanged.class),
            Map.entry("journal.period-result.corrected.v1", JournalEvents.PeriodResultChanged.class),
            Map.entry("journal.timetable.changed.v1", JournalEvents.TimetableChanged.class),
            Map.entry("journal.student.registered.v1", JournalEvents.StudentChanged.class),
            Map.entry("journal.student.updated.v1", JournalEvents.StudentChanged.class),
            Map.entry("journal.class.opened.v1", JournalEvents.ClassChanged.class),
            Map.entry("journal.class.updated.v1", JournalEvents.ClassChanged.class),
            Map.entry("journal.enrolment.started.v1", JournalEvents.EnrolmentChanged.class),
            Map.entry("journal.enrolment.ended.v1", JournalEvents.EnrolmentChanged.class),
            Map.entry("journal.subject.defined.v1", JournalEvents.SubjectDefined.class),
            Map.entry("journal.staff.registered.v1", JournalEvents.StaffChanged.class),
            Map.entry("journal.staff.updated.v1", JournalEvents.StaffChanged.class),
            Map.entry("journal.school.registered.v1", JournalEvents.SchoolRegistered.class),
            Map.entry("journal.school-year.configured.v1", JournalEvents.SchoolYearChanged.class),
            Map.entry("journal.school-year.closed.v1", JournalEvents.SchoolYearChanged.class));

    /** Teaching assignments: the lesson itself names its teacher. */
    static final Set<String> IGNORED = Set.of("journal.assignment.started.v1", "journal.assignment.ended.v1");

    /** Every journal topic the projection is built from. */
    static final java.util.List<String> TOPICS = java.util.List.of("journal.schools", "journal.subjects",
            "journal.staff", "journal.students", "journal.classes", "journal.timetables", "journal.lessons",
            "journal.grades", "journal.absences", "journal.period-results");

    private JournalTypes() {
    }
}
