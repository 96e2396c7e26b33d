package ru.eshkola.monitoring.registers;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Monitoring's tolerant readings of applications-service's register events: ids, dates and whether things were on
 * time; never the applicants' names or e-mails, which these records simply do not read.
 */
final class ApplicationsEvents {

    private ApplicationsEvents() {
    }

    /** {@code applications.application.received/granted/refused/terminated.v1}, {@code decision.overdue.v1}. */
    record ApplicationChanged(@NotBlank String applicationId, @NotBlank String schoolId, String kind,
            Instant receivedAt, Instant registeredAt, LocalDate decisionDue, Instant decidedAt, Boolean onTime,
            Instant terminatedAt, String stage, @Min(1) int version) {
    }

    /** {@code applications.consent.given/withdrawn.v1}. */
    record ConsentChanged(@NotBlank String consentId, @NotBlank String schoolId, @NotBlank String studentId,
            Instant givenAt, Instant withdrawnAt, @Min(1) int version) {
    }

    /** {@code applications.account.issued/blocked.v1}: only the id and the dates, never login, e-mail or name. */
    record AccountChanged(@NotBlank String accountId, Instant issuedAt, Instant blockedAt, @Min(1) int version) {
    }

    /** {@code applications.complaint.registered/answered/overdue.v1}. */
    record ComplaintChanged(@NotBlank String complaintId, @NotBlank String schoolId, Instant registeredAt,
            LocalDate answerDue, Instant answeredAt, Boolean onTime, String stage, @Min(1) int version) {
    }
}
