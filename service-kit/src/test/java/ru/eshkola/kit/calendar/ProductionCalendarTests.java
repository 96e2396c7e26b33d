package ru.eshkola.kit.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionCalendarTests {

    final ProductionCalendar calendar = CalendarFiles.load(null);

    @Test
    void theShippedYearsHaveTheirOfficialNumberOfWorkingDays() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31))).isEqualTo(247);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31))).isEqualTo(247);
        assertThat(calendar.knownYears()).contains(2025, 2026);
    }

    @Test
    void tenWorkingDaysFromChristmasWeekSkipNewYearHolidays() {
        // 26, 29, 30 Dec; 31 Dec 2025 and 1–9 Jan 2026 are days off; then 12–16 and 19–20 Jan
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 12, 25), 10)).isEqualTo(LocalDate.of(2026, 1, 20));
    }

    @Test
    void tenWorkingDaysAcrossTheMayHolidaysSkipBothLongWeekends() {
        // 29, 30 Apr; 1–4 May off; 5–7 May; 8–11 May off; 12–16 May
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 4, 28), 10)).isEqualTo(LocalDate.of(2025, 5, 16));
    }

    @Test
    void aTransferredWorkingSaturdayCountsAndTheDayOffItPaysForDoesNot() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 11, 1))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 11, 3))).isFalse();
        // 31 Oct (Fri), 1 Nov (working Saturday); 2–4 Nov off; 5 Nov
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 10, 30), 3)).isEqualTo(LocalDate.of(2025, 11, 5));
    }

    @Test
    void aHolidayOnAWeekendMovesToTheNextWeekdayInAYearWithoutData() {
        assertThat(calendar.isProvisional(2027)).isTrue();
        // 1 May 2027 is a Saturday, 9 May a Sunday, 12 June a Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 3))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 10))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 14))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 15))).isTrue();
        // January holidays on a weekend do not move by themselves
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 11))).isTrue();
    }

    @Test
    void publicHolidaysIncludeWeekendHolidaysAndTransferredDaysOffButNotOrdinaryWeekends() {
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 5, 9))).as("Victory Day on a Saturday").isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 5, 11))).as("its Monday off").isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 5, 16))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 5, 12))).isFalse();
    }

    @Test
    void anOperatorFileAddsANewYearAndReplacesAShippedOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2027.yml"), """
                year: 2027
                source: test decree
                nonWorkingDays: [2027-01-11]
                workingDays: [2027-01-09]
                """);
        Files.writeString(dir.resolve("2025.yml"), """
                year: 2025
                nonWorkingDays: [2025-01-01]
                workingDays: []
                """);
        ProductionCalendar extended = CalendarFiles.load("file:" + dir + "/");

        assertThat(extended.isProvisional(2027)).isFalse();
        assertThat(extended.isWorkingDay(LocalDate.of(2027, 1, 11))).isFalse();
        assertThat(extended.isWorkingDay(LocalDate.of(2027, 1, 9))).isTrue();
        assertThat(extended.isWorkingDay(LocalDate.of(2025, 11, 3))).as("replaced 2025 has no transfer").isTrue();
    }

    @Test
    void aFileListingAWeekendAsNonWorkingIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2028.yml"), "year: 2028\nnonWorkingDays: [2028-01-01]\n");
        assertThatThrownBy(() -> CalendarFiles.load("file:" + dir + "/"))
                .hasMessageContaining("2028.yml").hasMessageContaining("weekend");
    }
}
