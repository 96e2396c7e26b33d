package ru.eshkola.monitoring.timetables;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Monitoring's tolerant reading of {@code journal.timetable.changed.v1}: the class's whole current timetable, weekly
 * slots and one-off changes.
 */
public record TimetableChanged(@NotBlank String classId, @NotBlank String schoolId, String schoolYear,
        @NotNull List<@Valid @NotNull Slot> slots, @NotNull List<@Valid @NotNull Change> changes,
        @Min(1) int version, @NotNull Instant changedAt) {

    public record Slot(@Min(1) @Max(7) int weekday, int lessonNumber, @NotNull LocalTime startTime,
            @NotNull LocalTime endTime, @NotBlank String subjectId, @NotBlank String teacherId, String group,
            @NotNull LocalDate validFrom, LocalDate validTo) {
    }

    public record Change(@NotNull LocalDate date, int lessonNumber, @NotBlank String kind, String subjectId,
            String teacherId, LocalTime startTime, LocalTime endTime, String group) {
    }
}
