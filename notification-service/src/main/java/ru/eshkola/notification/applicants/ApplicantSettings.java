package ru.eshkola.notification.applicants;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param applicationsPublicUrl where readers reach the applications service ({@code APPLICATIONS_PUBLIC_URL}): the
 *                              refusal event carries the notice's path on it, and services never call each other, so
 *                              the mail links the PDF there instead of attaching it
 * @param refusalGrounds        the wording of each refusal ground code, as in the applications service's notice
 */
@ConfigurationProperties("notification.applicants")
@Validated
public record ApplicantSettings(@NotBlank String applicationsPublicUrl,
        @DefaultValue Map<String, String> refusalGrounds) {
}
