package ru.eshkola.notification.preferences;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultDigestHour local hour (school time zone) at which the daily digest goes out unless a recipient chose
 *                          another
 * @param linkSecret        HMAC key of unsubscribe links ({@code NOTIFICATION_LINK_SECRET}); changing it voids the
 *                          links in mails already sent
 * @param publicUrl         this service's address as mail readers reach it, the base of unsubscribe links
 */
@ConfigurationProperties("notification.preferences")
@Validated
public record PreferenceSettings(@DefaultValue("18") @Min(0) @Max(23) int defaultDigestHour,
        @NotBlank String linkSecret, @NotBlank String publicUrl) {
}
