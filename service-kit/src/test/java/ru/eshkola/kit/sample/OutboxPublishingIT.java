package ru.eshkola.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import ru.eshkola.kit.events.CloudEventHeaders;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.JsonSchemas;
import ru.eshkola.kit.testing.ServiceIntegrationTest;
import ru.eshkola.kit.testing.TestInfrastructure;

@ServiceIntegrationTest
class OutboxPublishingIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TicketLog log;
    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;

    EventProbe probe = EventProbe.on("sample.tickets");

    @AfterEach
    void closeProbe() throws InterruptedException {
        probe.close();
    }

    @Test
    void savedAggregatePublishesABinaryCloudEventThatTheSdkReads() {
        String id = open("first ticket", "owner-7");

        ConsumerRecord<byte[], byte[]> record = probe.await(EventProbe.withHeader("ce_subject", id),
                Duration.ofSeconds(15));
        assertThat(EventProbe.key(record)).isEqualTo("owner-7");
        assertThat(EventProbe.header(record, "ce_type")).isEqualTo("sample.ticket.opened.v1");
        assertThat(EventProbe.header(record, "ce_source")).isEqualTo("/sample-service");
        assertThat(EventProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(EventProbe.header(record, "content-type")).isEqualTo("application/json");
        JsonSchemas.assertValid(JsonSchemas.repositoryFile(
                "service-kit/src/test/resources/contracts/schemas/sample.ticket.opened.v1.json"), EventProbe.value(record));

        CloudEvent event = readWithCloudEventsSdk(id);
        assertThat(event.getId()).isEqualTo(EventProbe.header(record, "ce_id"));
        assertThat(event.getType()).isEqualTo("sample.ticket.opened.v1");
        assertThat(event.getSource().toString()).isEqualTo("/sample-service");
        assertThat(event.getSubject()).isEqualTo(id);
        assertThat(event.getTime()).isNotNull();
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"title\":\"first ticket\"");
    }

    @Test
    void publishedEventsAreRemovedFromTheDocument() {
        String id = open("tidy", "owner-1");

        probe.await(EventProbe.withHeader("ce_subject", id), Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                mongo.getCollection("tickets").find(new Document("_id", id)).first().getList("outbox", Document.class))
                .isEmpty());
    }

    @Test
    void eventsLeftBehindByACrashBeforePublishingAreSweptAndPublished() {
        String id = EventIds.next();
        Document entry = outboxEntry(id, EventIds.next(), "left behind");
        mongo.getCollection("tickets").insertOne(new Document("_id", id).append("title", "left behind")
                .append("outbox", List.of(entry)));

        probe.await(EventProbe.withHeader("ce_subject", id), Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).until(() -> log.handledCount(id) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection("tickets")
                .find(new Document("_id", id)).first().getList("outbox", Document.class).isEmpty());
    }

    @Test
    void aBacklogOfSeveralBatchesLeftBehindIsSweptAndEachEventPublishedOnce() {
        List<String> ids = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 600; i++) { // more than two sweep batches of 256
            String id = EventIds.next();
            ids.add(id);
            documents.add(new Document("_id", id).append("title", "backlog " + i)
                    .append("outbox", List.of(outboxEntry(id, EventIds.next(), "backlog " + i))));
        }
        mongo.getCollection("tickets").insertMany(documents);

        await().atMost(Duration.ofSeconds(40)).until(() -> ids.stream().allMatch(id -> log.handledCount(id) == 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection("tickets")
                .countDocuments(new Document("_id", new Document("$in", ids)).append("outbox.0",
                        new Document("$exists", true))) == 0);
        assertThat(ids.stream().mapToLong(id -> probe.records(EventProbe.withHeader("ce_subject", id)).size()).sum())
                .isEqualTo(600);
    }

    @Test
    void aDocumentLeasedByAnotherInstanceIsLeftToItUntilTheLeaseRunsOut() throws Exception {
        String id = EventIds.next();
        mongo.getCollection("tickets").insertOne(new Document("_id", id).append("title", "leased")
                .append("outbox", List.of(outboxEntry(id, EventIds.next(), "leased")))
                .append("outboxLease", new Document("owner", "another-instance").append("token", "t")
                        .append("until", Date.from(Instant.now().plusSeconds(4)))));

        Thread.sleep(2_500); // several sweeps, each of which finds the entry old enough
        assertThat(probe.records(EventProbe.withHeader("ce_subject", id))).isEmpty();
        probe.await(EventProbe.withHeader("ce_subject", id), Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> log.handledCount(id) == 1);
    }

    @Test
    void anEventPublishedButNotMarkedBeforeACrashIsRepublishedWithItsIdAndHandledOnce() throws Exception {
        String id = EventIds.next();
        String eventId = EventIds.next();
        Document entry = outboxEntry(id, eventId, "published not marked");
        // the crash: the record reached the broker, the relay died before pulling the entry from the document
        kafka.send(republished(entry)).get();
        mongo.getCollection("tickets").insertOne(new Document("_id", id).append("title", "published not marked")
                .append("outbox", List.of(entry)));

        await().atMost(Duration.ofSeconds(20)).until(() -> probe.records(EventProbe.withHeader("ce_id", eventId))
                .size() == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> log.handledCount(id) == 1);
        Thread.sleep(1_000);
        assertThat(log.handledCount(id)).isEqualTo(1);
    }

    @Autowired
    Tickets tickets;

    @Test
    void savingAnAggregateReadBeforeItsEventsWerePublishedDoesNotWriteThemBackNorPublishThemAgain() throws Exception {
        String id = EventIds.next();
        String first = EventIds.next();
        Document entry = outboxEntry(id, first, "first").append("recordedAt", new Date()); // young: not swept
        mongo.getCollection("tickets").insertOne(new Document("_id", id).append("version", 0L)
                .append("title", "first").append("owner", "o").append("outbox", List.of(entry)));
        Ticket read = tickets.findById(id).orElseThrow();
        // meanwhile a relay published the entry and removed it from the document
        mongo.getCollection("tickets").updateOne(new Document("_id", id),
                new Document("$pull", new Document("outbox", new Document("eventId", first))));

        read.rename("second", Instant.now());
        tickets.save(read);

        ConsumerRecord<byte[], byte[]> renamed = probe.await(EventProbe.withHeader("ce_subject", id),
                Duration.ofSeconds(15));
        assertThat(EventProbe.value(renamed)).contains("\"title\":\"second\"");
        Thread.sleep(3_000); // longer than the sweep age: a written-back entry would have been swept by now
        assertThat(probe.records(EventProbe.withHeader("ce_id", first))).isEmpty();
        assertThat(mongo.getCollection("tickets").find(new Document("_id", id)).first()
                .getList("outbox", Document.class)).extracting(d -> d.getString("eventId")).doesNotContain(first);
    }

    @Test
    void twoChangesMadeFromTheSameReadConflictInsteadOfOverwritingEachOther() {
        String id = open("shared", "owner-2");
        Ticket first = tickets.findById(id).orElseThrow();
        Ticket second = tickets.findById(id).orElseThrow();
        first.rename("first change", Instant.now());
        tickets.save(first);
        second.rename("second change", Instant.now());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tickets.save(second))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThat(tickets.findById(id).orElseThrow().title()).isEqualTo("first change");
    }

    @Test
    void aManyTimesChangedDocumentPublishesEachOfItsEventsOnce() throws Exception {
        String id = open("busy", "owner-3");
        for (int i = 0; i < 30; i++) {
            Ticket ticket = tickets.findById(id).orElseThrow();
            ticket.rename("change " + i, Instant.now());
            tickets.save(ticket);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.records(EventProbe.withHeader("ce_subject", id))
                .size() >= 31);
        Thread.sleep(3_000); // past the sweep age: anything written back would be published again by now
        List<ConsumerRecord<byte[], byte[]>> records = probe.records(EventProbe.withHeader("ce_subject", id));
        assertThat(records).hasSize(31);
        assertThat(records.stream().map(r -> EventProbe.header(r, "ce_id")).distinct()).hasSize(31);
        assertThat(mongo.getCollection("tickets").find(new Document("_id", id)).first()
                .getList("outbox", Document.class)).isEmpty();
    }

    private String open(String title, String owner) {
        HttpResponse<String> response = Http.local(port).post("/tickets",
                "{\"title\":\"" + title + "\",\"owner\":\"" + owner + "\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private static Document outboxEntry(String ticketId, String eventId, String title) {
        Instant time = Instant.now().minus(10, ChronoUnit.SECONDS);
        return new Document("eventId", eventId).append("type", "sample.ticket.opened.v1")
                .append("topic", "sample.tickets").append("key", "owner-x").append("subject", ticketId)
                .append("time", Date.from(time)).append("recordedAt", Date.from(time))
                .append("data", "{\"ticketId\":\"" + ticketId + "\",\"title\":\"" + title
                        + "\",\"owner\":\"owner-x\",\"openedAt\":\"" + time + "\"}");
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> republished(Document entry) {
        var record = new org.apache.kafka.clients.producer.ProducerRecord<>("sample.tickets",
                entry.getString("key").getBytes(StandardCharsets.UTF_8),
                entry.getString("data").getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.ID, entry.getString("eventId").getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, entry.getString("type").getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "/sample-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SUBJECT, entry.getString("subject").getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static CloudEvent readWithCloudEventsSdk(String subject) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "sdk-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
        List<CloudEvent> seen = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of("sample.tickets"));
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                try {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                } catch (RecordDeserializationException e) {
                    // other tests put deliberately malformed events on this topic: skip them as any reader would
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
                return seen.stream().anyMatch(e -> subject.equals(e.getSubject()));
            });
        }
        return seen.stream().filter(e -> subject.equals(e.getSubject())).findFirst().orElseThrow();
    }
}
