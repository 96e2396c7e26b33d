package ru.eshkola.monitoring.schools;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Monitoring's own tolerant reading of {@code journal.school.registered.v1}: only the fields it uses, validated;
 * anything else the journal adds is ignored.
 */
record SchoolRegistered(@NotBlank String schoolId, String code, @NotBlank String name, String shortName,
        @NotBlank String municipalityId, String municipalityName, @NotBlank String timeZone, String platform,
        @NotNull Instant registeredAt) {
}
