package ru.eshkola.journal.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eshkola.audit.*}.
 *
 * @param retention     how long an audit entry is kept (a TTL index on MongoDB; the embedded store ignores it)
 * @param flushInterval how often queued entries are written, all in one insert
 * @param queueCapacity entries waiting for the next write; beyond it a request waits for the write (never dropped)
 */
@ConfigurationProperties("eshkola.audit")
public record AuditSettings(@DefaultValue("1095d") Duration retention, @DefaultValue("200ms") Duration flushInterval,
        @DefaultValue("20000") int queueCapacity) {
}
