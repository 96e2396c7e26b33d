package ru.eshkola.journal.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.eshkola.journal.JournalApi;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.JsonSchemas;
import ru.eshkola.journal.JournalIntegrationTest;

@JournalIntegrationTest
class RosterIT {

    @LocalServerPort
    int port;

    EventProbe probe = EventProbe.on("journal.schools", "journal.subjects", "journal.staff", "journal.students",
            "journal.classes");

    @AfterEach
    void close() throws InterruptedException {
        probe.close();
    }

    JournalApi api() {
        return new JournalApi(port);
    }

    @Test
    void aSchoolsRosterIsBuiltAndEveryChangeIsPublishedAsASchemaValidEvent() {
        JournalApi api = api();
        String school = api.school();
        String math = api.subject("math", "Математика");
        String teacher = api.teacher(school, "Смирнова");
        String anna = api.student("Иванова", "Анна");
        String classId = api.openClass(school, 7, "б");
        api.enrol(classId, anna, "2026-09-01");
        api.assign(classId, math, teacher, "2026-09-01");

        var admin = JournalApi.admin(school);
        JsonNode seventhB = api.ok(api.get("/api/v1/classes/" + classId, admin));
        assertThat(seventhB.get("name").asString()).isEqualTo("7Б");
        assertThat(seventhB.at("/enrolments/0/studentId").asString()).isEqualTo(anna);
        JsonNode roster = api.ok(api.get("/api/v1/classes/" + classId + "/students?date=2026-11-24",
                api.teacherToken(teacher)));
        assertThat(roster.get(0).get("lastName").asString()).isEqualTo("Иванова");

        Set<String> subjects = Set.of(school, math, teacher, anna, classId);
        List<ConsumerRecord<byte[], byte[]>> events = awaitEvents(subjects, 7);
        assertThat(events.stream().map(r -> EventProbe.header(r, "ce_type")).collect(Collectors.toSet()))
                .contains("journal.school.registered.v1", "journal.school-year.configured.v1",
                        "journal.subject.defined.v1", "journal.staff.registered.v1", "journal.student.registered.v1",
                        "journal.class.opened.v1", "journal.enrolment.started.v1", "journal.assignment.started.v1");
        events.forEach(record -> JsonSchemas.assertValidEvent("journal-service", record));
        ConsumerRecord<byte[], byte[]> enrolment = events.stream()
                .filter(r -> "journal.enrolment.started.v1".equals(EventProbe.header(r, "ce_type"))).findFirst()
                .orElseThrow();
        assertThat(EventProbe.key(enrolment)).as("class events are keyed by class").isEqualTo(classId);
    }

    @Test
    void repeatingARosterRequestChangesNothingAndPublishesNothingNew() throws InterruptedException {
        JournalApi api = api();
        String school = api.school();
        String body = """
                {"lastName":"Кузнецов","firstName":"Иван","roles":["TEACHER","SCHOOL_ADMINISTRATOR"]}""";
        var admin = JournalApi.admin(school);
        HttpResponse<String> first = api.send("PUT", "/api/v1/schools/" + school + "/staff/T-777", body, admin);
        HttpResponse<String> again = api.send("PUT", "/api/v1/schools/" + school + "/staff/T-777", body, admin);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        String staffId = api.ok(again).get("id").asString();
        assertThat(api.ok(again).get("version").asInt()).isEqualTo(1);
        probe.await(EventProbe.withHeader("ce_subject", staffId), Duration.ofSeconds(15));
        Thread.sleep(500);
        assertThat(probe.records(EventProbe.withHeader("ce_subject", staffId))).hasSize(1);

        HttpResponse<String> changed = api.send("PUT", "/api/v1/schools/" + school + "/staff/T-777",
                body.replace("Иван", "Илья"), admin);
        assertThat(api.ok(changed).get("version").asInt()).isEqualTo(2);
        probe.await(EventProbe.withHeader("ce_subject", staffId).and(
                r -> "journal.staff.updated.v1".equals(EventProbe.header(r, "ce_type"))), Duration.ofSeconds(15));
    }

    @Test
    void aStudentIsInOneClassAtATimeAndMovesWhenTheFirstEnrolmentEnds() {
        JournalApi api = api();
        String school = api.school();
        String boris = api.student("Петров", "Борис");
        String sevenA = api.openClass(school, 7, "А");
        String sevenB = api.openClass(school, 7, "Б");
        api.enrol(sevenA, boris, "2026-09-01");
        var admin = JournalApi.admin(school);

        HttpResponse<String> twice = api.send("POST", "/api/v1/classes/" + sevenB + "/enrolments",
                "{\"studentId\":\"" + boris + "\",\"from\":\"2026-11-09\"}", admin);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("student-in-another-class").contains("7А");

        api.post("/api/v1/classes/" + sevenA + "/enrolments/" + boris + "/end",
                "{\"to\":\"2026-11-08\",\"reason\":\"MOVED_WITHIN_SCHOOL\"}", admin);
        api.enrol(sevenB, boris, "2026-11-09");

        assertThat(api.ok(api.get("/api/v1/classes/" + sevenA + "/students?date=2026-11-08", admin))).hasSize(1);
        assertThat(api.ok(api.get("/api/v1/classes/" + sevenA + "/students?date=2026-11-09", admin))).isEmpty();
        assertThat(api.ok(api.get("/api/v1/classes/" + sevenB + "/students?date=2026-11-09", admin))).hasSize(1);
        HttpResponse<String> backwards = api.send("POST", "/api/v1/classes/" + sevenB + "/enrolments/" + boris + "/end",
                "{\"to\":\"2026-11-01\",\"reason\":\"LEFT_SCHOOL\"}", admin);
        assertThat(backwards.statusCode()).isEqualTo(409);
        assertThat(backwards.body()).contains("roster-conflict");
    }

    @Test
    void rosterReferencesToUnknownOrForeignRecordsAreRefusedNamingTheField() {
        JournalApi api = api();
        String school = api.school();
        String otherSchool = api.school();
        String foreignTeacher = api.teacher(otherSchool, "Чужая");
        String classId = api.openClass(school, 5, "В");
        String math = api.subject("math", "Математика");
        var admin = JournalApi.admin(school);

        HttpResponse<String> unknownStudent = api.send("POST", "/api/v1/classes/" + classId + "/enrolments",
                "{\"studentId\":\"nobody\",\"from\":\"2026-09-01\"}", admin);
        assertThat(unknownStudent.statusCode()).isEqualTo(400);
        assertThat(unknownStudent.body()).contains("\"field\":\"studentId\"");

        HttpResponse<String> foreign = api.send("POST", "/api/v1/classes/" + classId + "/assignments",
                "{\"subjectId\":\"" + math + "\",\"teacherId\":\"" + foreignTeacher + "\",\"from\":\"2026-09-01\"}",
                admin);
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("\"field\":\"teacherId\"").contains("does not work at school");

        HttpResponse<String> badClass = api.send("POST", "/api/v1/classes",
                "{\"schoolId\":\"" + school + "\",\"schoolYear\":\"2026/2028\",\"gradeLevel\":12,\"letter\":\"1\"}",
                admin);
        assertThat(badClass.statusCode()).isEqualTo(400);
        assertThat(badClass.body()).contains("\"field\":\"gradeLevel\"").contains("\"field\":\"letter\"");

        assertThat(api.send("POST", "/api/v1/classes/" + classId + "/enrolments",
                "{\"studentId\":\"x\",\"from\":\"2026-09-01\"}", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aSchoolYearNeedsItsSchemesPeriodsInsideItWithoutOverlapAndIsFrozenOnceClosed() {
        JournalApi api = api();
        String school = api.school();
        var admin = JournalApi.admin(school);
        HttpResponse<String> threeQuarters = api.send("PUT", "/api/v1/schools/" + school + "/years/2027-2028", """
                {"start":"2027-09-01","end":"2028-05-31","scheme":"QUARTERS",
                 "periods":[{"start":"2027-09-01","end":"2027-10-25"},{"start":"2027-10-20","end":"2027-12-28"},
                            {"start":"2028-01-09","end":"2028-06-30"}],"holidays":[]}""", admin);
        assertThat(threeQuarters.statusCode()).isEqualTo(400);
        assertThat(threeQuarters.body()).contains("needs 4 periods").contains("overlaps the previous period")
                .contains("must lie within the year");

        api.post("/api/v1/schools/" + school + "/years/2026-2027/close", null, admin);
        HttpResponse<String> afterClose = api.send("PUT", "/api/v1/schools/" + school + "/years/2026-2027", """
                {"start":"2026-09-01","end":"2027-05-31","scheme":"HALF_YEARS",
                 "periods":[{"start":"2026-09-01","end":"2026-12-26"},{"start":"2027-01-11","end":"2027-05-31"}],
                 "holidays":[]}""", admin);
        assertThat(afterClose.statusCode()).isEqualTo(409);
        assertThat(afterClose.body()).contains("school-year-closed");
    }

    private List<ConsumerRecord<byte[], byte[]>> awaitEvents(Set<String> keys, int atLeast) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> probe.records(
                r -> keys.contains(EventProbe.key(r))).size() >= atLeast);
        return probe.records(r -> keys.contains(EventProbe.key(r)));
    }
}
