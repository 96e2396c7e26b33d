package ru.eshkola.applications.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import ru.eshkola.applications.Api;
import ru.eshkola.applications.ApplicationsIT;
import ru.eshkola.applications.JournalFeed;
import ru.eshkola.applications.roster.Roster;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.JsonSchemas;
import ru.eshkola.kit.testing.ShiftedClock;

/** The 10-working-day decision deadline across the New Year holidays, watched and published exactly once. */
@ApplicationsIT
class DecisionDeadlinesIT {

    static EventProbe events;

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    Roster roster;
    @Autowired
    ShiftedClock clock;
    @Autowired
    DecisionDeadlines deadlines;

    @BeforeAll
    static void subscribe() {
        events = EventProbe.on("applications.applications");
    }

    @AfterAll
    static void close() throws InterruptedException {
        events.close();
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void anApplicationReceivedOn26DecemberIsDueOn21JanuaryAndIsPublishedAsDueSoonThenOverdueOnceEach()
            throws Exception {
        JournalFeed journal = new JournalFeed(kafka, roster);
        String school = journal.school();
        Api api = Api.registrar(port, school);
        String student = journal.student(school, "Егорова", "Ксения");
        clock.setTo(Instant.parse("2025-12-26T05:00:00Z")); // Friday, 10:00 in Нижняя Тура
        JsonNode application = api.application(school, student, Api.email("egorova"));
        String id = application.get("id").asString();
        assertThat(application.get("decisionDue").asString()).isEqualTo("2026-01-21");
        assertThat(application.get("registrationDue").asString()).isEqualTo("2025-12-29");
        assertThat(api.get("/api/v1/applications/due?schoolId=" + school).body()).isEqualTo("[]");

        clock.setTo(Instant.parse("2026-01-19T05:00:00Z"));
        // the scheduled check may run meanwhile too: three checkers, still one notice per stage
        twoInstancesCheckAtOnce();
        JsonNode due = Api.ok(api.get("/api/v1/applications/due?schoolId=" + school));
        assertThat(due.get(0).get("stage").asString()).isEqualTo("DUE_SOON");
        assertThat(due.get(0).get("workingDaysLeft").asInt()).isEqualTo(2);

        clock.setTo(Instant.parse("2026-01-22T05:00:00Z"));
        twoInstancesCheckAtOnce();
        deadlines.check();
        assertThat(Api.ok(api.get("/api/v1/applications/due?schoolId=" + school)).get(0).get("stage").asString())
                .isEqualTo("OVERDUE");

        List<ConsumerRecord<byte[], byte[]>> notices = awaitNotices(id, 2);
        assertThat(notices).extracting(r -> Api.data(r).get("stage").asString())
                .containsExactly("DUE_SOON", "OVERDUE");
        notices.forEach(r -> JsonSchemas.assertValidEvent("applications-service", r));
        assertThat(notices).allSatisfy(r -> assertThat(EventProbe.key(r)).isEqualTo(id));
        assertThat(Api.data(notices.getFirst()).get("decisionDue").asString()).isEqualTo("2026-01-21");

        api.consent(school, student);
        JsonNode late = Api.ok(api.grant(id));
        assertThat(late.at("/decision/onTime").asBoolean()).isFalse();
        assertThat(late.get("history")).extracting(h -> h.get("action").asString())
                .containsExactly("REGISTERED", "DUE_SOON", "OVERDUE", "GRANTED");
        deadlines.check();
        Thread.sleep(300);
        assertThat(events.records(notice(id))).hasSize(2);
    }

    @Test
    void aReceiptLateOnThursdayEveningInUtcIsAlreadyFridayInTheSchoolsTimeZone() {
        JournalFeed journal = new JournalFeed(kafka, roster);
        String school = journal.school();
        Api api = Api.registrar(port, school);
        String student = journal.student(school, "Лаптева", "Софья");
        clock.setTo(Instant.parse("2025-12-26T06:00:00Z"));
        JsonNode application = Api.ok(api.apply(Api.applicationJson(school, student, Api.email("lapteva"))
                .replace("\"documents\"", "\"receivedAt\":\"2025-12-25T20:00:00Z\",\"documents\"")));
        // 20:00 UTC on Thursday is 01:00 on Friday 26 December in Asia/Yekaterinburg: the school's day counts
        // (counted from the UTC day the decision would be due on 20 January, and registration on 26 December)
        assertThat(application.get("decisionDue").asString()).isEqualTo("2026-01-21");
        assertThat(application.get("registrationDue").asString()).isEqualTo("2025-12-29");

        HttpResponse<String> future = api.apply(Api.applicationJson(school, student, Api.email("x"))
                .replace("\"documents\"", "\"receivedAt\":\"2025-12-28T20:00:00Z\",\"documents\""));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("\"field\":\"receivedAt\"").contains("future");
    }

    private void twoInstancesCheckAtOnce() throws Exception {
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(deadlines::check);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(deadlines::check);
        CompletableFuture.allOf(first, second).get();
    }

    private static java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> notice(String id) {
        return EventProbe.withHeader("ce_type", "applications.decision.overdue.v1")
                .and(EventProbe.withHeader("ce_subject", id));
    }

    private List<ConsumerRecord<byte[], byte[]>> awaitNotices(String id, int count) throws InterruptedException {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> events.records(notice(id)).size() >= count);
        Thread.sleep(500);
        return events.records(notice(id));
    }
}
