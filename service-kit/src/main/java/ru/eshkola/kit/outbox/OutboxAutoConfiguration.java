package ru.eshkola.kit.outbox;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Turns on the outbox for every {@link OutboxAggregate} the service maps: the idempotent {@code acks=all} producer,
 * the relay, the after-save hand-over and the sweep index.
 */
// before Boot's auto-configurations, so that its Mongo template and Kafka producer factory step aside for ours
@AutoConfiguration(before = {DataMongoAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableConfigurationProperties({OutboxSettings.class, KafkaProperties.class})
public class OutboxAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxAutoConfiguration.class);

    /**
     * The producer for events and dead letters. Idempotence with {@code acks=all} means a retried send is written
     * once and in order; what the broker acknowledged survives the loss of a broker in a replicated cluster.
     */
    @Bean
    @ConditionalOnMissingBean(name = "eventsProducerFactory")
    ProducerFactory<byte[], byte[]> eventsProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000);
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        factory.setPhysicalCloseTimeout(5);
        return factory;
    }

    @Bean
    @ConditionalOnMissingBean(name = "eventsKafkaTemplate")
    KafkaTemplate<byte[], byte[]> eventsKafkaTemplate(ProducerFactory<byte[], byte[]> eventsProducerFactory) {
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(eventsProducerFactory);
        // observations (trace propagation, richer tags) replace the older timers; both at once clash in Prometheus
        template.setObservationEnabled(true);
        template.setMicrometerEnabled(false);
        return template;
    }

    /** Replaces Boot's template: existing aggregates are saved without touching their pending events. */
    @Bean
    @ConditionalOnMissingBean(MongoOperations.class)
    MongoTemplate mongoTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
        return new OutboxMongoTemplate(factory, converter);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, MongoMappingContext mapping, KafkaTemplate<byte[], byte[]> eventsKafkaTemplate,
            OutboxSettings settings, Environment environment, MeterRegistry meters) {
        Set<String> collections = new LinkedHashSet<>();
        for (MongoPersistentEntity<?> entity : mapping.getPersistentEntities()) {
            if (OutboxAggregate.class.isAssignableFrom(entity.getType())
                    && !java.lang.reflect.Modifier.isAbstract(entity.getType().getModifiers())) {
                if (!entity.hasVersionProperty()) {
                    throw new IllegalStateException(entity.getType().getName() + " has an outbox and so needs a "
                            + "@Version property: its saves are guarded by it");
                }
                collections.add(entity.getCollection());
            }
        }
        String source = environment.getProperty("eshkola.events.source",
                "/" + environment.getRequiredProperty("spring.application.name"));
        return new OutboxRelay(mongo, eventsKafkaTemplate, settings, collections, source, meters);
    }

    @Bean
    OutboxSaveListener outboxSaveListener(OutboxRelay relay) {
        return new OutboxSaveListener(relay);
    }

    /** The sweep searches by the time entries were recorded; on MongoDB this index keeps that search cheap however large the collection. */
    @Bean
    SmartInitializingSingleton outboxIndexes(ObjectProvider<OutboxRelay> relay, MongoTemplate mongo) {
        return () -> relay.ifAvailable(r -> r.collections().forEach(collection -> {
            try {
                mongo.indexOps(collection).createIndex(new Index()
                        .on(OutboxAggregate.FIELD + ".recordedAt", Sort.Direction.ASC).named("outbox_recorded_at"));
            } catch (RuntimeException e) {
                log.warn("could not create the outbox index on {}: {}", collection, e.toString());
            }
        }));
    }
}
