package ru.eshkola.applications.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eshkola.access.*}.
 *
 * @param region the region this platform serves ({@code ESHKOLA_REGION}): the {@code region} claim of its regional
 *               operators. Schools carry no region (the journal's events name their municipality only): the whole
 *               platform is one region's.
 */
@ConfigurationProperties("eshkola.access")
record AccessSettings(@DefaultValue("66") String region) {
}
