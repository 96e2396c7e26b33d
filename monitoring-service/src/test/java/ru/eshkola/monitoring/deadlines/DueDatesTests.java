package ru.eshkola.monitoring.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.eshkola.kit.calendar.CalendarFiles;
import ru.eshkola.monitoring.schools.SchoolCalendar;
import ru.eshkola.monitoring.timetables.ClassTimetable;
import ru.eshkola.monitoring.timetables.TimetableChanged;

class DueDatesTests {

    static final SchoolCalendar SCHOOL = new SchoolCalendar("s", "c", "n", "n", "m", "m", "eshkola",
            ZoneId.of("Asia/Yekaterinburg"), List.of(new SchoolCalendar.Year("y", "2026/2027",
                    LocalDate.of(2026, 9, 1), LocalDate.of(2027, 5, 31), List.of(),
                    List.of(new SchoolCalendar.Holiday(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 11, 1), "осень")),
                    false)));

    static DueDates dueDates(DeadlineSettings.DayKind gradeDays) {
        return new DueDates(new DeadlineSettings(Map.of(Rule.GRADE_ENTRY, new DeadlineSettings.Term(5, gradeDays)),
                Duration.ofHours(1), 1, Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofHours(1)),
                CalendarFiles.load(""));
    }

    @Test
    void aGradeIsDueAtTheEndOfTheFifthCalendarDayInTheSchoolsTimeZone() {
        assertThat(dueDates(DeadlineSettings.DayKind.CALENDAR).due(Rule.GRADE_ENTRY, SCHOOL,
                LocalDate.of(2026, 11, 24))).isEqualTo(Instant.parse("2026-11-29T19:00:00Z"));
    }

    @Test
    void workingDaysSkipWeekendsSchoolHolidaysAndPublicHolidays() {
        assertThat(dueDates(DeadlineSettings.DayKind.WORKING).due(Rule.GRADE_ENTRY, SCHOOL,
                LocalDate.of(2026, 10, 23))).isEqualTo(Instant.parse("2026-11-09T19:00:00Z"));
    }

    @Test
    void periodResultsAreDueTwoDaysAfterThePeriodAndAbsencesOnTheDay() {
        DueDates dueDates = dueDates(DeadlineSettings.DayKind.CALENDAR);
        assertThat(dueDates.due(Rule.PERIOD_RESULT, SCHOOL, LocalDate.of(2026, 10, 23)))
                .isEqualTo(Instant.parse("2026-10-25T19:00:00Z"));
        assertThat(dueDates.due(Rule.ABSENCE_ENTRY, SCHOOL, LocalDate.of(2026, 11, 24)))
                .isEqualTo(Instant.parse("2026-11-24T19:00:00Z"));
    }

    @Test
    void homeworkIsDueAnHourAfterTheClasssLastLessonOfTheDay() {
        TimetableChanged.Slot first = new TimetableChanged.Slot(2, 1, LocalTime.of(8, 30), LocalTime.of(9, 10), "m",
                "t", null, LocalDate.of(2026, 9, 1), null);
        TimetableChanged.Slot last = new TimetableChanged.Slot(2, 6, LocalTime.of(13, 5), LocalTime.of(13, 45), "r",
                "t", null, LocalDate.of(2026, 9, 1), null);
        ClassTimetable timetable = new ClassTimetable("k", "s", "2026/2027", List.of(first, last), List.of(), 1,
                Instant.parse("2026-08-30T00:00:00Z"));
        DueDates dueDates = dueDates(DeadlineSettings.DayKind.CALENDAR);
        assertThat(dueDates.homeworkDue(SCHOOL, Optional.of(timetable), LocalDate.of(2026, 11, 24)))
                .isEqualTo(Instant.parse("2026-11-24T09:45:00Z")); // 14:45 local
        assertThat(dueDates.homeworkDue(SCHOOL, Optional.empty(), LocalDate.of(2026, 11, 24)))
                .as("without a timetable: the end of the day").isEqualTo(Instant.parse("2026-11-24T19:00:00Z"));
    }

    @Test
    void aCancelledLessonIsNotExpectedAndTheTimetableCoversOnlyWeeksWithValidSlots() {
        TimetableChanged.Slot tuesday = new TimetableChanged.Slot(2, 1, LocalTime.of(8, 30), LocalTime.of(9, 10),
                "m", "t", null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 27));
        ClassTimetable timetable = new ClassTimetable("k", "s", "2026/2027", List.of(tuesday),
                List.of(new TimetableChanged.Change(LocalDate.of(2026, 11, 24), 1, "CANCELLED", null, null, null,
                        null, null)), 1, Instant.parse("2026-08-30T00:00:00Z"));
        assertThat(timetable.lessonsOn(LocalDate.of(2026, 11, 24))).isEmpty();
        assertThat(timetable.lessonsOn(LocalDate.of(2026, 12, 1))).hasSize(1);
        assertThat(timetable.coversWeek(LocalDate.of(2026, 12, 21))).isTrue();
        assertThat(timetable.coversWeek(LocalDate.of(2026, 12, 28))).isFalse();
    }
}
