package ru.eshkola.journal.access;

import java.time.LocalDate;
import java.util.List;

/**
 * What the access rules need to know of a class from the journal's own roster: its school, its class teacher and
 * who teaches which subject in it from when to when. The token's {@code teaching} claim is only a snapshot of the
 * day it was issued; the journal judges teachers on these dated assignments.
 */
public record ClassScope(String classId, String schoolId, String classTeacherId, List<Teaching> teaching) {

    public ClassScope {
        teaching = List.copyOf(teaching);
    }

    /** One teaching assignment: a teacher teaches a subject in the class from a date, until a date or open. */
    public record Teaching(String subjectId, String teacherId, LocalDate from, LocalDate to) {

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }

        boolean overlaps(LocalDate start, LocalDate end) {
            return !from.isAfter(end) && (to == null || !to.isBefore(start));
        }
    }

    /** The teacher is assigned to the subject in this class on the date. */
    boolean teaches(String teacherId, String subjectId, LocalDate date) {
        return teaching.stream().anyMatch(t -> t.teacherId().equals(teacherId) && t.subjectId().equals(subjectId)
                && t.covers(date));
    }

    /** The teacher is assigned to the subject in this class on some day of the range. */
    boolean teachesDuring(String teacherId, String subjectId, LocalDate from, LocalDate to) {
        return teaching.stream().anyMatch(t -> t.teacherId().equals(teacherId) && t.subjectId().equals(subjectId)
                && t.overlaps(from, to));
    }

    /** The teacher teaches any subject in this class on some day of the range. */
    boolean teachesAnythingDuring(String teacherId, LocalDate from, LocalDate to) {
        return teaching.stream().anyMatch(t -> t.teacherId().equals(teacherId) && t.overlaps(from, to));
    }
}
