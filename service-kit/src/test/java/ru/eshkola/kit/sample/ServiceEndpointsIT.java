package ru.eshkola.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.eshkola.kit.inbox.DeadLetterPublishing;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.ServiceIntegrationTest;
import ru.eshkola.kit.testing.TestInfrastructure;

@ServiceIntegrationTest
class ServiceEndpointsIT {

    @LocalServerPort
    int port;
    @Value("${spring.cloud.stream.default.group}")
    String group;

    @Test
    void healthIsUpWithKafkaAndMongoChecked() {
        HttpResponse<String> health = Http.local(port).get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode body = JsonMapper.shared().readTree(health.body());
        assertThat(body.at("/status").asString()).isEqualTo("UP");
        assertThat(body.at("/components/kafka/status").asString()).isEqualTo("UP");
        assertThat(body.at("/components/kafka/details/nodes").asInt()).isEqualTo(1);
        assertThat(body.at("/components/mongo/status").asString()).isEqualTo("UP");
        // its own database pinged, not every database on the server listed
        assertThat(body.at("/components/mongo/details/database").asString()).isNotBlank();
        assertThat(body.at("/components/mongo/details/databases").isMissingNode()).isTrue();
        assertThat(Http.local(port).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(Http.local(port).get("/actuator/info").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusExposesTheOutboxAndConsumerMeters() {
        Http.local(port).post("/tickets", "{\"title\":\"metered\",\"owner\":\"o\"}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
            String metrics = Http.local(port).get("/actuator/prometheus").body();
            assertThat(metrics).contains("eshkola_outbox_published_total").contains("eshkola_outbox_lag_seconds")
                    .contains("eshkola_outbox_queued").contains("application=\"sample-service\"");
        });
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        HttpResponse<String> docs = Http.local(port).get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/tickets\"").contains("sample-service");
        assertThat(Http.local(port).get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void theEventContractsAreServed() {
        HttpResponse<String> asyncApi = Http.local(port).get("/asyncapi.yaml");
        assertThat(asyncApi.statusCode()).isEqualTo(200);
        assertThat(asyncApi.body()).startsWith("asyncapi: 3.0.0");
        HttpResponse<String> index = Http.local(port).get("/schemas");
        assertThat(index.body()).contains("\"type\":\"sample.ticket.opened.v1\"")
                .contains("/schemas/examples/sample.ticket.opened.v1.json");
        HttpResponse<String> schema = Http.local(port).get("/schemas/sample.ticket.opened.v1.json");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Type")).hasValue("application/schema+json");
        assertThat(Http.local(port).get("/schemas/examples/sample.ticket.opened.v1.json").statusCode()).isEqualTo(200);
        assertThat(Http.local(port).get("/schemas/nope.json").statusCode()).isEqualTo(404);
        assertThat(Http.local(port).get("/schemas/..%2Fapplication.yml").statusCode()).isIn(400, 404);
    }

    @Test
    void publishedAndDeadLetterTopicsAreCreatedWithTheConfiguredPartitions() throws Exception {
        String deadLetters = DeadLetterPublishing.deadLetterTopic("sample.tickets", group);
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers",
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                    admin.listTopics().names().get().containsAll(Set.of("sample.tickets", deadLetters)));
            Map<String, TopicDescription> topics = admin.describeTopics(Set.of("sample.tickets", deadLetters))
                    .allTopicNames().get();
            assertThat(topics.get("sample.tickets").partitions()).hasSize(6);
            assertThat(topics.get(deadLetters).partitions()).hasSize(6);
        }
    }
}
