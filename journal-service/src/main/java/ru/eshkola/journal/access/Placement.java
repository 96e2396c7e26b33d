package ru.eshkola.journal.access;

import java.time.LocalDate;

/** A student's enrolment as the access rules see it: in which class of which school, from when to when. */
public record Placement(String classId, String schoolId, LocalDate from, LocalDate to) {

    /** Not ended before the date: current, or starting later. */
    boolean openOn(LocalDate date) {
        return to == null || !to.isBefore(date);
    }
}
