package ru.eshkola.kit.topics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

import ru.eshkola.kit.inbox.DeadLetterPublishing;

/**
 * Declares the topics this service publishes to, the topics it consumes and the dead-letter topic of every consumer
 * binding, with the configured partitions, replication and retention; Spring Kafka's admin creates the missing ones
 * at start, before the bindings start. Consumed topics are declared too so that a consumer starting before the
 * producer creates the topic with the platform's settings (kept forever), not with the broker's defaults.
 */
@AutoConfiguration
@EnableConfigurationProperties(TopicsSettings.class)
public class TopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics eshkolaTopics(TopicsSettings settings, BindingServiceProperties bindings) {
        List<NewTopic> topics = new ArrayList<>();
        String retention = settings.retention() == null ? "-1" : String.valueOf(settings.retention().toMillis());
        Set<String> events = new LinkedHashSet<>(settings.published());
        events.addAll(consumedTopics(bindings));
        for (String topic : events) {
            topics.add(topic(topic, settings, retention));
        }
        for (String deadLetters : deadLetterTopics(bindings)) {
            topics.add(topic(deadLetters, settings, String.valueOf(settings.deadLetterRetention().toMillis())));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    static List<String> consumedTopics(BindingServiceProperties bindings) {
        List<String> topics = new ArrayList<>();
        for (String name : bindings.getBindings().keySet()) {
            BindingProperties properties = bindings.getBindingProperties(name);
            if (name.contains("-in-") && properties.getDestination() != null) {
                for (String destination : properties.getDestination().split(",")) {
                    topics.add(destination.trim());
                }
            }
        }
        return topics;
    }

    /** Every functional consumer binding ({@code <name>-in-<n>}) with a group gets {@code <topic>.<group>.dlt}. */
    static List<String> deadLetterTopics(BindingServiceProperties bindings) {
        List<String> topics = new ArrayList<>();
        for (String name : bindings.getBindings().keySet()) {
            // merged with spring.cloud.stream.default.*, where the group is usually set
            BindingProperties properties = bindings.getBindingProperties(name);
            if (!name.contains("-in-") || properties.getGroup() == null || properties.getDestination() == null) {
                continue;
            }
            for (String destination : properties.getDestination().split(",")) {
                topics.add(DeadLetterPublishing.deadLetterTopic(destination.trim(), properties.getGroup()));
            }
        }
        return topics;
    }

    private static NewTopic topic(String name, TopicsSettings settings, String retentionMs) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(TopicConfig.RETENTION_MS_CONFIG, retentionMs);
        config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.effectiveMinInsyncReplicas()));
        return new NewTopic(name, settings.partitions(), settings.replicationFactor()).configs(config);
    }
}
