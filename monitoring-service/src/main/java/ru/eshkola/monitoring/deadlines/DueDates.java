package ru.eshkola.monitoring.deadlines;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.eshkola.kit.calendar.ProductionCalendar;
import ru.eshkola.monitoring.schools.SchoolCalendar;
import ru.eshkola.monitoring.timetables.ClassTimetable;

/**
 * Computes deadlines as instants in the school's time zone. "Within N days of D" means by the end of day D + N
 * (counted in calendar days, or in working days: the production calendar's working days that are not in the
 * school's holidays); "on the day" is N = 0.
 */
@Component
class DueDates {

    private final DeadlineSettings settings;
    private final ProductionCalendar calendar;

    DueDates(DeadlineSettings settings, ProductionCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    /** Deadline of a rule counted in days from a date (lesson date, period end). */
    Instant due(Rule rule, SchoolCalendar school, LocalDate from) {
        DeadlineSettings.Term term = settings.term(rule);
        LocalDate last = term.dayKind() == DeadlineSettings.DayKind.WORKING
                ? plusWorkingDays(school, from, term.days())
                : from.plusDays(term.days());
        return endOf(school, last);
    }

    /** Homework: an hour (configurable) after the class's last lesson of the day; the day's end when unknown. */
    Instant homeworkDue(SchoolCalendar school, Optional<ClassTimetable> timetable, LocalDate date) {
        Optional<LocalTime> lastEnd = timetable.flatMap(t -> t.lastLessonEnd(date));
        if (lastEnd.isEmpty()) {
            return endOf(school, date);
        }
        Instant due = date.atTime(lastEnd.get()).atZone(school.zone()).toInstant()
                .plus(settings.homeworkAfterLastLesson());
        Instant endOfDay = endOf(school, date);
        return due.isAfter(endOfDay) ? endOfDay : due;
    }

    /** A week's timetable is due at the start of the week that many weeks before it. */
    Instant timetableDue(SchoolCalendar school, LocalDate monday) {
        return monday.minusWeeks(settings.timetableLeadWeeks()).atStartOfDay(school.zone()).toInstant();
    }

    static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static Instant endOf(SchoolCalendar school, LocalDate day) {
        return day.plusDays(1).atStartOfDay(school.zone()).toInstant();
    }

    /** A day with lessons possible: a production-calendar working day (or a Saturday) outside the holidays. */
    boolean isWorkingDay(SchoolCalendar school, LocalDate date) {
        return calendar.isWorkingDay(date) && !school.isHoliday(date);
    }

    /** A day lessons can be held on: not a Sunday, not a public holiday, not in the school's holidays. */
    boolean isSchoolDay(SchoolCalendar school, LocalDate date) {
        return school.isSchoolDay(date, calendar);
    }

    private LocalDate plusWorkingDays(SchoolCalendar school, LocalDate start, int days) {
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(school, date)) {
                counted++;
            }
        }
        return date;
    }
}
