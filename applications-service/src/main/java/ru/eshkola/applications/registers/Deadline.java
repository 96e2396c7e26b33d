package ru.eshkola.applications.registers;

import java.time.LocalDate;

import ru.eshkola.kit.calendar.ProductionCalendar;

/**
 * Where an open entry stands against its due date, judged on a day of the school's own calendar.
 *
 * @param stage           {@link Stage#ON_TIME}, {@link Stage#DUE_SOON} or {@link Stage#OVERDUE}
 * @param workingDaysLeft working days after today up to the due date; 0 on the due date and after it
 */
public record Deadline(Stage stage, int workingDaysLeft) {

    public enum Stage {
        ON_TIME, DUE_SOON, OVERDUE
    }

    /** The due date counts as a whole day: an entry is overdue only from the next day on. */
    public static Deadline of(LocalDate due, LocalDate today, int warnBeforeWorkingDays, ProductionCalendar calendar) {
        if (today.isAfter(due)) {
            return new Deadline(Stage.OVERDUE, 0);
        }
        int left = calendar.workingDaysBetween(today, due);
        return new Deadline(left <= warnBeforeWorkingDays ? Stage.DUE_SOON : Stage.ON_TIME, left);
    }
}
