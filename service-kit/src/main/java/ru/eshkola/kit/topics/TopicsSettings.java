package ru.eshkola.kit.topics;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Topics a service creates at start ({@code eshkola.topics.*}).
 *
 * @param published          topics this service publishes to; created when missing
 * @param partitions         partitions per topic: the ceiling of consumer parallelism per group
 * @param replicationFactor  1 on a single local broker, 3 in production
 * @param minInsyncReplicas  replicas that must have a record before {@code acks=all} succeeds; by default one less
 *                           than the replication factor (2 of 3), and 1 on a single broker
 * @param retention          how long event topics keep records; unlimited by default, because consumers rebuild
 *                           their projections by replaying from the beginning
 * @param deadLetterRetention how long dead letters are kept for inspection and replay
 */
@ConfigurationProperties("eshkola.topics")
public record TopicsSettings(
        @DefaultValue List<String> published,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        Integer minInsyncReplicas,
        Duration retention,
        @DefaultValue("30d") Duration deadLetterRetention) {

    int effectiveMinInsyncReplicas() {
        if (minInsyncReplicas != null) {
            return minInsyncReplicas;
        }
        return Math.max(1, replicationFactor - 1);
    }
}
