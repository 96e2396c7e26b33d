package ru.eshkola.journal.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.eshkola.journal.JournalApi;
import ru.eshkola.journal.JournalIntegrationTest;

@JournalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIT {

    @LocalServerPort
    int port;

    AccessWorld w;
    JournalApi api;

    @BeforeAll
    void world() {
        w = new AccessWorld(port);
        api = w.api;
    }

    @Test
    void everyReadAndChangeOfAChildsDataIsRecordedAndTheSchoolsAdministratorFindsIt() {
        Instant start = Instant.now();
        var t1 = api.teacherToken(w.t1);
        api.ok(api.get("/api/v1/lessons/" + w.lesson, t1));
        api.ok(api.get("/api/v1/journal?classId=" + w.seventhB + "&subjectId=" + w.math
                + "&from=2026-11-01&to=2026-11-30", t1));
        api.ok(api.get("/api/v1/students/" + w.s1, t1));
        api.ok(api.get(w.periodResultsPath(), t1));
        api.ok(api.get("/api/v1/classes/" + w.seventhB + "/students", api.teacherToken(w.t2)));
        assertThat(api.get("/api/v1/lessons/" + w.lesson + "/history", api.teacherToken(w.t2)).statusCode())
                .isEqualTo(403);

        JsonNode page = api.ok(api.get("/api/v1/audit?schoolId=" + w.schoolA + "&studentId=" + w.s1 + "&from="
                + start + "&size=50", JournalApi.admin(w.schoolA)));
        List<JsonNode> entries = page.get("items").valueStream().toList();
        assertThat(entries).extracting(e -> e.get("action").asString() + " " + e.get("outcome").asString() + " "
                + e.get("accountId").asString() + " " + e.get("what").asString().replaceAll("\\?.*", ""))
                .containsExactlyInAnyOrder(
                        "READ ALLOWED " + w.t1 + " GET /api/v1/lessons/" + w.lesson,
                        "READ ALLOWED " + w.t1 + " GET /api/v1/journal",
                        "READ ALLOWED " + w.t1 + " GET /api/v1/students/" + w.s1,
                        "READ ALLOWED " + w.t1 + " GET " + w.periodResultsPath(),
                        "READ ALLOWED " + w.t2 + " GET /api/v1/classes/" + w.seventhB + "/students",
                        "READ DENIED " + w.t2 + " GET /api/v1/lessons/" + w.lesson + "/history");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("schoolId").asString()).isEqualTo(w.schoolA);
            assertThat(e.get("from").asString()).as("the client address").isNotBlank();
            assertThat(Instant.parse(e.get("at").asString())).isAfterOrEqualTo(start.minusSeconds(1));
            assertThat(e.get("roles").get(0).asString()).isEqualTo("TEACHER");
        });
        assertThat(page.toString()).as("ids, never names").doesNotContain("Иванова").doesNotContain("Анна");
        assertThat(Instant.parse(entries.get(0).get("at").asString()))
                .as("newest first").isAfterOrEqualTo(Instant.parse(entries.get(entries.size() - 1).get("at")
                        .asString()));

        JsonNode changes = api.ok(api.get("/api/v1/audit?schoolId=" + w.schoolA + "&studentId=" + w.s2
                + "&size=500", JournalApi.admin(w.schoolA)));
        assertThat(changes.get("items").valueStream().map(e -> e.get("action").asString() + " "
                + e.get("what").asString()).toList()).as("the lessons entered for s2, and the enrolment")
                .contains("CHANGE POST /api/v1/lessons", "CHANGE POST /api/v1/classes/" + w.seventhB + "/enrolments");
        assertThat(api.ok(api.get("/api/v1/audit?schoolId=" + w.schoolA + "&from=" + Instant.now().plusSeconds(60),
                JournalApi.admin(w.schoolA))).get("totalItems").asInt()).isZero();
    }

    @Test
    void anAttemptOnAnotherSchoolsChildIsInThatSchoolsAudit() {
        Instant start = Instant.now();
        var t1 = api.teacherToken(w.t1);
        assertThat(api.get("/api/v1/lessons/" + w.lessonB, t1).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/students/" + w.studentB, t1).statusCode()).isEqualTo(403);

        JsonNode audit = api.ok(api.get("/api/v1/audit?schoolId=" + w.schoolB + "&studentId=" + w.studentB
                + "&from=" + start, JournalApi.admin(w.schoolB)));
        assertThat(audit.get("items").valueStream().map(e -> e.get("outcome").asString() + " "
                + e.get("accountId").asString()).toList()).containsExactly("DENIED " + w.t1, "DENIED " + w.t1);
        assertThat(api.get("/api/v1/audit?schoolId=" + w.schoolB, JournalApi.admin(w.schoolA)).statusCode())
                .as("only the school's own administrators").isEqualTo(403);
    }
}
