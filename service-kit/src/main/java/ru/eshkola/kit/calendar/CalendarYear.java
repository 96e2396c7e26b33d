package ru.eshkola.kit.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * One year of the production calendar as the exceptions to a Monday–Friday week.
 *
 * @param year           the calendar year
 * @param nonWorkingDays Monday–Friday days that are not worked (holidays, days off moved onto weekdays)
 * @param workingDays    Saturdays and Sundays that are worked (transfers)
 * @param source         the legal act the data come from
 */
public record CalendarYear(int year, Set<LocalDate> nonWorkingDays, Set<LocalDate> workingDays, String source) {

    public CalendarYear {
        nonWorkingDays = Set.copyOf(nonWorkingDays);
        workingDays = Set.copyOf(workingDays);
        for (LocalDate day : nonWorkingDays) {
            check(day, year);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                throw new IllegalArgumentException(day + " is a weekend day; list only weekdays as non-working");
            }
        }
        for (LocalDate day : workingDays) {
            check(day, year);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new IllegalArgumentException(day + " is a weekday; list only weekends as working days");
            }
        }
    }

    private static void check(LocalDate day, int year) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " is not in " + year);
        }
    }
}
