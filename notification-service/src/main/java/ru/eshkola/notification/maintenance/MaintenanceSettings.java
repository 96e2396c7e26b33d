package ru.eshkola.notification.maintenance;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The 2012 Ministry guidance (../shared/REQUIREMENTS.md item 41): planned maintenance 02:00–06:00 local time; longer
 * work (up to a day) only in school holidays and announced a week ahead.
 *
 * @param nightStart    start of the allowed night window, local time
 * @param nightEnd      end of the allowed night window, local time
 * @param minNotice     how far ahead a window outside the night window must be announced
 * @param longWork      "a few hours": a daytime window longer than this gets a warning (school holidays only)
 * @param maxDuration   the longest window accepted at all ("up to one day")
 * @param lateNotice    a night window announced less than this ahead gets a warning
 * @param reminders     how long before the start each reminder goes out (a reminder already past is skipped)
 * @param announceRetry how often windows whose announcement was interrupted are announced again
 */
@ConfigurationProperties("notification.maintenance")
@Validated
public record MaintenanceSettings(@DefaultValue("02:00") @NotNull LocalTime nightStart,
        @DefaultValue("06:00") @NotNull LocalTime nightEnd, @DefaultValue("7d") @NotNull Duration minNotice,
        @DefaultValue("4h") @NotNull Duration longWork, @DefaultValue("24h") @NotNull Duration maxDuration,
        @DefaultValue("24h") @NotNull Duration lateNotice,
        @DefaultValue({"24h", "1h"}) @NotEmpty List<Duration> reminders,
        @DefaultValue("1m") @NotNull Duration announceRetry) {
}
