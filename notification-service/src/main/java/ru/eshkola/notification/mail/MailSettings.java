package ru.eshkola.notification.mail;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outgoing mail queue and how it treats the mail server ({@code notification.mail.*}).
 *
 * @param from         the sender address ({@code MAIL_FROM})
 * @param fromName     the sender's display name
 * @param concurrency  SMTP conversations at once
 * @param batchSize    messages claimed per round
 * @param pollInterval how often the queue is searched for due messages (a message queued by this instance wakes
 *                     the sender at once)
 * @param lease        how long an instance owns the messages it claimed; an instance that dies leaves them to others
 *                     after this
 * @param retention    how long sent, failed and cancelled messages are kept for support (TTL index)
 * @param attempts     delivery attempts and backoff between them
 * @param rate         the send rate limit
 * @param breaker      the circuit breaker around the mail server
 * @param maxEventAge  events that happened longer ago than this mail nothing ({@code NOTIFICATION_MAX_EVENT_AGE}):
 *                     a new instance reading topics from the beginning, or a replay after the processed-event ids
 *                     expired, must not mail last year's grades
 */
@ConfigurationProperties("notification.mail")
@Validated
public record MailSettings(@NotBlank String from, @NotBlank String fromName,
        @DefaultValue("4") @Min(1) @Max(64) int concurrency,
        @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("2m") @NotNull Duration lease,
        @DefaultValue("365d") @NotNull Duration retention,
        @DefaultValue @Valid Attempts attempts,
        @DefaultValue @Valid Rate rate,
        @DefaultValue @Valid Breaker breaker,
        @DefaultValue("3d") @NotNull Duration maxEventAge) {

    /**
     * @param max           tries before a message is marked FAILED (calls refused by the open breaker are not tries)
     * @param backoff       wait after the first failed try, doubling
     * @param maxBackoff    the longest wait between tries
     * @param inCallRetries immediate retries within one try (a dropped connection), before it counts as failed
     * @param inCallWait    wait between immediate retries
     */
    public record Attempts(@DefaultValue("8") @Min(1) int max, @DefaultValue("30s") @NotNull Duration backoff,
            @DefaultValue("30m") @NotNull Duration maxBackoff, @DefaultValue("1") @Min(0) int inCallRetries,
            @DefaultValue("500ms") @NotNull Duration inCallWait) {
    }

    /**
     * @param perSecond mails per second at most, across this instance's SMTP conversations
     * @param timeout   how long a send waits for a permit before giving the message back to the queue
     */
    public record Rate(@DefaultValue("20") @Min(1) int perSecond, @DefaultValue("10s") @NotNull Duration timeout) {
    }

    /**
     * @param failureRate  percentage of failed calls in the window that opens the breaker
     * @param window       calls the failure rate is computed over
     * @param minimumCalls calls before the rate is judged
     * @param openFor      how long the breaker stays open before one trial call
     */
    public record Breaker(@DefaultValue("50") @Min(1) @Max(100) int failureRate,
            @DefaultValue("10") @Min(1) int window, @DefaultValue("5") @Min(1) int minimumCalls,
            @DefaultValue("30s") @NotNull Duration openFor) {
    }

    Duration backoff(int attempt) {
        long initial = attempts.backoff().toMillis();
        long millis = initial << Math.min(Math.max(attempt - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, attempts.maxBackoff().toMillis()));
    }
}
