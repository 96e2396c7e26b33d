package ru.eshkola.monitoring.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.eshkola.monitoring.deadlines.JournalEntryEvents.AbsenceChanged;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.GradeChanged;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.LessonChanged;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.PeriodResultChanged;
import ru.eshkola.monitoring.schools.SchoolCalendar;
import ru.eshkola.monitoring.schools.SchoolCalendars;
import ru.eshkola.monitoring.schools.SchoolKnown;
import ru.eshkola.monitoring.timetables.Timetables;

/**
 * Turns the journal's entry events into deadline changes: which expected entry an event is about (its id), when
 * that entry was due in the school's time zone, and whether it was made or withdrawn.
 */
@Component
class Entries {

    private final DeadlineBook book;
    private final DueDates dueDates;
    private final SchoolCalendars schools;
    private final Timetables timetables;

    Entries(DeadlineBook book, DueDates dueDates, SchoolCalendars schools, Timetables timetables) {
        this.book = book;
        this.dueDates = dueDates;
        this.schools = schools;
        this.timetables = timetables;
    }

    static String lessonTopicId(String classId, LocalDate date, int lessonNumber, String group) {
        return Rule.LESSON_TOPIC.name() + ":" + classId + ":" + date + ":" + lessonNumber
                + (group == null || group.isBlank() ? "" : ":" + group);
    }

    static String periodResultId(String classId, String periodId, String studentId, String subjectId) {
        return Rule.PERIOD_RESULT.name() + ":" + classId + ":" + periodId + ":" + studentId + ":" + subjectId;
    }

    static String timetableId(String classId, LocalDate monday) {
        return Rule.TIMETABLE.name() + ":" + classId + ":" + monday;
    }

    /** The lesson's record (topic) and its homework. */
    void lesson(LessonChanged lesson) {
        LocalDate dataDay = dataDay(lesson.schoolId(), lesson.changedAt() != null ? lesson.changedAt()
                : lesson.enteredAt());
        boolean timetabled = !"ASSESSMENT".equals(lesson.kind()) && lesson.lessonNumber() != null;
        if (timetabled) {
            Deadline topic = template(lessonTopicId(lesson.classId(), lesson.date(), lesson.lessonNumber(),
                    lesson.group()), Rule.LESSON_TOPIC, lesson.schoolId(), lesson.classId(), lesson.subjectId(),
                    lesson.responsibleTeacher(), null, lesson.lessonId(), lesson.date(), null, lesson.date(),
                    due(Rule.LESSON_TOPIC, lesson.schoolId(), lesson.date()));
            if (!lesson.conducted()) {
                book.withdraw(topic, lesson.version(), dataDay);
            } else if (lesson.topicEnteredAt() != null) {
                book.enter(topic, lesson.topicEnteredAt(), lesson.version(), dataDay);
            }
        }
        Deadline homework = template(Rule.HOMEWORK.name() + ":" + lesson.lessonId(), Rule.HOMEWORK,
                lesson.schoolId(), lesson.classId(), lesson.subjectId(), lesson.responsibleTeacher(), null,
                lesson.lessonId(), lesson.date(), null, lesson.date(), homeworkDue(lesson.schoolId(),
                        lesson.classId(), lesson.date()));
        if (lesson.homework() != null && lesson.conducted()) {
            book.enter(homework, lesson.homework().enteredAt(), lesson.version(), timetabled ? null : dataDay);
        } else if (book.find(homework.id()).isPresent()) {
            book.withdraw(homework, lesson.version(), null);
        }
    }

    void grade(GradeChanged grade, boolean withdrawn) {
        Deadline deadline = template(Rule.GRADE_ENTRY.name() + ":" + grade.gradeId(), Rule.GRADE_ENTRY,
                grade.schoolId(), grade.classId(), grade.subjectId(), grade.enteredBy(), grade.studentId(),
                grade.lessonId(), grade.lessonDate(), null, grade.lessonDate(),
                due(Rule.GRADE_ENTRY, grade.schoolId(), grade.lessonDate()));
        LocalDate dataDay = dataDay(grade.schoolId(), grade.correctedAt() != null ? grade.correctedAt()
                : grade.enteredAt());
        if (withdrawn) {
            book.withdraw(deadline, grade.version(), dataDay);
        } else {
            book.enter(deadline, grade.enteredAt(), grade.version(), dataDay);
        }
    }

    void absence(AbsenceChanged absence, boolean withdrawn) {
        Deadline deadline = template(Rule.ABSENCE_ENTRY.name() + ":" + absence.absenceId(), Rule.ABSENCE_ENTRY,
                absence.schoolId(), absence.classId(), absence.subjectId(), absence.enteredBy(), absence.studentId(),
                absence.lessonId(), absence.lessonDate(), null, absence.lessonDate(),
                due(Rule.ABSENCE_ENTRY, absence.schoolId(), absence.lessonDate()));
        LocalDate dataDay = dataDay(absence.schoolId(), absence.correctedAt() != null ? absence.correctedAt()
                : absence.enteredAt());
        if (withdrawn) {
            book.withdraw(deadline, absence.version(), dataDay);
        } else {
            book.enter(deadline, absence.enteredAt(), absence.version(), dataDay);
        }
    }

    void periodResult(PeriodResultChanged result) {
        Deadline deadline = template(periodResultId(result.classId(), result.periodId(), result.studentId(),
                result.subjectId()), Rule.PERIOD_RESULT, result.schoolId(), result.classId(), result.subjectId(),
                result.enteredBy(), result.studentId(), null, null, result.periodId(), result.periodEnd(),
                due(Rule.PERIOD_RESULT, result.schoolId(), result.periodEnd()));
        LocalDate dataDay = dataDay(result.schoolId(), result.correctedAt() != null ? result.correctedAt()
                : result.enteredAt());
        book.enter(deadline, result.enteredAt(), result.version(), dataDay);
    }

    /** Entries that arrived before their school was known are judged once it is. */
    @EventListener
    void schoolKnown(SchoolKnown school) {
        book.judgeWaiting(school.schoolId(), d -> d.withDue(switch (d.rule()) {
            case HOMEWORK -> homeworkDue(d.schoolId(), d.classId(), d.countedDay());
            case TIMETABLE -> schools.of(d.schoolId()).map(s -> dueDates.timetableDue(s, d.countedDay()))
                    .orElse(null);
            default -> due(d.rule(), d.schoolId(), d.countedDay());
        }));
    }

    private Instant due(Rule rule, String schoolId, LocalDate from) {
        return schools.of(schoolId).map(school -> dueDates.due(rule, school, from)).orElse(null);
    }

    private Instant homeworkDue(String schoolId, String classId, LocalDate date) {
        return schools.of(schoolId).map(school -> dueDates.homeworkDue(school, timetables.of(classId), date))
                .orElse(null);
    }

    /** The school day on which the diary got the entry. */
    private LocalDate dataDay(String schoolId, Instant at) {
        Optional<SchoolCalendar> school = schools.of(schoolId);
        return at == null || school.isEmpty() ? null : at.atZone(school.get().zone()).toLocalDate();
    }

    static Deadline template(String id, Rule rule, String schoolId, String classId, String subjectId,
            String teacherId, String studentId, String lessonId, LocalDate lessonDate, String periodId, LocalDate day,
            Instant dueAt) {
        return new Deadline(id, rule, schoolId, classId, subjectId, teacherId, studentId, lessonId,
                lessonDate == null ? null : lessonDate.toString(), periodId, day.toString(), dueAt,
                DeadlineState.PENDING, null, null, false, 0, 0);
    }
}
