package ru.eshkola.diary.extracts;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** This service's reading of {@code applications.application.granted.v1}: what an extract needs, ids and dates. */
final class ExtractEvents {

    private ExtractEvents() {
    }

    /** @param extractPeriod present for PAPER_EXTRACT (added to the contract as an optional field) */
    record ApplicationGranted(@NotBlank String applicationId, @NotBlank String schoolId, @NotBlank String kind,
            @NotEmpty List<@NotBlank String> studentIds, @Valid Period extractPeriod, @Min(1) long version) {
    }

    record Period(@NotNull LocalDate from, @NotNull LocalDate to) {
    }
}
