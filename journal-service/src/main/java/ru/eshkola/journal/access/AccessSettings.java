package ru.eshkola.journal.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eshkola.journal.access.*}.
 *
 * @param region the region this journal serves ({@code region} claim of its regional operators), e.g. 66 for
 *               Sverdlovsk oblast: the journal's schools carry a municipality, the deployment is the region
 */
@ConfigurationProperties("eshkola.journal.access")
public record AccessSettings(@DefaultValue("66") String region) {
}
