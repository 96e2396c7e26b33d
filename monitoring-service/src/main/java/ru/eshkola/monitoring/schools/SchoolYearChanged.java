package ru.eshkola.monitoring.schools;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Monitoring's tolerant reading of {@code journal.school-year.configured.v1} and {@code .closed.v1} (the whole year
 * each time): the periods whose results are due after their end, and the holidays that are not working days.
 */
record SchoolYearChanged(@NotBlank String schoolYearId, @NotBlank String schoolId, @NotBlank String label,
        @NotNull LocalDate start, @NotNull LocalDate end, @NotNull List<@Valid @NotNull Period> periods,
        @NotNull List<@Valid @NotNull Holiday> holidays, boolean closed, @Min(1) int version) {

    record Period(@NotBlank String periodId, @NotBlank String kind, int number, @NotNull LocalDate start,
            @NotNull LocalDate end) {
    }

    record Holiday(@NotNull LocalDate from, @NotNull LocalDate to, String name) {
    }
}
