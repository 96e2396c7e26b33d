package ru.eshkola.notification.mail;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Whether an event is recent enough to mail about ({@code notification.mail.max-event-age}), judged by when the change
 * it reports happened, not when it was consumed.
 */
@Component
public class Freshness {

    private final Clock clock;
    private final MailSettings settings;
    private final MeterRegistry meters;

    Freshness(Clock clock, MailSettings settings, MeterRegistry meters) {
        this.clock = clock;
        this.settings = settings;
        this.meters = meters;
    }

    /** True (and counted) when the change happened too long ago to mail about. */
    public boolean tooOld(Instant happenedAt, String type) {
        if (happenedAt != null && happenedAt.isBefore(clock.instant().minus(settings.maxEventAge()))) {
            meters.counter("eshkola.notification.events.skipped", "type", type, "reason", "too-old").increment();
            return true;
        }
        return false;
    }
}
