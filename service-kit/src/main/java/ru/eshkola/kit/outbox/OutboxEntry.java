package ru.eshkola.kit.outbox;

import java.time.Instant;
import java.util.Objects;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.events.EventJson;

/**
 * One event waiting in an aggregate's outbox, already in its wire form.
 *
 * <p>The data is serialised when the event is recorded, so what the relay publishes is byte for byte what was
 * written together with the state change. The event id becomes {@code ce_id}; consumers deduplicate on it, which is what
 * makes a re-publication after a crash harmless.
 *
 * @param eventId CloudEvents id, unique per event
 * @param type    CloudEvents type, {@code <service>.<entity>.<verb>.v<N>}
 * @param topic   Kafka topic
 * @param key     partition key: the id whose order matters (a student for grades)
 * @param subject CloudEvents subject: the entity the event is about
 * @param time    when the change happened ({@code ce_time}); for imported history, the original time
 * @param data    the event data as JSON
 * @param recordedAt when the entry was written to the outbox: what the sweep and the lag are judged on
 */
public record OutboxEntry(String eventId, String type, String topic, String key, String subject, Instant time, String data,
        Instant recordedAt) {

    public OutboxEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (recordedAt == null) {
            recordedAt = time; // entries written before recordedAt existed
        }
    }

    public static OutboxEntry of(EventRoute route, String key, String subject, Instant time, Object data) {
        return new OutboxEntry(EventIds.next(), route.type(), route.topic(), key, subject, time, EventJson.write(data),
                Instant.now());
    }
}
