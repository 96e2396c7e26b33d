package ru.eshkola.notification.extracts;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param diaryPublicUrl where the school's administrator reaches the diary service ({@code DIARY_PUBLIC_URL}); the
 *                       event carries the PDF's path on it
 */
@ConfigurationProperties("notification.extracts")
@Validated
public record ExtractSettings(@NotBlank String diaryPublicUrl) {
}
