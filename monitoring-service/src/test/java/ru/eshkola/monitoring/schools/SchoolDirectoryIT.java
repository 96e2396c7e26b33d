package ru.eshkola.monitoring.schools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.JsonSchemas;

import ru.eshkola.kit.testing.TestInfrastructure;
import ru.eshkola.monitoring.MonitoringIntegrationTest;

@MonitoringIntegrationTest
class SchoolDirectoryIT {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;

    @Test
    void aRegisteredSchoolFromTheJournalBecomesVisibleOnceEvenWhenRedelivered() throws Exception {
        String schoolId = EventIds.next();
        String json = Files.readString(JsonSchemas.repositoryFile(
                "journal-service/src/main/resources/contracts/examples/journal.school.registered.v1.json"))
                .replace("019ab3f2-6c4e-7a10-9c3d-5e2f4a6b7c80", schoolId);
        String eventId = EventIds.next();
        kafka.send(event(eventId, schoolId, json)).get();
        kafka.send(event(eventId, schoolId, json)).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> Http.local(port).get("/api/v1/schools/" + schoolId)
                .statusCode() == 200);
        assertThat(Http.local(port).get("/api/v1/schools/" + schoolId).body())
                .contains("Нижнетуринский городской округ").contains("Asia/Yekaterinburg");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Http.local(port)
                .get("/actuator/prometheus").body())
                .containsPattern("eshkola_events_consumed_total\\{[^}]*outcome=\"duplicate\"[^}]*type=\"journal.school.registered.v1\"[^}]*} 1.0"));
    }

    @Test
    void theTopicItConsumesExistsWithThePlatformsRetentionEvenBeforeTheJournalCreatesIt() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.<String, Object>of("bootstrap.servers",
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "journal.schools");
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(admin.describeTopics(List.of("journal.schools")).allTopicNames().get()
                    .get("journal.schools").partitions()).hasSize(6);
        }
    }

    private static ProducerRecord<byte[], byte[]> event(String id, String schoolId, String json) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("journal.schools",
                schoolId.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "journal.school.registered.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/journal-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_subject", schoolId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
