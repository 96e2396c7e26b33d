package ru.eshkola.kit.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay ({@code eshkola.outbox.*}).
 *
 * @param enabled          relay events at all (a read-only replica of a service may switch it off)
 * @param batchSize        documents relayed together (one Kafka flush, one bulk update)
 * @param queueCapacity    documents waiting in memory; beyond it the sweep picks them up from the store
 * @param sendTimeout      how long one publish may take before it counts as failed
 * @param sweepInterval    how often the store is searched for events no relay has taken (crash, broker outage)
 * @param sweepAge         an event must be this old before the sweep takes it, so it does not race the relay of
 *                         the instance that wrote it
 * @param leaseDuration    how long a sweeping instance owns a document before another may take it
 * @param retryInitial     first wait after a failed publish
 * @param retryMax         longest wait between attempts
 * @param haltAfterPublish fault injection for crash tests: halt the JVM after publishing, before marking. Never set
 *                         it in production.
 */
@ConfigurationProperties("eshkola.outbox")
public record OutboxSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("256") int batchSize,
        @DefaultValue("20000") int queueCapacity,
        @DefaultValue("15s") Duration sendTimeout,
        @DefaultValue("10s") Duration sweepInterval,
        @DefaultValue("30s") Duration sweepAge,
        @DefaultValue("60s") Duration leaseDuration,
        @DefaultValue("500ms") Duration retryInitial,
        @DefaultValue("2m") Duration retryMax,
        @DefaultValue("false") boolean haltAfterPublish) {
}
