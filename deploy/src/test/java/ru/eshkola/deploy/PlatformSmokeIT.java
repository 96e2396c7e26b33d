package ru.eshkola.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.TestInfrastructure;
import ru.eshkola.kit.testing.TestTokens;

/**
 * The event backbone across two real services, each its own JVM from its built jar: the journal writes a school
 * through its outbox, monitoring consumes {@code journal.schools}. Exactly once is judged by monitoring's own
 * record of processed event ids, the number of records on the topic and monitoring's duplicate counter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(TestInfrastructure.Report.class)
class PlatformSmokeIT {

    static final String TOPIC = "journal.schools";
    static final String DEAD_LETTERS = "journal.schools.monitoring-service.dlt";
    static final JsonMapper JSON = JsonMapper.shared();
    /** The region's operator, who registers schools in the journal. */
    static final TestTokens.Token OPERATOR = TestTokens.regionalOperator("operator-66", "66");

    final TestInfrastructure infrastructure = TestInfrastructure.get();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String journalDb = "journal-" + run;
    final String monitoringDb = "monitoring-" + run;

    ServiceProcess journal;
    ServiceProcess monitoring;
    EventProbe topic;
    MongoClient mongo;

    @BeforeAll
    void startServices() {
        topic = EventProbe.on(TOPIC, DEAD_LETTERS);
        mongo = MongoClients.create(infrastructure.mongoUri(""));
        journal = startJournal(false);
        monitoring = startMonitoring();
        journal.awaitHealthy(Duration.ofSeconds(90));
        monitoring.awaitHealthy(Duration.ofSeconds(90));
    }

    @AfterAll
    void stopServices() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {journal, monitoring}) {
            if (service != null) {
                service.close();
            }
        }
        topic.close();
        mongo.close();
    }

    @Test
    @Order(1)
    void aSchoolWrittenThroughTheJournalsOutboxArrivesOnceInMonitoring() {
        String school = register("a");
        String eventId = eventIdOf(school);

        awaitInMonitoring(school);
        assertThat(processedTimes(eventId)).isEqualTo(1);
        assertThat(recordsWithId(eventId)).hasSize(1);
    }

    @Test
    @Order(2)
    void eventsPublishedWhileMonitoringIsKilledArriveOnceAfterItRestarts() throws InterruptedException {
        String before = register("b0");
        awaitInMonitoring(before);
        monitoring.kill();

        String whileDown = register("b1");
        topic.await(EventProbe.withHeader("ce_subject", whileDown), Duration.ofSeconds(20));
        monitoring = startMonitoring().awaitHealthy(Duration.ofSeconds(90));

        awaitInMonitoring(whileDown);
        assertThat(processedTimes(eventIdOf(whileDown))).isEqualTo(1);
        assertThat(processedTimes(eventIdOf(before))).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aRelayCrashBetweenPublishAndMarkRepublishesTheEventWhichMonitoringProcessesOnce() throws Exception {
        journal.stop();
        String code = "crash-" + run;
        try (ServiceProcess crashing = startJournal(true).awaitHealthy(Duration.ofSeconds(90))) {
            try {
                crashing.post("/api/v1/schools", schoolJson(code), OPERATOR);
            } catch (java.io.UncheckedIOException haltedBeforeAnswering) {
                // the relay may halt the JVM before the response leaves; the write was acknowledged by the store
            }
            assertThat(crashing.awaitExit(Duration.ofSeconds(30))).as("halted by the fault switch").isEqualTo(137);
        }

        // the crash left the state between publish and mark: on the topic, and still pending in the document
        Document pending = journalSchools().find(Filters.eq("code", code)).first();
        assertThat(pending).as("the school was written before the crash").isNotNull();
        String school = pending.getString("_id");
        List<Document> outbox = pending.getList("outbox", Document.class);
        assertThat(outbox).hasSize(1);
        String eventId = outbox.getFirst().getString("eventId");
        topic.await(EventProbe.withHeader("ce_id", eventId), Duration.ofSeconds(10));

        journal = startJournal(false).awaitHealthy(Duration.ofSeconds(90));

        await().atMost(Duration.ofSeconds(30)).until(() -> recordsWithId(eventId).size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> journalSchools().find(Filters.eq("_id", school)).first()
                .getList("outbox", Document.class).isEmpty());
        awaitInMonitoring(school);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(monitoring.get("/actuator/prometheus")
                .body()).containsPattern("eshkola_events_consumed_total\\{[^}]*outcome=\"duplicate\"[^}]*} [1-9]"));
        assertThat(processedTimes(eventId)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void malformedEventsAreDeadLetteredWithTheirReasonWhileTheNextGoodEventIsProcessed() {
        String badJson = UUID.randomUUID().toString();
        String unknownType = UUID.randomUUID().toString();
        String noIdMarker = "no-id-" + run;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(raw(badJson, "journal.school.registered.v1", "{\"schoolId\": oops"));
            producer.send(raw(unknownType, "journal.school.demolished.v1", "{\"schoolId\":\"x\"}"));
            producer.send(raw(null, "journal.school.registered.v1", "{\"schoolId\":\"" + noIdMarker + "\"}"));
            producer.flush();
        }
        String good = register("after-poison");

        awaitInMonitoring(good);
        assertDeadLetter(topic.await(deadLetter(EventProbe.withHeader("ce_id", badJson)), Duration.ofSeconds(30)),
                "MalformedEventException", "not valid JSON");
        assertDeadLetter(topic.await(deadLetter(EventProbe.withHeader("ce_id", unknownType)),
                Duration.ofSeconds(30)), "UnknownEventTypeException", "journal.school.demolished.v1");
        assertDeadLetter(topic.await(deadLetter(r -> EventProbe.value(r).contains(noIdMarker)),
                Duration.ofSeconds(30)), "MalformedEventException", "ce_id");
    }

    /**
     * The journal trusts the tokens this test JVM signs ({@link TestTokens}: its JWKS is served on a loopback port), as
     * it trusts applications-service's on the platform.
     */
    private ServiceProcess startJournal(boolean haltAfterPublish) {
        return ServiceProcess.start("journal", Map.of(
                "spring.mongodb.uri", infrastructure.mongoUri(journalDb),
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "eshkola.outbox.sweep-interval", "1s",
                "eshkola.outbox.sweep-age", "2s",
                "eshkola.outbox.halt-after-publish", String.valueOf(haltAfterPublish),
                "eshkola.security.jwt.issuer", TestTokens.issuer(),
                "eshkola.security.jwt.jwk-set-uri", TestTokens.jwkSetUri(),
                "eshkola.security.jwt.audience", TestTokens.AUDIENCE));
    }

    private ServiceProcess startMonitoring() {
        // a killed consumer keeps its partitions until its session times out (Kafka's default 45 s); shorter here
        return ServiceProcess.start("monitoring", Map.of(
                "spring.mongodb.uri", infrastructure.mongoUri(monitoringDb),
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms", "8000"));
    }

    private String register(String suffix) {
        HttpResponse<String> response = journal.post("/api/v1/schools", schoolJson(suffix + "-" + run), OPERATOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static String schoolJson(String code) {
        return """
                {"code":"%s","name":"МКОУ «Платинская основная общеобразовательная школа»",
                 "shortName":"МКОУ Платинская ООШ","municipality":{"id":"ntgo","name":"Нижнетуринский городской округ"},
                 "timeZone":"Asia/Yekaterinburg","platform":"eshkola"}""".formatted(code);
    }

    private String eventIdOf(String school) {
        ConsumerRecord<byte[], byte[]> record = topic.await(
                EventProbe.withHeader("ce_subject", school).and(r -> TOPIC.equals(r.topic())), Duration.ofSeconds(20));
        return EventProbe.header(record, "ce_id");
    }

    private void awaitInMonitoring(String school) {
        await().atMost(Duration.ofSeconds(45)).until(() -> monitoring.get("/api/v1/schools/" + school)
                .statusCode() == 200);
    }

    private long processedTimes(String eventId) {
        return mongo.getDatabase(monitoringDb).getCollection("processed_events")
                .countDocuments(Filters.eq("_id", "school-directory:" + eventId));
    }

    private List<ConsumerRecord<byte[], byte[]>> recordsWithId(String eventId) {
        return topic.records(EventProbe.withHeader("ce_id", eventId).and(r -> TOPIC.equals(r.topic())));
    }

    private com.mongodb.client.MongoCollection<Document> journalSchools() {
        return mongo.getDatabase(journalDb).getCollection("schools");
    }

    private static java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> deadLetter(
            java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> which) {
        return which.and(r -> DEAD_LETTERS.equals(r.topic()));
    }

    private static void assertDeadLetter(ConsumerRecord<byte[], byte[]> record, String reason, String detail) {
        assertThat(EventProbe.header(record, "x-exception-root-fqcn")).endsWith(reason);
        assertThat(EventProbe.header(record, "x-exception-root-message")).contains(detail);
        assertThat(EventProbe.header(record, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(record.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
    }

    private static ProducerRecord<byte[], byte[]> raw(String id, String type, String data) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPIC, "poison".getBytes(StandardCharsets.UTF_8),
                data.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        if (id != null) {
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
