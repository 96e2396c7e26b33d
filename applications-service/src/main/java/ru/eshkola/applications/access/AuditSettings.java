package ru.eshkola.applications.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eshkola.audit.*}.
 *
 * @param retention how long audit entries are kept ({@code AUDIT_RETENTION}, three years by default); a TTL index on
 *                  MongoDB drops older ones
 */
@ConfigurationProperties("eshkola.audit")
record AuditSettings(@DefaultValue("1095d") Duration retention) {
}
