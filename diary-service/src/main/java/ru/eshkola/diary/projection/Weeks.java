package ru.eshkola.diary.projection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** Diary weeks run Monday to Sunday (ISO); a week is named by its Monday. */
public final class Weeks {

    private Weeks() {
    }

    public static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The Mondays of every week that has at least one day in [from, to]. */
    public static List<LocalDate> mondays(LocalDate from, LocalDate to) {
        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate monday = monday(from); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            mondays.add(monday);
        }
        return mondays;
    }
}
