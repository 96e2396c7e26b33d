package ru.eshkola.applications.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;

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

@ApplicationsIT
class ComplaintsIT {

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
    ComplaintRegister complaints;

    @BeforeAll
    static void subscribe() {
        events = EventProbe.on("applications.complaints");
    }

    @AfterAll
    static void close() throws InterruptedException {
        events.close();
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    static String complaint(String schoolId, String applicationId, String subject) {
        return """
                {"schoolId":"%s",%s"subject":"%s",
                 "complainant":{"lastName":"Иванова","firstName":"Мария","middleName":"Петровна",
                                "email":"M.Ivanova@Example.ru"},
                 "text":"Прошу пересмотреть решение об отказе: все документы были представлены."}"""
                .formatted(schoolId, applicationId == null ? "" : "\"applicationId\":\"" + applicationId + "\",",
                        subject);
    }

    @Test
    void aComplaintAboutADecisionIsAnsweredWithin15WorkingDaysAndTheAnswerIsPublishedForTheComplainant() {
        JournalFeed journal = new JournalFeed(kafka, roster);
        String school = journal.school();
        Api api = Api.registrar(port, school);
        String student = journal.student(school, "Фёдоров", "Антон");
        clock.setTo(Instant.parse("2025-12-26T05:00:00Z"));
        String application = api.application(school, student, Api.email("fedorova")).get("id").asString();

        JsonNode registered = api.post("/api/v1/complaints", complaint(school, application, "DECISION"));
        String id = registered.get("id").asString();
        assertThat(registered.get("answerDue").asString()).isEqualTo("2026-01-28");
        assertThat(registered.get("state").asString()).isEqualTo("OPEN");
        assertThat(registered.at("/complainant/email").asString()).isEqualTo("m.ivanova@example.ru");

        JsonNode answered = api.post("/api/v1/complaints/" + id + "/answer", """
                {"outcome":"UPHELD","answer":"Жалоба удовлетворена: заявление будет рассмотрено повторно."}""");
        assertThat(answered.get("state").asString()).isEqualTo("ANSWERED");
        assertThat(answered.at("/answer/onTime").asBoolean()).isTrue();
        assertThat(answered.get("history")).extracting(h -> h.get("action").asString())
                .containsExactly("REGISTERED", "ANSWERED");
        HttpResponse<String> twice = api.send("POST", "/api/v1/complaints/" + id + "/answer",
                "{\"outcome\":\"REJECTED\",\"answer\":\"Нет\"}", Api.REGISTRAR);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("complaint-answered");

        ConsumerRecord<byte[], byte[]> registeredEvent = Api.await(events, "applications.complaint.registered.v1", id)
                .getFirst();
        ConsumerRecord<byte[], byte[]> answeredEvent = Api.await(events, "applications.complaint.answered.v1", id)
                .getFirst();
        JsonSchemas.assertValidEvent("applications-service", registeredEvent);
        JsonSchemas.assertValidEvent("applications-service", answeredEvent);
        assertThat(EventProbe.key(answeredEvent)).isEqualTo(id);
        assertThat(Api.data(answeredEvent).get("answer").asString()).contains("Жалоба удовлетворена");
        assertThat(Api.data(answeredEvent).get("contactEmail").asString()).isEqualTo("m.ivanova@example.ru");
    }

    @Test
    void aComplaintAboutARefusalToAcceptDocumentsIsDueIn5WorkingDaysAndItsOverdueAnswerIsPublished() {
        String school = new JournalFeed(kafka, roster).school();
        Api api = Api.registrar(port, school);
        clock.setTo(Instant.parse("2025-12-26T05:00:00Z"));
        JsonNode registered = api.post("/api/v1/complaints", complaint(school, null, "REFUSAL_TO_ACCEPT_DOCUMENTS"));
        String id = registered.get("id").asString();
        // 29, 30 December, then 12, 13, 14 January
        assertThat(registered.get("answerDue").asString()).isEqualTo("2026-01-14");

        clock.setTo(Instant.parse("2026-01-15T05:00:00Z"));
        complaints.checkDeadlines();
        complaints.checkDeadlines();

        JsonNode due = Api.ok(api.get("/api/v1/complaints/due?schoolId=" + school));
        assertThat(due.get(0).get("id").asString()).isEqualTo(id);
        assertThat(due.get(0).get("stage").asString()).isEqualTo("OVERDUE");
        ConsumerRecord<byte[], byte[]> overdue = Api.await(events, "applications.complaint.overdue.v1", id)
                .getFirst();
        JsonSchemas.assertValidEvent("applications-service", overdue);
        assertThat(Api.data(overdue).get("stage").asString()).isEqualTo("OVERDUE");
        assertThat(events.records(EventProbe.withHeader("ce_type", "applications.complaint.overdue.v1")
                .and(EventProbe.withHeader("ce_subject", id)))).hasSize(1);
        JsonNode listed = Api.ok(api.get("/api/v1/complaints?schoolId=" + school + "&state=OPEN"));
        assertThat(listed.at("/items/0/history/1/action").asString()).isEqualTo("OVERDUE");
    }

    @Test
    void aComplaintAboutAnUnknownApplicationIsRefusedAndNothingIsRegistered() {
        JournalFeed journal = new JournalFeed(kafka, roster);
        String school = journal.school();
        String otherSchool = journal.school();
        Api api = Api.registrar(port, school, otherSchool);
        String student = journal.student(otherSchool, "Другой", "Ученик");
        String foreignApplication = api.application(otherSchool, student, Api.email("other")).get("id").asString();

        HttpResponse<String> unknown = api.send("POST", "/api/v1/complaints",
                complaint(school, "no-such-application", "DECISION"), Api.REGISTRAR);
        HttpResponse<String> foreign = api.send("POST", "/api/v1/complaints",
                complaint(school, foreignApplication, "DECISION"), Api.REGISTRAR);
        HttpResponse<String> noText = api.send("POST", "/api/v1/complaints",
                complaint(school, null, "ACTION").replace("Прошу пересмотреть решение об отказе: все документы были "
                        + "представлены.", ""), Api.REGISTRAR);

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"applicationId\"");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(noText.body()).contains("\"field\":\"text\"");
        assertThat(Api.ok(api.get("/api/v1/complaints?schoolId=" + school)).get("totalItems").asInt()).isZero();
    }
}
