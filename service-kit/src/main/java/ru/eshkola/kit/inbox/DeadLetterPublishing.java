package ru.eshkola.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Moves retries and dead-lettering from the binder into the listener container, for every consumer binding.
 *
 * <p>A failing record is retried with the binding's exponential backoff ({@code max-attempts},
 * {@code back-off-initial-interval}, {@code back-off-multiplier}, {@code back-off-max-interval}); a
 * {@link NonRetryableEventException} is not retried at all. Then the record goes, unchanged with its {@code ce_}
 * headers, to {@code <topic>.<group>.dlt} and the partition moves on to the next record. Spring Kafka adds
 * {@code kafka_dlt-original-topic/partition/offset/consumer-group} and {@code kafka_dlt-exception-fqcn/message};
 * because those name the framework's wrapping exception, the root cause is added as {@value #REASON_CLASS} and
 * {@value #REASON}.
 */
public class DeadLetterPublishing implements ListenerContainerWithDlqAndRetryCustomizer {

    public static final String REASON_CLASS = "x-exception-root-fqcn";
    public static final String REASON = "x-exception-root-message";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublishing.class);

    private final KafkaTemplate<byte[], byte[]> template;
    private final MeterRegistry meters;

    public DeadLetterPublishing(KafkaTemplate<byte[], byte[]> template, MeterRegistry meters) {
        this.template = template;
        this.meters = meters;
    }

    /** The dead-letter topic of a consumer group: {@code <topic>.<group>.dlt}. */
    public static String deadLetterTopic(String topic, String group) {
        return topic + "." + group + ".dlt";
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        String deadLetters = deadLetterTopic(destinationName, group);
        // partition -1: let the key choose, so the dead-letter topic needs no particular partition count
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (rec, ex) -> new TopicPartition(deadLetters, -1));
        recoverer.setHeadersFunction((rec, ex) -> {
            Throwable root = rootCause(ex);
            meters.counter("eshkola.events.dead_lettered", "topic", rec.topic(), "group", group,
                    "reason", root.getClass().getSimpleName()).increment();
            log.warn("dead-lettering {}-{}@{} to {}: {}", rec.topic(), rec.partition(), rec.offset(), deadLetters,
                    root.toString());
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_CLASS, root.getClass().getName().getBytes(StandardCharsets.UTF_8));
            headers.add(REASON, String.valueOf(root.getMessage()).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        recoverer.setFailIfSendResultIsError(true);
        DefaultErrorHandler errors = new DefaultErrorHandler(recoverer,
                backOff != null ? backOff : new FixedBackOff(0L, 0L));
        errors.addNotRetryableExceptions(NonRetryableEventException.class);
        container.setCommonErrorHandler(errors);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> extendedConsumerProperties) {
        configure(container, destinationName, group, dlqDestinationResolver, backOff);
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof NonRetryableEventException) {
                return cause;
            }
            cause = cause.getCause();
        }
        return cause;
    }
}
