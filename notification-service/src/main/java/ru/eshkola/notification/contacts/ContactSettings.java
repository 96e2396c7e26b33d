package ru.eshkola.notification.contacts;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultZone time zone used for a school not known yet (its registration event has not arrived) and for the
 *                    region as a whole when it has none
 * @param cacheTtl    how long school, subject and class names and a school's administrators are held in memory
 */
@ConfigurationProperties("notification.contacts")
@Validated
public record ContactSettings(@DefaultValue("Asia/Yekaterinburg") @NotNull ZoneId defaultZone,
        @DefaultValue("1m") @NotNull Duration cacheTtl) {
}
