package ru.eshkola.applications.registers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ru.eshkola.kit.calendar.CalendarFiles;
import ru.eshkola.kit.calendar.ProductionCalendar;

class DeadlineTests {

    static final ProductionCalendar CALENDAR = CalendarFiles.load(null);
    static final LocalDate DUE = LocalDate.of(2026, 1, 21);

    @Test
    void anEntryIsDueSoonWithinTheWarningsWorkingDaysAndOverdueOnlyAfterTheDueDay() {
        assertThat(Deadline.of(DUE, LocalDate.of(2026, 1, 16), 2, CALENDAR))
                .isEqualTo(new Deadline(Deadline.Stage.ON_TIME, 3));
        assertThat(Deadline.of(DUE, LocalDate.of(2026, 1, 19), 2, CALENDAR))
                .isEqualTo(new Deadline(Deadline.Stage.DUE_SOON, 2));
        assertThat(Deadline.of(DUE, DUE, 2, CALENDAR)).isEqualTo(new Deadline(Deadline.Stage.DUE_SOON, 0));
        assertThat(Deadline.of(DUE, DUE.plusDays(1), 2, CALENDAR)).isEqualTo(new Deadline(Deadline.Stage.OVERDUE, 0));
    }

    @Test
    void holidaysAreNotCountedAsDaysLeft() {
        // from 30 Dec 2025 to 13 Jan 2026: 31 Dec and 1–9 Jan are off, so only 12 and 13 Jan remain
        assertThat(Deadline.of(LocalDate.of(2026, 1, 13), LocalDate.of(2025, 12, 30), 2, CALENDAR))
                .isEqualTo(new Deadline(Deadline.Stage.DUE_SOON, 2));
    }
}
