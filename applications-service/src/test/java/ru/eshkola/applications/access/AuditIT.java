package ru.eshkola.applications.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import ru.eshkola.applications.Api;
import ru.eshkola.applications.ApplicationsIT;
import ru.eshkola.applications.JournalFeed;
import ru.eshkola.applications.roster.Roster;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.TestTokens;

/** Every read or change of personal data leaves an audit entry: who, what, whose, when, from where, outcome. */
@ApplicationsIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIT {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    Roster roster;

    String school;
    String otherSchool;
    String student;
    String classmate;
    TestTokens.Token administrator;

    @BeforeAll
    void aSchoolWithTwoStudents() {
        JournalFeed journal = new JournalFeed(kafka, roster);
        school = journal.school();
        otherSchool = journal.school();
        student = journal.student(school, "Аудитова", "Ольга");
        classmate = journal.student(school, "Соседова", "Вера");
        administrator = Api.administrator("audit-admin", school);
    }

    @Test
    void readsChangesExportsAndRefusalsAreRecordedWithWhoWhatWhoseWhenAndFromWhere() {
        Instant before = Instant.now().minusSeconds(1);
        Http admin = Http.local(port).withToken(administrator);
        HttpResponse<String> registered = admin.send(admin.request("/api/v1/applications")
                .header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113.41")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.applicationJson(school, student,
                        Api.email("audit")))));
        String id = Api.ok(registered).get("id").asString();
        Api.ok(admin.send(admin.request("/api/v1/applications/" + id).header("X-Forwarded-For", "203.0.113.42")
                .GET()));
        Api.ok(admin.get("/api/v1/applications?schoolId=" + school));
        assertThat(admin.get("/api/v1/applications/export.csv?schoolId=" + school).statusCode()).isEqualTo(200);
        assertThat(Http.local(port).withToken(Api.administrator("intruder", otherSchool))
                .get("/api/v1/applications/" + id).statusCode()).isEqualTo(403);

        List<JsonNode> entries = items(Api.ok(admin.get("/api/v1/audit?schoolId=" + school + "&from=" + before)));
        JsonNode change = find(entries, "CHANGE", "POST /api/v1/applications");
        assertThat(change.get("accountId").asString()).isEqualTo("audit-admin");
        assertThat(change.get("roles")).extracting(JsonNode::asString).containsExactly("SCHOOL_ADMINISTRATOR");
        assertThat(change.get("studentIds")).extracting(JsonNode::asString).containsExactly(student);
        assertThat(change.get("entries")).extracting(JsonNode::asString).containsExactly("application:" + id);
        assertThat(change.get("client").asString()).isEqualTo("203.0.113.41");
        assertThat(change.get("outcome").asString()).isEqualTo("DONE");
        assertThat(Instant.parse(change.get("at").asString())).isAfter(before);
        JsonNode read = find(entries, "READ", "GET /api/v1/applications/{id}");
        assertThat(read.get("client").asString()).isEqualTo("203.0.113.42");
        assertThat(read.get("schoolId").asString()).isEqualTo(school);
        assertThat(find(entries, "READ", "GET /api/v1/applications").get("studentIds"))
                .extracting(JsonNode::asString).contains(student);
        JsonNode export = find(entries, "EXPORT", "GET /api/v1/applications/export.csv");
        assertThat(export.get("entryCount").asInt()).isPositive();
        assertThat(export.get("studentIds")).extracting(JsonNode::asString).contains(student);
        JsonNode denied = find(entries, "READ", "GET /api/v1/applications/{id}", "DENIED");
        assertThat(denied.get("accountId").asString()).isEqualTo("intruder");
        assertThat(denied.get("studentIds")).as("nothing was read").isEmpty();
    }

    @Test
    void aGuardianListsTheReadsOfTheirChildAndSeesNothingOfOtherChildren() {
        Http admin = Http.local(port).withToken(administrator);
        Api.ok(admin.get("/api/v1/consents?schoolId=" + school));
        Api registrar = new Api(port).as(administrator);
        registrar.consent(school, student);
        registrar.consent(school, classmate);
        assertThat(admin.get("/api/v1/consents/export.csv?schoolId=" + school).statusCode()).isEqualTo(200);

        JsonNode own = Api.ok(Http.local(port).withToken(TestTokens.guardian("parent-1", student))
                .get("/api/v1/audit?studentId=" + student));
        List<JsonNode> entries = items(own);
        assertThat(entries).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.get("studentIds")).extracting(JsonNode::asString).containsExactly(student);
            assertThat(absent(entry, "client")).as("the reader's address").isTrue();
            assertThat(absent(entry, "entries")).as("the other families' entries").isTrue();
        });
        assertThat(own.toString()).doesNotContain(classmate);
        JsonNode export = find(entries, "EXPORT", "GET /api/v1/consents/export.csv");
        assertThat(export.get("accountId").asString()).isEqualTo("audit-admin");
        assertThat(Http.local(port).withToken(TestTokens.student(student)).get("/api/v1/audit?studentId=" + student)
                .statusCode()).as("the student themselves").isEqualTo(200);
    }

    @Test
    void theAuditIsSearchedByTimeAndPagedAndCannotBeChangedThroughTheApi() {
        Http admin = Http.local(port).withToken(administrator);
        for (int i = 0; i < 3; i++) {
            Api.ok(admin.get("/api/v1/complaints?schoolId=" + school));
        }
        JsonNode page = Api.ok(admin.get("/api/v1/audit?schoolId=" + school + "&size=2"));
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        Instant first = Instant.parse(page.at("/items/0/at").asString());
        Instant second = Instant.parse(page.at("/items/1/at").asString());
        assertThat(first).as("newest first").isAfterOrEqualTo(second);
        assertThat(items(Api.ok(admin.get("/api/v1/audit?schoolId=" + school + "&to=2000-01-01T00:00:00Z"))))
                .isEmpty();
        assertThat(admin.delete("/api/v1/audit?schoolId=" + school).statusCode()).isEqualTo(405);
        assertThat(admin.put("/api/v1/audit", "{}").statusCode()).isEqualTo(405);
    }

    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode();
    }

    private static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).toList();
    }

    private static JsonNode find(List<JsonNode> entries, String action, String endpoint) {
        return find(entries, action, endpoint, "DONE");
    }

    private static JsonNode find(List<JsonNode> entries, String action, String endpoint, String outcome) {
        return entries.stream().filter(e -> action.equals(e.get("action").asString())
                        && endpoint.equals(e.get("endpoint").asString()) && outcome.equals(e.get("outcome").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + " " + endpoint + " " + outcome
                        + " in " + entries));
    }
}
