package ru.eshkola.monitoring.schools;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import ru.eshkola.kit.calendar.ProductionCalendar;

/**
 * What deadlines and indicators need to know of a school: where it is (municipality), which platform it uses, its
 * time zone (every deadline is computed in it) and its school years with periods and holidays.
 */
public record SchoolCalendar(String id, String code, String name, String shortName, String municipalityId,
        String municipalityName, String platform, ZoneId zone, List<Year> years) {

    public SchoolCalendar {
        years = List.copyOf(years);
    }

    /** The school year a date falls in, if one is configured. */
    public Optional<Year> yearOn(LocalDate date) {
        return years.stream().filter(y -> !date.isBefore(y.start()) && !date.isAfter(y.end())).findFirst();
    }

    public Optional<Year> yearLabelled(String label) {
        return years.stream().filter(y -> y.label().equals(label)).findFirst();
    }

    /** In the school's holidays (каникулы) of any configured year. */
    public boolean isHoliday(LocalDate date) {
        return years.stream().anyMatch(y -> y.isHoliday(date));
    }

    /** A day lessons can be held on: not a Sunday, not a public holiday, not in the holidays, in a school year. */
    public boolean isSchoolDay(LocalDate date, ProductionCalendar calendar) {
        return date.getDayOfWeek() != DayOfWeek.SUNDAY && !calendar.isPublicHoliday(date) && !isHoliday(date)
                && (years.isEmpty() || yearOn(date).isPresent());
    }

    public String displayName() {
        return shortName != null && !shortName.isBlank() ? shortName : name;
    }

    public record Year(String id, String label, LocalDate start, LocalDate end, List<Period> periods,
            List<Holiday> holidays, boolean closed) {

        public Year {
            periods = List.copyOf(periods);
            holidays = List.copyOf(holidays);
        }

        public boolean isHoliday(LocalDate date) {
            return holidays.stream().anyMatch(h -> !date.isBefore(h.from()) && !date.isAfter(h.to()));
        }
    }

    public record Period(String id, String kind, int number, LocalDate start, LocalDate end) {
    }

    public record Holiday(LocalDate from, LocalDate to, String name) {
    }
}
