package ru.eshkola.notification.applicants;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * This service's tolerant readings of the applications service's events it mails about. Checked against the
 * producer's schema files and examples in {@code ApplicantContractTests}.
 */
final class ApplicantEvents {

    private ApplicantEvents() {
    }

    /** {@code applications.account.issued.v1}: credentials mail, and the account's contact. */
    record AccountIssued(@NotBlank String accountId, @NotBlank String login, @NotBlank String email,
            @NotBlank String name, @NotNull List<String> roles, @NotBlank String activationUrl,
            @NotNull Instant activationExpiresAt, String verificationHint, boolean reissue, @NotNull Instant issuedAt,
            @Min(1) int version) {
    }

    /** {@code applications.account.blocked.v1}: the account is no longer an active user. */
    record AccountBlocked(@NotBlank String accountId, @Min(1) int version) {
    }

    /** {@code applications.application.refused.v1}: the refusal notice by mail. */
    record ApplicationRefused(@NotBlank String applicationId, @NotBlank String schoolId,
            @NotBlank String registrationNumber, @NotBlank String applicantName, @NotBlank String contactEmail,
            @NotEmpty List<@NotBlank String> grounds, @NotNull Instant decidedAt, @NotBlank String noticeUrl,
            @Min(1) int version) {
    }

    /** {@code applications.application.terminated.v1}: the confirmation of termination. */
    record ApplicationTerminated(@NotBlank String applicationId, @NotBlank String schoolId,
            @NotBlank String registrationNumber, @NotBlank String applicantName, @NotBlank String contactEmail,
            @NotBlank String reason, @NotNull Instant terminatedAt, @Min(1) int version) {
    }

    /** {@code applications.complaint.answered.v1}: the answer by mail. */
    record ComplaintAnswered(@NotBlank String complaintId, @NotBlank String schoolId,
            @NotBlank String registrationNumber, @NotBlank String complainantName, @NotBlank String contactEmail,
            @NotBlank String outcome, @NotBlank String answer, @NotNull Instant answeredAt, @Min(1) int version) {
    }
}
