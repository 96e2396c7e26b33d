package ru.eshkola.notification.extracts;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** This service's tolerant reading of the diary's {@code diary.extract.ready.v1}; see {@code ExtractContractTests}. */
final class ExtractEvents {

    private ExtractEvents() {
    }

    record ExtractReady(@NotBlank String extractId, String applicationId, @NotBlank String studentId,
            @NotBlank String schoolId, @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo,
            @NotBlank String downloadPath, @Min(1) int pages, @NotNull Instant readyAt, @Min(1) int version) {
    }
}
