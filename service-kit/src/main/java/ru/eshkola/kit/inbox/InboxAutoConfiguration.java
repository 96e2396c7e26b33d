package ru.eshkola.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import ru.eshkola.kit.outbox.OutboxAutoConfiguration;

/** Idempotent consumers and dead-lettering for every consumer binding of the service. */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@EnableConfigurationProperties(InboxSettings.class)
public class InboxAutoConfiguration {

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo, InboxSettings settings) {
        return new ProcessedEvents(mongo, settings.retention());
    }

    @Bean
    InboundEvents inboundEvents(ProcessedEvents processed, Validator validator, MeterRegistry meters) {
        return new InboundEvents(processed, validator, meters);
    }

    @Bean
    DeadLetterPublishing deadLetterPublishing(KafkaTemplate<byte[], byte[]> eventsKafkaTemplate, MeterRegistry meters) {
        return new DeadLetterPublishing(eventsKafkaTemplate, meters);
    }
}
