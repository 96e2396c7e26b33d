package ru.eshkola.kit.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Russian production calendar (производственный календарь): which days are worked under a five-day week.
 *
 * <p>A year is either given as data ({@link CalendarYear}, shipped for the years known when the platform was
 * built, extended by operators for new ones), or — when no data exists — derived from the Labour Code alone
 * (ст. 112: the fixed holidays, and a holiday falling on a weekend moves to the next working day, except the
 * January ones). A derived year lacks the Government's transfers and is reported {@linkplain #isProvisional(int)
 * provisional}.
 *
 * <p>Deadlines in working days (10 working days to refuse an application, 15 to answer a complaint, a configurable
 * rule in monitoring) are all computed here, once for the platform.
 */
public final class ProductionCalendar {

    private static final Set<MonthDay> STATUTORY_HOLIDAYS = Set.of(
            MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4), MonthDay.of(1, 5),
            MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23), MonthDay.of(3, 8),
            MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4));

    private final Map<Integer, CalendarYear> years;
    private final Map<Integer, CalendarYear> derived = new ConcurrentHashMap<>();

    public ProductionCalendar(Map<Integer, CalendarYear> years) {
        this.years = Map.copyOf(years);
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarYear year = year(date.getYear());
        if (year.workingDays().contains(date)) {
            return true;
        }
        if (year.nonWorkingDays().contains(date)) {
            return false;
        }
        return !isWeekend(date);
    }

    /**
     * A public holiday or a weekday off by a transfer: no lessons even in a six-day school week. Ordinary Saturdays
     * and Sundays are not public holidays.
     */
    public boolean isPublicHoliday(LocalDate date) {
        return STATUTORY_HOLIDAYS.contains(MonthDay.from(date)) || year(date.getYear()).nonWorkingDays().contains(date);
    }

    /** The day {@code days} working days after {@code start} ({@code start} itself not counted). */
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** Working days after {@code fromExclusive} up to and including {@code toInclusive}; 0 when not after. */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The first working day on or after {@code date}. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** True when the year is derived from the Labour Code only, without the Government's transfers. */
    public boolean isProvisional(int year) {
        return !years.containsKey(year);
    }

    /** The years given as data. */
    public Set<Integer> knownYears() {
        return new TreeSet<>(years.keySet());
    }

    private CalendarYear year(int year) {
        CalendarYear known = years.get(year);
        return known != null ? known : derived.computeIfAbsent(year, ProductionCalendar::statutory);
    }

    /** Ст. 112 ТК РФ without a transfer decree: weekday holidays, and weekend holidays moved to the next weekday. */
    static CalendarYear statutory(int year) {
        Set<LocalDate> off = new TreeSet<>();
        for (MonthDay holiday : STATUTORY_HOLIDAYS) {
            LocalDate date = holiday.atYear(year);
            if (!isWeekend(date)) {
                off.add(date);
            } else if (date.getMonthValue() != 1) {
                LocalDate moved = date.plusDays(1);
                while (isWeekend(moved) || off.contains(moved) || STATUTORY_HOLIDAYS.contains(MonthDay.from(moved))) {
                    moved = moved.plusDays(1);
                }
                off.add(moved);
            }
        }
        return new CalendarYear(year, off, Set.of(), "ТК РФ ст. 112 only (provisional: no transfer decree known)");
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
