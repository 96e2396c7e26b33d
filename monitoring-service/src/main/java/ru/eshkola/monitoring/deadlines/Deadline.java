package ru.eshkola.monitoring.deadlines;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.monitoring.violations.ViolationFacts;

/**
 * One expected entry and where it stands: the fact indicators are counted from and violations are derived from.
 * {@code _id} is the rule plus the entry's natural key (it is also the violation's id), so every event about the
 * entry is a read and a write by {@code _id}; {@code rev} guards each write against a concurrent one.
 *
 * @param day              the day the entry is counted on: the lesson date, the period's end, the week's Monday
 * @param violation        the kind of violation this entry ever had (MISSING or LATE), null when none
 * @param violationPending set in the same write as a change that affects the violation, cleared once the violation
 *                         was brought in line: whatever a crash interrupted is found and finished
 * @param entryVersion     the journal's version of the entry last applied; older events are dropped
 */
@Document("deadlines")
@CompoundIndexes({
        @CompoundIndex(name = "state_due", def = "{'state': 1, 'dueAt': 1}"),
        @CompoundIndex(name = "school_state", def = "{'schoolId': 1, 'state': 1}"),
        @CompoundIndex(name = "violation_pending", def = "{'violationPending': 1}")})
record Deadline(@Id String id, Rule rule, String schoolId, String classId, String subjectId, String teacherId,
        String studentId, String lessonId, String lessonDate, String periodId, String day, Instant dueAt,
        DeadlineState state, Instant enteredAt, String violation, boolean violationPending, int entryVersion,
        long rev) {

    Deadline with(DeadlineState newState, Instant newEnteredAt) {
        return new Deadline(id, rule, schoolId, classId, subjectId, teacherId, studentId, lessonId, lessonDate,
                periodId, day, dueAt, newState, newEnteredAt, violation, violationPending, entryVersion, rev);
    }

    Deadline withDue(Instant newDueAt) {
        return new Deadline(id, rule, schoolId, classId, subjectId, teacherId, studentId, lessonId, lessonDate,
                periodId, day, newDueAt, state, enteredAt, violation, violationPending, entryVersion, rev);
    }

    Deadline withTeaching(String newSubjectId, String newTeacherId) {
        return new Deadline(id, rule, schoolId, classId, newSubjectId, newTeacherId, studentId, lessonId,
                lessonDate, periodId, day, dueAt, state, enteredAt, violation, violationPending, entryVersion, rev);
    }

    Deadline withLesson(String newLessonId) {
        return new Deadline(id, rule, schoolId, classId, subjectId, teacherId, studentId, newLessonId, lessonDate,
                periodId, day, dueAt, state, enteredAt, violation, violationPending, entryVersion, rev);
    }

    Deadline withVersion(int version) {
        return new Deadline(id, rule, schoolId, classId, subjectId, teacherId, studentId, lessonId, lessonDate,
                periodId, day, dueAt, state, enteredAt, violation, violationPending, version, rev);
    }

    Deadline withViolation(String kind, boolean pending) {
        return new Deadline(id, rule, schoolId, classId, subjectId, teacherId, studentId, lessonId, lessonDate,
                periodId, day, dueAt, state, enteredAt, kind, pending, entryVersion, rev);
    }

    Deadline withRev(long newRev) {
        return new Deadline(id, rule, schoolId, classId, subjectId, teacherId, studentId, lessonId, lessonDate,
                periodId, day, dueAt, state, enteredAt, violation, violationPending, entryVersion, newRev);
    }

    LocalDate countedDay() {
        return LocalDate.parse(day);
    }

    ViolationFacts facts() {
        return new ViolationFacts(id, rule.name(), schoolId, classId, subjectId, teacherId, studentId, lessonId,
                lessonDate == null ? null : LocalDate.parse(lessonDate), periodId, dueAt);
    }

    /** The same content, whatever the revision: what decides whether a write is needed. */
    boolean sameAs(Deadline other) {
        return other != null && withRev(0).equals(other.withRev(0));
    }
}
