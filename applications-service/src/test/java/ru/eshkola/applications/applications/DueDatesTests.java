package ru.eshkola.applications.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.eshkola.kit.calendar.CalendarFiles;
import ru.eshkola.kit.calendar.ProductionCalendar;

/** The decision is due 10 working days after receipt, by the production calendar the journal uses too. */
class DueDatesTests {

    static final ProductionCalendar CALENDAR = CalendarFiles.load(null);
    final ApplicationRegister register = new ApplicationRegister(null, null, null, null, null, CALENDAR,
            new ApplicationSettings(10, 1, Duration.ofDays(30), Map.of()), null);

    @Test
    void anApplicationReceivedBeforeNewYearIsDueAfterTheJanuaryHolidays() {
        // 29, 30 Dec; 31 Dec 2025 and 1–9 Jan 2026 are days off; then 12–16 and 19–21 Jan
        var due = register.dueDates(LocalDate.of(2025, 12, 26));
        assertThat(due.decision()).isEqualTo(LocalDate.of(2026, 1, 21));
        assertThat(due.registration()).isEqualTo(LocalDate.of(2025, 12, 29));
    }

    @Test
    void anApplicationReceivedOnTheLastWorkingDayOfTheYearIsRegisteredAfterTheHolidays() {
        assertThat(register.dueDates(LocalDate.of(2025, 12, 30)).registration()).isEqualTo(LocalDate.of(2026, 1, 12));
    }

    @Test
    void theMayHolidaysDoNotCount() {
        // 29, 30 Apr; 1, 2 May off; 5, 6, 7; 8, 9 May off; 12–16 May
        assertThat(register.dueDates(LocalDate.of(2025, 4, 28)).decision()).isEqualTo(LocalDate.of(2025, 5, 16));
    }

    @Test
    void theTransferredWorkingSaturdayCountsAndTheDaysOffAroundTheFourthOfNovemberDoNot() {
        // 28–31 Oct; Saturday 1 Nov 2025 is worked; 3, 4 Nov off; 5–7, 10, 11 Nov
        assertThat(register.dueDates(LocalDate.of(2025, 10, 27)).decision()).isEqualTo(LocalDate.of(2025, 11, 11));
        assertThat(register.dueDates(LocalDate.of(2025, 10, 31)).registration()).isEqualTo(LocalDate.of(2025, 11, 1));
    }

    @Test
    void anApplicationReceivedOnASundayCountsFromMonday() {
        assertThat(register.dueDates(LocalDate.of(2026, 11, 22)).decision()).isEqualTo(LocalDate.of(2026, 12, 4));
    }
}
