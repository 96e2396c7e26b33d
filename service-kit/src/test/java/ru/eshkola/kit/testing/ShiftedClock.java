package ru.eshkola.kit.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A service's {@code Clock} in integration tests: real time moved by an offset, so a test can stand on a holiday or
 * just past a deadline while time still runs for the broker, the outbox relay and token checks. Integration tests of
 * a service share one context, so a test that moves the clock back puts it back ({@link #reset()}); a suite whose
 * scheduled work must never see time go backwards uses only {@link #advanceTo} and {@link #advance}.
 * {@link Config} registers it as the primary {@code Clock}.
 */
public final class ShiftedClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** From now on the clock reads {@code instant} and runs on from there. */
    public void setTo(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    /** {@link #setTo(Instant)} with an ISO-8601 instant, e.g. {@code 2026-11-24T10:00:00Z}. */
    public void setTo(String instant) {
        setTo(Instant.parse(instant));
    }

    public void shift(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    /** Moves the clock forward to {@code instant}; never back (a later instant than now on this clock is kept). */
    public void advanceTo(Instant instant) {
        Duration wanted = Duration.between(Instant.now(), instant);
        offset.updateAndGet(current -> wanted.compareTo(current) > 0 ? wanted : current);
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("advance only moves forward: " + duration);
        }
        shift(duration);
    }

    /** Back to real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    /** Import it ({@code @Import(ShiftedClock.Config.class)}) to make the clock the context's primary {@code Clock}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        ShiftedClock shiftedClock() {
            return new ShiftedClock();
        }
    }
}
