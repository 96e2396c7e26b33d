package ru.eshkola.applications.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eshkola.accounts.*}.
 *
 * @param activationUrl          the web page with the activation form; the mail links to it with {@code ?token=}
 * @param activationValidity     how long an activation link works
 * @param activationMaxAttempts  wrong verifications (registration number, staff number) before the link is void
 * @param minPasswordLength      shortest password accepted
 */
@ConfigurationProperties("eshkola.accounts")
record AccountSettings(@DefaultValue("http://localhost:8083/activate") String activationUrl,
        @DefaultValue("7d") Duration activationValidity, @DefaultValue("5") int activationMaxAttempts,
        @DefaultValue("10") int minPasswordLength) {
}
