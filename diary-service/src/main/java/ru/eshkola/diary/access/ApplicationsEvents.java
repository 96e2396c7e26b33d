package ru.eshkola.diary.access;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * This service's reading of applications-service's access and account events: ids and dates only. Checked against
 * the producer's schema files and examples in {@code ApplicationsContractTests}.
 */
final class ApplicationsEvents {

    private ApplicationsEvents() {
    }

    /** applications.access.granted/revoked.v1 (key studentId): an account may read a student's diary, or no more. */
    record AccessChanged(@NotBlank String accessId, @NotBlank String guardianAccountId, @NotBlank String studentId,
            String schoolId, String applicationId, @NotNull LocalDate from, LocalDate to, @Min(1) long version) {
    }

    /** applications.account.blocked.v1: the account's tokens issued up to {@code tokensInvalidBefore} are void. */
    record AccountBlocked(@NotBlank String accountId, @NotNull Instant tokensInvalidBefore) {
    }
}
