package ru.eshkola.applications.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
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

/**
 * Given a school and its students from the journal: a parent applies, consents, the school decides; every transition
 * and every refused one, with the events other services see.
 */
@ApplicationsIT
class ApplicationLifecycleIT {

    static EventProbe events;

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    Roster roster;

    @BeforeAll
    static void subscribe() {
        events = EventProbe.on("applications.applications", "applications.access", "applications.accounts",
                "applications.consents", "applications.complaints");
    }

    @AfterAll
    static void everyEventSeenIsSchemaValidAndFreeOfSecrets() throws InterruptedException {
        try {
            for (ConsumerRecord<byte[], byte[]> record : events.records(r -> true)) {
                JsonSchemas.assertValidEvent("applications-service", record);
                assertThat(EventProbe.value(record)).doesNotContain("$argon2").doesNotContain("password");
            }
        } finally {
            events.close();
        }
    }

    JournalFeed journal() {
        return new JournalFeed(kafka, roster);
    }

    @Test
    void aGrantedApplicationIssuesAnAccountWithAccessToTheStudentAndEveryEventIsSchemaValid() {
        String school = journal().school();
        Api api = Api.registrar(port, school);
        String anna = journal().student(school, "Иванова", "Анна");
        String email = Api.email("ivanova");

        JsonNode application = api.application(school, anna, email);
        String id = application.get("id").asString();
        assertThat(application.get("state").asString()).isEqualTo("RECEIVED");
        assertThat(application.get("registrationNumber").asString()).matches("\\d{4}-\\d{4}");
        assertThat(application.at("/students/0/lastName").asString()).isEqualTo("Иванова");
        assertThat(application.at("/history/0/by").asString()).isEqualTo(Api.REGISTRAR);
        JsonNode consent = api.consent(school, anna);
        JsonNode granted = Api.ok(api.grant(id));

        assertThat(granted.get("state").asString()).isEqualTo("GRANTED");
        assertThat(granted.at("/decision/consentIds/0").asString()).isEqualTo(consent.get("id").asString());
        assertThat(granted.get("history")).extracting(h -> h.get("action").asString())
                .containsExactly("REGISTERED", "GRANTED");

        ConsumerRecord<byte[], byte[]> received = Api.await(events, "applications.application.received.v1", id)
                .getFirst();
        ConsumerRecord<byte[], byte[]> grantedEvent = Api.await(events, "applications.application.granted.v1", id)
                .getFirst();
        ConsumerRecord<byte[], byte[]> issued = Api.await(events, "applications.account.issued.v1", email).getFirst();
        ConsumerRecord<byte[], byte[]> access = Api.await(events, "applications.access.granted.v1", id).getFirst();
        ConsumerRecord<byte[], byte[]> consentGiven = Api.await(events, "applications.consent.given.v1",
                consent.get("id").asString()).getFirst();
        for (ConsumerRecord<byte[], byte[]> record : List.of(received, grantedEvent, issued, access, consentGiven)) {
            JsonSchemas.assertValidEvent("applications-service", record);
            assertThat(EventProbe.header(record, "ce_source")).isEqualTo("/applications-service");
        }
        assertThat(EventProbe.key(received)).isEqualTo(id);
        assertThat(EventProbe.key(access)).as("access is keyed by student").isEqualTo(anna);
        String accountId = Api.data(issued).get("accountId").asString();
        assertThat(EventProbe.key(issued)).isEqualTo(accountId);
        assertThat(Api.data(access).get("guardianAccountId").asString()).isEqualTo(accountId);
        assertThat(Api.data(access).get("relation").asString()).isEqualTo("GUARDIAN");
        assertThat(Api.data(issued).get("activationUrl").asString()).contains("token=");
        assertThat(Api.data(issued).toString()).doesNotContain("password").doesNotContain("$argon2");
        assertThat(EventProbe.value(access)).doesNotContain("Иванова");
        assertThat(Api.data(received).get("decisionDue").asString()).isEqualTo(application.get("decisionDue")
                .asString());

        JsonNode account = Api.ok(api.get("/api/v1/accounts/" + accountId));
        assertThat(account.get("state").asString()).isEqualTo("PENDING_ACTIVATION");
        assertThat(account.get("roles")).extracting(JsonNode::asString).containsExactly("GUARDIAN");
        assertThat(account.toString()).doesNotContain("passwordHash").doesNotContain("activationTokenHash");
    }

    @Test
    void aGrantWithoutAValidConsentIsRefusedAndChangesNothing() {
        String school = journal().school();
        Api api = Api.registrar(port, school);
        String boris = journal().student(school, "Петров", "Борис");
        String id = api.application(school, boris, Api.email("petrova")).get("id").asString();

        HttpResponse<String> refused = api.grant(id);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("urn:eshkola:problem:consent-missing").contains(boris);
        JsonNode unchanged = Api.ok(api.get("/api/v1/applications/" + id));
        assertThat(unchanged.get("state").asString()).isEqualTo("RECEIVED");
        assertThat(unchanged.get("version").asInt()).isEqualTo(1);

        String consent = api.consent(school, boris).get("id").asString();
        Api.ok(api.send("POST", "/api/v1/consents/" + consent + "/withdrawal", "{}", Api.REGISTRAR));
        assertThat(api.grant(id).statusCode()).as("a withdrawn consent is no consent").isEqualTo(409);
    }

    @Test
    void anApplicationIsDecidedOnceAndOnlyAGrantedServiceCanBeTerminated() {
        String school = journal().school();
        Api api = Api.registrar(port, school);
        String vera = journal().student(school, "Смирнова", "Вера");
        api.consent(school, vera);
        String granted = api.application(school, vera, Api.email("smirnova")).get("id").asString();
        Api.ok(api.grant(granted));

        HttpResponse<String> twice = api.grant(granted);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("application-already-decided");
        assertThat(api.refuse(granted, "{\"grounds\":[\"NO_CONSENT\"]}").statusCode()).isEqualTo(409);

        String refused = api.application(school, vera, Api.email("smirnova2")).get("id").asString();
        Api.ok(api.refuse(refused, "{\"grounds\":[\"APPLICATION_INCOMPLETE\"]}"));
        HttpResponse<String> terminateRefused = api.terminate(refused, "APPLICANT_REQUEST");
        assertThat(terminateRefused.statusCode()).isEqualTo(409);
        assertThat(terminateRefused.body()).contains("application-not-granted");
        assertThat(api.grant(refused).statusCode()).isEqualTo(409);

        String open = api.application(school, vera, Api.email("smirnova3")).get("id").asString();
        assertThat(api.terminate(open, "APPLICANT_REQUEST").statusCode()).isEqualTo(409);
        HttpResponse<String> byConsent = api.terminate(granted, "CONSENT_WITHDRAWN");
        assertThat(byConsent.statusCode()).isEqualTo(400);
        assertThat(byConsent.body()).contains("\"field\":\"reason\"");
        assertThat(Api.ok(api.get("/api/v1/applications/" + granted)).get("state").asString())
                .isEqualTo("GRANTED");
    }

    @Test
    void aRefusalStatesItsGroundsAndComesWithAWrittenNoticeInRussian() throws IOException {
        String school = journal().school();
        Api api = Api.registrar(port, school);
        String gleb = journal().student(school, "Кузнецов", "Глеб");
        String id = api.application(school, gleb, Api.email("kuznetsova")).get("id").asString();

        HttpResponse<String> noGrounds = api.refuse(id, "{\"grounds\":[],\"text\":\"нет\"}");
        assertThat(noGrounds.statusCode()).isEqualTo(400);
        assertThat(noGrounds.body()).contains("\"field\":\"grounds\"");
        HttpResponse<String> unknownGround = api.refuse(id, "{\"grounds\":[\"NOT_A_GROUND\"]}");
        assertThat(unknownGround.statusCode()).isEqualTo(400);
        assertThat(unknownGround.body()).contains("\"field\":\"grounds[0]\"");
        assertThat(api.getBytes("/api/v1/applications/" + id + "/refusal-notice.pdf").statusCode())
                .as("no notice before a refusal").isEqualTo(404);

        JsonNode refused = Api.ok(api.refuse(id, """
                {"grounds":["APPLICATION_INCOMPLETE","APPLICANT_NOT_ENTITLED"],
                 "text":"Не представлен документ, подтверждающий полномочия законного представителя."}"""));
        assertThat(refused.get("state").asString()).isEqualTo("REFUSED");
        String noticeUrl = refused.at("/decision/refusalNotice").asString();
        ConsumerRecord<byte[], byte[]> event = Api.await(events, "applications.application.refused.v1", id)
                .getFirst();
        JsonSchemas.assertValidEvent("applications-service", event);
        assertThat(Api.data(event).get("noticeUrl").asString()).isEqualTo(noticeUrl);
        assertThat(Api.data(event).get("grounds")).extracting(JsonNode::asString)
                .containsExactly("APPLICATION_INCOMPLETE", "APPLICANT_NOT_ENTITLED");

        HttpResponse<byte[]> pdf = api.getBytes(noticeUrl);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument notice = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(notice).replaceAll("\\s+", " ");
            assertThat(text).contains("УВЕДОМЛЕНИЕ")
                    .contains("об отказе в предоставлении услуги")
                    .contains("Уважаемый(ая) Иванова Мария Петровна!")
                    .contains("Кузнецов Глеб Сергеевна")
                    .contains("неполный комплект документов")
                    .contains("обучающимся, достигшим возраста 14 лет")
                    .contains("Не представлен документ, подтверждающий полномочия")
                    .contains("Средняя общеобразовательная школа № 2")
                    .contains(refused.get("registrationNumber").asString());
            PDFont font = notice.getPage(0).getResources().getFont(
                    notice.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).as("the Cyrillic font is embedded").isTrue();
        }
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void anApplicationThatDoesNotQualifyIsRefusedAtRegistrationNamingEachField() {
        String school = journal().school();
        String otherSchool = journal().school();
        // the registrar may act for the unknown school too: what is tested here is the validation, not the access
        Api api = Api.registrar(port, school, otherSchool, "no-such-school");
        String foreign = journal().student(otherSchool, "Чужой", "Олег");
        String child = journal().student(school, "Младший", "Илья", LocalDate.of(2015, 5, 5),
                LocalDate.of(2025, 9, 1));
        String teen = journal().student(school, "Старший", "Тимур", LocalDate.of(2010, 5, 5),
                LocalDate.of(2025, 9, 1));

        HttpResponse<String> notEnrolled = api.apply(Api.applicationJson(school, foreign, Api.email("x")));
        assertThat(notEnrolled.statusCode()).isEqualTo(400);
        assertThat(notEnrolled.body()).contains("\"field\":\"studentIds[0]\"").contains("is not enrolled in school");

        HttpResponse<String> unknownSchool = api.apply(Api.applicationJson("no-such-school", child, Api.email("x")));
        assertThat(unknownSchool.statusCode()).isEqualTo(400);
        assertThat(unknownSchool.body()).contains("\"field\":\"schoolId\"");

        HttpResponse<String> youngStudent = api.apply(Api.applicationJson(school, child, Api.email("ilya"))
                .replace("\"relation\":\"PARENT\"", "\"relation\":\"STUDENT\""));
        assertThat(youngStudent.statusCode()).isEqualTo(400);
        assertThat(youngStudent.body()).contains("\"field\":\"applicant.relation\"").contains("from age 14");

        HttpResponse<String> representative = api.apply(Api.applicationJson(school, child, Api.email("rep"))
                .replace("\"relation\":\"PARENT\"", "\"relation\":\"REPRESENTATIVE\""));
        assertThat(representative.statusCode()).isEqualTo(400);
        assertThat(representative.body()).contains("\"field\":\"applicant.powerOfAttorney\"");

        HttpResponse<String> invalid = api.apply("""
                {"schoolId":"%s","kind":"PAPER_EXTRACT","applicant":{"relation":"PARENT","lastName":"",
                 "firstName":"Мария","email":"not-an-email"},"studentIds":[],"documents":[]}""".formatted(school));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"applicant.lastName\"")
                .contains("\"field\":\"applicant.email\"")
                .contains("\"field\":\"studentIds\"").contains("\"field\":\"documents\"");

        HttpResponse<String> noActor = api.send("POST", "/api/v1/applications",
                Api.applicationJson(school, child, Api.email("x")), (String) null);
        assertThat(noActor.statusCode()).isEqualTo(401);

        JsonNode teenApplies = Api.ok(api.apply(Api.applicationJson(school, teen, Api.email("timur"))
                .replace("\"relation\":\"PARENT\"", "\"relation\":\"STUDENT\"")));
        assertThat(teenApplies.at("/applicant/relation").asString()).isEqualTo("STUDENT");
        assertThat(Api.ok(api.get("/api/v1/applications?schoolId=" + school)).get("totalItems").asInt())
                .as("nothing but the 14+ student's application was registered").isEqualTo(1);
    }

    @Test
    void terminatingAtTheApplicantsRequestRevokesAccessAndBlocksTheAccount() {
        String school = journal().school();
        Api api = Api.registrar(port, school);
        String dina = journal().student(school, "Орлова", "Дина");
        String email = Api.email("orlova");
        api.consent(school, dina);
        String id = api.application(school, dina, email).get("id").asString();
        Api.ok(api.grant(id));
        String accountId = Api.data(Api.await(events, "applications.account.issued.v1", email).getFirst())
                .get("accountId").asString();

        JsonNode terminated = Api.ok(api.terminate(id, "APPLICANT_REQUEST"));
        assertThat(terminated.get("state").asString()).isEqualTo("TERMINATED");
        assertThat(terminated.at("/termination/terminatedBy").asString()).isEqualTo(Api.REGISTRAR);
        assertThat(api.terminate(id, "APPLICANT_REQUEST").statusCode()).isEqualTo(409);

        ConsumerRecord<byte[], byte[]> event = Api.await(events, "applications.application.terminated.v1", id)
                .getFirst();
        ConsumerRecord<byte[], byte[]> revoked = Api.await(events, "applications.access.revoked.v1", id).getFirst();
        ConsumerRecord<byte[], byte[]> blocked = Api.await(events, "applications.account.blocked.v1", accountId)
                .getFirst();
        List.of(event, revoked, blocked).forEach(r -> JsonSchemas.assertValidEvent("applications-service", r));
        assertThat(EventProbe.key(revoked)).isEqualTo(dina);
        assertThat(Api.data(revoked).get("reason").asString()).isEqualTo("APPLICANT_REQUEST");
        assertThat(Api.data(blocked).get("reason").asString()).isEqualTo("SERVICE_TERMINATED");
        assertThat(Api.ok(api.get("/api/v1/accounts/" + accountId)).get("state").asString()).isEqualTo("BLOCKED");
    }

    @Test
    void withdrawingTheConsentTerminatesTheServiceGrantedOnIt() {
        String school = journal().school();
        Api api = Api.registrar(port, school);
        String egor = journal().student(school, "Волков", "Егор");
        String consent = api.consent(school, egor).get("id").asString();
        String id = api.application(school, egor, Api.email("volkova")).get("id").asString();
        Api.ok(api.grant(id));

        Api.ok(api.send("POST", "/api/v1/consents/" + consent + "/withdrawal", """
                {"document":{"title":"Заявление об отзыве согласия","date":"2026-11-25"}}""", "registrar-2"));
        HttpResponse<String> again = api.send("POST", "/api/v1/consents/" + consent + "/withdrawal", "{}",
                "registrar-2");
        assertThat(again.statusCode()).isEqualTo(409);

        ConsumerRecord<byte[], byte[]> terminated = Api.await(events, "applications.application.terminated.v1", id)
                .getFirst();
        assertThat(Api.data(terminated).get("reason").asString()).isEqualTo("CONSENT_WITHDRAWN");
        assertThat(Api.data(terminated).get("consentId").asString()).isEqualTo(consent);
        assertThat(Api.data(terminated).get("terminatedBy").asString()).isEqualTo("registrar-2");
        JsonSchemas.assertValidEvent("applications-service",
                Api.await(events, "applications.consent.withdrawn.v1", consent).getFirst());
        assertThat(Api.ok(api.get("/api/v1/applications/" + id)).get("state").asString()).isEqualTo("TERMINATED");
    }

    @Test
    void aStudentWhoLeavesTheSchoolLosesTheServiceButOneWhoChangesClassKeepsIt() {
        JournalFeed journal = journal();
        String school = journal.school();
        Api api = Api.registrar(port, school);
        String leaving = journal.student(school, "Зайцева", "Полина");
        String moving = journal.student(school, "Морозов", "Кирилл");
        api.consent(school, leaving);
        api.consent(school, moving);
        String leavingApp = api.application(school, leaving, Api.email("zaitseva")).get("id").asString();
        String movingApp = api.application(school, moving, Api.email("morozova")).get("id").asString();
        Api.ok(api.grant(leavingApp));
        Api.ok(api.grant(movingApp));

        journal.endEnrolment(school, moving, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 11, 20),
                "MOVED_WITHIN_SCHOOL");
        journal.enrol(school, moving, LocalDate.of(2026, 11, 21));
        journal.endEnrolment(school, leaving, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 11, 20), "LEFT_SCHOOL");

        ConsumerRecord<byte[], byte[]> terminated = Api.await(events, "applications.application.terminated.v1",
                leavingApp).getFirst();
        assertThat(Api.data(terminated).get("reason").asString()).isEqualTo("STUDENT_LEFT_SCHOOL");
        assertThat(Api.data(terminated).get("terminatedBy").asString()).isEqualTo("system:journal");
        assertThat(Api.ok(api.get("/api/v1/applications/" + movingApp)).get("state").asString())
                .isEqualTo("GRANTED");
    }

    @Test
    void aTerminationApplicationEndsTheServiceItNames() {
        String school = journal().school();
        Api api = Api.registrar(port, school);
        String lev = journal().student(school, "Лебедев", "Лев");
        api.consent(school, lev);
        String email = Api.email("lebedeva");
        String service = api.application(school, lev, email).get("id").asString();
        Api.ok(api.grant(service));

        HttpResponse<String> withoutTarget = api.apply(Api.applicationJson(school, lev, email)
                .replace("ELECTRONIC_DIARY", "TERMINATION"));
        assertThat(withoutTarget.statusCode()).isEqualTo(400);
        assertThat(withoutTarget.body()).contains("\"field\":\"terminatesApplicationId\"");
        String termination = Api.ok(api.apply(Api.applicationJson(school, lev, email)
                .replace("ELECTRONIC_DIARY", "TERMINATION")
                .replace("\"studentIds\"", "\"terminatesApplicationId\":\"" + service + "\",\"studentIds\"")))
                .get("id").asString();
        Api.ok(api.grant(termination));

        JsonNode ended = Api.ok(api.get("/api/v1/applications/" + service));
        assertThat(ended.get("state").asString()).isEqualTo("TERMINATED");
        assertThat(ended.at("/termination/terminationApplicationId").asString()).isEqualTo(termination);
        Api.await(events, "applications.access.revoked.v1", service);
    }

    @Test
    void aPaperExtractNeedsAConsentForThatPurposeIsAOneOffAndIssuesNoAccount() throws InterruptedException {
        String school = journal().school();
        Api api = Api.registrar(port, school);
        String nina = journal().student(school, "Соколова", "Нина");
        String email = Api.email("sokolova");
        api.consent(school, nina);
        JsonNode extract = Api.ok(api.apply(Api.applicationJson(school, nina, email)
                .replace("ELECTRONIC_DIARY", "PAPER_EXTRACT")
                .replace("\"studentIds\"", "\"extractPeriod\":{\"from\":\"2025-09-01\",\"to\":\"2025-10-31\"},"
                        + "\"studentIds\"")));
        String id = extract.get("id").asString();
        assertThat(extract.at("/extractPeriod/to").asString()).isEqualTo("2025-10-31");

        HttpResponse<String> diaryConsentOnly = api.grant(id);
        assertThat(diaryConsentOnly.statusCode()).isEqualTo(409);
        assertThat(diaryConsentOnly.body()).contains("PAPER_EXTRACT");
        api.post("/api/v1/consents", """
                {"schoolId":"%s","studentId":"%s",
                 "givenBy":{"relation":"PARENT","lastName":"Соколова","firstName":"Ирина"},
                 "purposes":["PAPER_EXTRACT"],"document":{"title":"Согласие"}}""".formatted(school, nina));
        Api.ok(api.grant(id));
        var granted = Api.await(events, "applications.application.granted.v1", id).getFirst();
        JsonSchemas.assertValidEvent("applications-service", granted);
        assertThat(Api.data(granted).at("/extractPeriod/from").asString()).as("diary renders the extract for it")
                .isEqualTo("2025-09-01");
        assertThat(Api.data(granted).at("/extractPeriod/to").asString()).isEqualTo("2025-10-31");
        var received = Api.await(events, "applications.application.received.v1", id).getFirst();
        JsonSchemas.assertValidEvent("applications-service", received);
        assertThat(Api.data(received).at("/extractPeriod/to").asString()).isEqualTo("2025-10-31");

        HttpResponse<String> terminate = api.terminate(id, "APPLICANT_REQUEST");
        assertThat(terminate.statusCode()).isEqualTo(409);
        assertThat(terminate.body()).contains("application-not-terminable");
        Thread.sleep(500);
        assertThat(events.records(EventProbe.withHeader("ce_type", "applications.account.issued.v1")
                .and(r -> EventProbe.value(r).contains(email)))).as("an extract is handed over, not an account")
                .isEmpty();
    }

    @Test
    void theRegisterIsListedWithFiltersExportedAsCsvAndShowsWhoDidWhatWhen() {
        String school = journal().school();
        Api api = Api.registrar(port, school);
        String maria = journal().student(school, "Новикова", "Мария");
        api.consent(school, maria);
        String granted = api.application(school, maria, Api.email("novikova")).get("id").asString();
        Api.ok(api.grant(granted));
        api.application(school, maria, Api.email("novikova2"));

        JsonNode open = Api.ok(api.get("/api/v1/applications?schoolId=" + school + "&state=RECEIVED"));
        assertThat(open.get("totalItems").asInt()).isEqualTo(1);
        JsonNode all = Api.ok(api.get("/api/v1/applications?schoolId=" + school + "&size=1&page=1"));
        assertThat(all.get("totalItems").asInt()).isEqualTo(2);
        assertThat(all.get("items")).hasSize(1);
        assertThat(api.get("/api/v1/applications?schoolId=" + school + "&state=MAYBE").statusCode()).isEqualTo(400);

        HttpResponse<byte[]> csv = api.getBytes("/api/v1/applications/export.csv?schoolId=" + school);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("applications.csv");
        byte[] body = csv.body();
        assertThat(new byte[] {body[0], body[1], body[2]}).as("UTF-8 byte-order mark")
                .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).startsWith("registrationNumber;id;kind;state;applicant;");
        assertThat(lines.get(1)).contains("Иванова Мария Петровна").contains("GRANTED").contains(Api.REGISTRAR);

        for (String register : List.of("consents", "accounts", "complaints")) {
            HttpResponse<byte[]> export = api.getBytes("/api/v1/" + register + "/export.csv?schoolId=" + school);
            assertThat(export.statusCode()).as(register).isEqualTo(200);
            assertThat(export.body()[0]).isEqualTo((byte) 0xEF);
        }
        JsonNode consents = Api.ok(api.get("/api/v1/consents?schoolId=" + school + "&state=VALID"));
        assertThat(consents.at("/items/0/history/0/by").asString()).isEqualTo(Api.REGISTRAR);
        assertThat(consents.at("/items/0/history/0/at").asString()).isNotBlank();
    }
}
