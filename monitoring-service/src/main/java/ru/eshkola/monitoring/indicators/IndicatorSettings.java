package ru.eshkola.monitoring.indicators;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code eshkola.monitoring.indicators.*}.
 *
 * @param onTimeThreshold a computed checklist cell is "+" when at least this share was entered on time
 * @param gaugeWindow     the days the per-school gauges cover, up to today
 * @param gaugeRefresh    how often the gauges are recomputed
 * @param regionTimeZone  whose "today" ends the default date range
 * @param maxRangeDays    the longest date range a request may ask for
 */
@Validated
@ConfigurationProperties("eshkola.monitoring.indicators")
public record IndicatorSettings(@DecimalMin("0") @DecimalMax("1") double onTimeThreshold,
        @NotNull Duration gaugeWindow, @NotNull Duration gaugeRefresh, @NotNull ZoneId regionTimeZone,
        @Min(1) int maxRangeDays) {
}
