package ru.eshkola.journal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.journal.JournalApi;
import ru.eshkola.journal.JournalIntegrationTest;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.JsonSchemas;
import ru.eshkola.kit.testing.SecurityConventions;
import ru.eshkola.kit.testing.TestInfrastructure;
import ru.eshkola.kit.testing.TestTokens;

@JournalIntegrationTest
class RevocationIT {

    @LocalServerPort
    int port;

    @Test
    void aBlockedAccountsTokensStopWorkingWithinSecondsAndLaterOnesWork() throws Exception {
        JournalApi api = new JournalApi(port);
        String account = "blocked-" + UUID.randomUUID();
        Instant blockedAt = Instant.now();
        var earlier = TestTokens.regionalOperator(account, "66").issuedAt(blockedAt.minusSeconds(60));
        assertThat(api.get("/api/v1/schools", earlier).statusCode()).isEqualTo(200);

        block(account, blockedAt);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> SecurityConventions.assertUnauthorized(
                api.get("/api/v1/schools", earlier), "a token issued before the block"));
        assertThat(api.get("/api/v1/schools", earlier).body()).contains("revoked");
        var later = TestTokens.regionalOperator(account, "66").issuedAt(blockedAt.plusSeconds(2));
        assertThat(api.get("/api/v1/schools", later).statusCode()).as("a token issued after the block, e.g. once "
                + "the account is unblocked").isEqualTo(200);
        assertThat(api.get("/api/v1/schools", TestTokens.regionalOperator("another-" + account, "66")
                .issuedAt(blockedAt.minusSeconds(60))).statusCode()).as("other accounts").isEqualTo(200);
    }

    /** As applications-service publishes it: its example, this account, CloudEvents headers. */
    private static void block(String accountId, Instant at) throws Exception {
        ObjectNode data = (ObjectNode) JournalApi.JSON.readTree(Files.readString(JsonSchemas.repositoryFile(
                "applications-service/src/main/resources/contracts/examples/applications.account.blocked.v1.json")));
        data.put("accountId", accountId).put("tokensInvalidBefore", at.toString()).put("blockedAt", at.toString());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("applications.accounts",
                accountId.getBytes(StandardCharsets.UTF_8), JournalApi.JSON.writeValueAsBytes(data));
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", EventIds.next(), "ce_type",
                "applications.account.blocked.v1", "ce_source", "/applications-service", "ce_subject", accountId,
                "ce_time", at.toString(), "content-type", "application/json");
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(record).get();
        }
    }
}
