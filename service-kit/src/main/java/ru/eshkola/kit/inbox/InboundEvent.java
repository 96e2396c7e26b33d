package ru.eshkola.kit.inbox;

import java.time.Instant;

/**
 * A received CloudEvent with its data already mapped to the consumer's own record.
 *
 * @param id      {@code ce_id}, the deduplication key
 * @param type    {@code ce_type}
 * @param source  {@code ce_source}
 * @param subject {@code ce_subject}, may be null
 * @param time    {@code ce_time}, may be null
 * @param key     the Kafka record key, may be null
 * @param data    the event data
 */
public record InboundEvent<T>(String id, String type, String source, String subject, Instant time, String key, T data) {
}
