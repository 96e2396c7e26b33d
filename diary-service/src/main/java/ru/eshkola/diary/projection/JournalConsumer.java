package ru.eshkola.diary.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Live consumption of every journal topic in batch mode: each poll's records are read, the ones this consumer
 * already processed dropped, the rest applied to the current generation with one read and one bulk write per
 * collection, and then recorded as processed — so the projection keeps up with the journal at bulk-entry rates.
 *
 * <p>A record that cannot be read (bad JSON, invalid data, an unknown type) is reported by its index: the records
 * before it are applied and committed, it goes to the dead-letter topic at once (the kit's error handler does not
 * retry a {@code NonRetryableEventException}), and the records after it are delivered again. A failure while writing
 * (the store is down) retries the whole batch with the platform's backoff; applying it again is harmless.
 */
@Configuration
class JournalConsumer {

    static final String NAME = "diary-journal";

    private final EventReader reader;
    private final BatchDedupe dedupe;
    private final ProjectionWriter writer;
    private final Generations generations;
    private final MeterRegistry meters;

    JournalConsumer(EventReader reader, BatchDedupe dedupe, ProjectionWriter writer, Generations generations,
            MeterRegistry meters) {
        this.reader = reader;
        this.dedupe = dedupe;
        this.writer = writer;
        this.generations = generations;
        this.meters = meters;
    }

    @Bean
    Consumer<Message<List<byte[]>>> onJournalEvents() {
        return this::accept;
    }

    @SuppressWarnings("unchecked")
    void accept(Message<List<byte[]>> message) {
        List<byte[]> payloads = message.getPayload();
        List<Map<String, Object>> headers = (List<Map<String, Object>>) message.getHeaders()
                .get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<ParsedEvent> events = new ArrayList<>(payloads.size());
        RuntimeException failure = null;
        int failedAt = -1;
        for (int i = 0; i < payloads.size(); i++) {
            try {
                ParsedEvent event = reader.read(headers == null ? Map.of() : headers.get(i), payloads.get(i));
                if (event != null) {
                    events.add(event);
                }
            } catch (RuntimeException e) {
                failure = e;
                failedAt = i;
                break;
            }
        }
        List<ParsedEvent> fresh = dedupe.unprocessed(NAME, events);
        writer.apply(generations.current(), fresh, true);
        dedupe.markProcessed(NAME, fresh);
        meters.counter("eshkola.diary.events.duplicates").increment(events.size() - fresh.size());
        if (failure != null) {
            throw new BatchListenerFailedException(failure.getMessage(), failure, failedAt);
        }
    }
}
