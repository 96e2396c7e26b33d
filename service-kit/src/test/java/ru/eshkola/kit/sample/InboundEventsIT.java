package ru.eshkola.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.kafka.core.KafkaTemplate;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.inbox.DeadLetterPublishing;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.ServiceIntegrationTest;

@ServiceIntegrationTest
class InboundEventsIT {

    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    TicketLog log;
    @Autowired
    BindingsLifecycleController bindings;
    @Value("${spring.cloud.stream.default.group}")
    String group;

    EventProbe deadLetters;

    @AfterEach
    void closeProbe() throws InterruptedException {
        if (deadLetters != null) {
            deadLetters.close();
        }
    }

    @Test
    void anEventDeliveredTwiceIsHandledOnce() throws Exception {
        String ticket = EventIds.next();
        String eventId = EventIds.next();
        send(event(eventId, "sample.ticket.opened.v1", ticket, "twice"));
        send(event(eventId, "sample.ticket.opened.v1", ticket, "twice"));
        String marker = EventIds.next();
        send(event(EventIds.next(), "sample.ticket.opened.v1", marker, "after"));

        await().atMost(Duration.ofSeconds(20)).until(() -> log.handledCount(marker) == 1);
        assertThat(log.handledCount(ticket)).isEqualTo(1);
    }

    @Test
    void malformedEventsAreDeadLetteredWithTheirReasonAndTheNextGoodEventIsProcessed() throws Exception {
        deadLetters = EventProbe.on(DeadLetterPublishing.deadLetterTopic("sample.tickets", group));
        String badJson = EventIds.next();
        String unknownType = EventIds.next();
        String invalidData = EventIds.next();
        ProducerRecord<byte[], byte[]> notJson = event(badJson, "sample.ticket.opened.v1", "t-1", "x");
        notJson = new ProducerRecord<>(notJson.topic(), null, notJson.key(), "{not json".getBytes(StandardCharsets.UTF_8),
                notJson.headers());
        send(notJson);
        send(event(unknownType, "sample.ticket.renamed.v1", "t-2", "x"));
        ProducerRecord<byte[], byte[]> noId = event("will-be-removed", "sample.ticket.opened.v1", "t-3", "no id");
        noId.headers().remove("ce_id");
        send(noId);
        ProducerRecord<byte[], byte[]> blankTitle = event(invalidData, "sample.ticket.opened.v1", "t-4", "");
        send(blankTitle);
        String good = EventIds.next();
        send(event(EventIds.next(), "sample.ticket.opened.v1", good, "good one"));

        await().atMost(Duration.ofSeconds(20)).until(() -> log.handledCount(good) == 1);
        assertDeadLettered(EventProbe.withHeader("ce_id", badJson), "MalformedEventException", "not valid JSON");
        assertDeadLettered(EventProbe.withHeader("ce_id", unknownType), "UnknownEventTypeException",
                "sample.ticket.renamed.v1");
        assertDeadLettered(r -> "no id".equals(dataTitle(r)), "MalformedEventException", "ce_id");
        assertDeadLettered(EventProbe.withHeader("ce_id", invalidData), "MalformedEventException", "title");
        assertThat(log.attempts).doesNotContainKeys(badJson, unknownType, invalidData);
    }

    @Test
    void ignoredEventTypesAreSkippedWithoutDeadLettering() throws Exception {
        deadLetters = EventProbe.on(DeadLetterPublishing.deadLetterTopic("sample.tickets", group));
        String archived = EventIds.next();
        send(event(archived, "sample.ticket.archived.v1", "t-5", "archived"));
        String marker = EventIds.next();
        send(event(EventIds.next(), "sample.ticket.opened.v1", marker, "marker"));

        await().atMost(Duration.ofSeconds(20)).until(() -> log.handledCount(marker) == 1);
        Thread.sleep(500);
        assertThat(deadLetters.records(EventProbe.withHeader("ce_id", archived))).isEmpty();
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedWithBackoffThenDeadLettered() throws Exception {
        deadLetters = EventProbe.on(DeadLetterPublishing.deadLetterTopic("sample.tickets", group));
        String ticket = EventIds.next();
        String eventId = EventIds.next();
        send(event(eventId, "sample.ticket.opened.v1", ticket, "fail-always"));

        ConsumerRecord<byte[], byte[]> dead = deadLetters.await(EventProbe.withHeader("ce_id", eventId),
                Duration.ofSeconds(30));
        assertThat(log.attempts.get(eventId)).hasValue(4);
        assertThat(EventProbe.header(dead, DeadLetterPublishing.REASON_CLASS))
                .isEqualTo(IllegalStateException.class.getName());
        assertThat(log.handledCount(ticket)).isZero();
    }

    @Test
    void aTransientFailureIsRetriedAndTheEventHandledOnce() throws Exception {
        String ticket = EventIds.next();
        send(event(EventIds.next(), "sample.ticket.opened.v1", ticket, "fail-once"));

        await().atMost(Duration.ofSeconds(20)).until(() -> log.handledCount(ticket) == 1);
    }

    @Test
    void eventsSentWhileTheConsumerIsStoppedAreHandledOnceAfterItRestarts() throws Exception {
        bindings.changeState("onTicketEvents-in-0", BindingsLifecycleController.State.STOPPED);
        String ticket = EventIds.next();
        try {
            send(event(EventIds.next(), "sample.ticket.opened.v1", ticket, "while stopped"));
            Thread.sleep(1_000);
            assertThat(log.handledCount(ticket)).isZero();
        } finally {
            bindings.changeState("onTicketEvents-in-0", BindingsLifecycleController.State.STARTED);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> log.handledCount(ticket) == 1);
    }

    private void assertDeadLettered(java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> which,
            String reasonClass, String reasonText) {
        ConsumerRecord<byte[], byte[]> dead = deadLetters.await(which, Duration.ofSeconds(20));
        assertThat(EventProbe.header(dead, DeadLetterPublishing.REASON_CLASS)).endsWith(reasonClass);
        assertThat(EventProbe.header(dead, DeadLetterPublishing.REASON)).contains(reasonText);
        assertThat(EventProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo("sample.tickets");
        assertThat(dead.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(EventProbe.header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
    }

    private static String dataTitle(ConsumerRecord<byte[], byte[]> record) {
        String value = EventProbe.value(record);
        return value != null && value.contains("\"title\":\"") ? value.replaceAll(".*\"title\":\"([^\"]*)\".*", "$1")
                : null;
    }

    private void send(ProducerRecord<byte[], byte[]> record) throws Exception {
        kafka.send(record).get();
    }

    private static ProducerRecord<byte[], byte[]> event(String id, String type, String ticketId, String title) {
        String data = "{\"ticketId\":\"" + ticketId + "\",\"title\":\"" + title + "\",\"owner\":\"o\",\"openedAt\":\""
                + Instant.now() + "\"}";
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("sample.tickets",
                "o".getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", "/test");
        header(record, "ce_subject", ticketId);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
