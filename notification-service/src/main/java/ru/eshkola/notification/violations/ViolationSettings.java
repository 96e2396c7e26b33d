package ru.eshkola.notification.violations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param sendHour local hour (the school's time zone) of the day's violation mail to teachers and administrators;
 *                 violations detected after it go into the next day's mail
 */
@ConfigurationProperties("notification.violations")
@Validated
public record ViolationSettings(@DefaultValue("16") @Min(0) @Max(23) int sendHour) {
}
