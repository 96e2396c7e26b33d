package ru.eshkola.applications.registers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The watch over open decisions and complaint answers ({@code eshkola.deadlines.*}).
 *
 * @param checkInterval         how often open entries are checked against their due dates
 * @param warnBeforeWorkingDays an entry is "due soon" when at most this many working days are left
 */
@ConfigurationProperties("eshkola.deadlines")
public record DeadlineSettings(@DefaultValue("1m") Duration checkInterval,
        @DefaultValue("2") int warnBeforeWorkingDays) {
}
